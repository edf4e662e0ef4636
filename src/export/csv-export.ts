import { csvRecord } from '../formats/csv-writer.js';
import type { ExportGraph } from './read-graph.js';

/**
 * Two CSV files, nodes and edges, with a column per property. Lists are joined with "|" (the array separator
 * neo4j-admin import and most spreadsheet tools take); the project's CSV writer quotes and neutralises formulas.
 */
export function* writeNodesCsv(graph: ExportGraph): Generator<string> {
  const columns = propertyColumns(
    graph.nodes.map((node) => node.properties),
    ['id'],
  );
  yield row(['id', 'type', 'labels', ...columns]);
  for (const node of graph.nodes)
    yield row([node.id, node.type, node.labels, ...columns.map((column) => node.properties[column])]);
}

export function* writeEdgesCsv(graph: ExportGraph): Generator<string> {
  const columns = propertyColumns(
    graph.relationships.map((rel) => rel.properties),
    ['id'],
  );
  yield row(['id', 'source', 'target', 'type', ...columns]);
  for (const rel of graph.relationships)
    yield row([rel.id, rel.from, rel.to, rel.type, ...columns.map((column) => rel.properties[column])]);
}

/** Every property name in use, sorted, less those that have a fixed column. */
function propertyColumns(items: Record<string, unknown>[], fixed: string[]): string[] {
  const names = new Set<string>();
  for (const item of items) for (const key of Object.keys(item)) names.add(key);
  return [...names].filter((name) => !fixed.includes(name)).sort();
}

function row(values: unknown[]): string {
  return csvRecord(values.map(cell));
}

function cell(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(String).join('|');
  return typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
}
