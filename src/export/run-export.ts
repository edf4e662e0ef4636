import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Database } from '../db/database.js';
import { writeEdgesCsv, writeNodesCsv } from './csv-export.js';
import { writeCytoscape } from './cytoscape.js';
import { writeFtm } from './ftm-export.js';
import { writeGraphML } from './graphml.js';
import { readGraphForExport, type ExportGraph } from './read-graph.js';

export const EXPORT_FORMATS = ['graphml', 'cytoscape', 'csv', 'ftm'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

type Writer = (graph: ExportGraph) => Generator<string>;

const SINGLE_FILE: Readonly<Record<Exclude<ExportFormat, 'csv'>, { writer: Writer; extension: string }>> = {
  graphml: { writer: writeGraphML, extension: 'graphml' },
  cytoscape: { writer: writeCytoscape, extension: 'cyjs' },
  ftm: { writer: writeFtm, extension: 'ftm.jsonl' },
};

export interface ExportResult {
  files: string[];
  nodes: number;
  relationships: number;
}

/**
 * Exports the live graph (retracted facts are not part of it). CSV writes `nodes.csv` and `edges.csv` into the
 * folder `out`; the other formats write the file `out`, or stdout when `out` is not given.
 */
export async function exportGraph(
  db: Database,
  format: ExportFormat,
  out: string | undefined,
  stdout: Writable = process.stdout,
): Promise<ExportResult> {
  const graph = await readGraphForExport(db);
  const counts = { nodes: graph.nodes.length, relationships: graph.relationships.length };
  if (format === 'csv') {
    if (!out) throw new Error('CSV export writes two files (nodes.csv, edges.csv): give a folder with --out');
    fs.mkdirSync(out, { recursive: true });
    const files = [path.join(out, 'nodes.csv'), path.join(out, 'edges.csv')];
    await writeFile(files[0] as string, writeNodesCsv(graph));
    await writeFile(files[1] as string, writeEdgesCsv(graph));
    return { files, ...counts };
  }
  const { writer } = SINGLE_FILE[format];
  if (!out) {
    await writeChunks(stdout, writer(graph));
    return { files: [], ...counts };
  }
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  await writeFile(out, writer(graph));
  return { files: [out], ...counts };
}

async function writeFile(file: string, chunks: Iterable<string>): Promise<void> {
  const stream = fs.createWriteStream(file, 'utf8');
  await writeChunks(stream, chunks);
  stream.end();
  await once(stream, 'finish');
}

/** Writes chunk by chunk, waiting when the stream asks to, so a large graph never sits in one string. */
async function writeChunks(stream: Writable, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) if (!stream.write(chunk)) await once(stream, 'drain');
}
