import type { Command } from '../command.js';
import { brandsCommand } from './brands.js';
import { chainCommand } from './chain.js';
import { explainCommand } from './explain.js';
import { exportCommand } from './export.js';
import { fetchNeo4jCommand } from './fetch-neo4j.js';
import { importCommand } from './import.js';
import { modelDiagramCommand } from './model-diagram.js';
import { neo4jCommand } from './neo4j.js';
import { screenCommand } from './screen.js';
import { searchCommand } from './search.js';
import { seedCommand } from './seed.js';
import { serveCommand } from './serve.js';
import { syncCommand } from './sync.js';
import { validateCommand } from './validate.js';

/** Every command of the CLI, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  searchCommand,
  explainCommand,
  brandsCommand,
  chainCommand,
  screenCommand,
  validateCommand,
  seedCommand,
  importCommand,
  syncCommand,
  exportCommand,
  serveCommand,
  neo4jCommand,
  fetchNeo4jCommand,
  modelDiagramCommand,
];
