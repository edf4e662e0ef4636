import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import { modelDiagram } from './diagram.js';

export const README = path.join(PROJECT_ROOT, 'README.md');
const START = '<!-- model-diagram:start -->';
const END = '<!-- model-diagram:end -->';

/** README with its model diagram block replaced by the diagram generated from the model. */
export function readmeWithDiagram(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return `${readme.slice(0, start + START.length)}\n${modelDiagram()}\n${readme.slice(end)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  fs.writeFileSync(README, readmeWithDiagram(fs.readFileSync(README, 'utf8')));
}
