import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Database } from '../../src/db/database.js';
import { seedGraph } from '../../src/records/seed-graph.js';
import { wipe } from '../helpers/db.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

/** An empty graph with the small fixture seeds (two authorities, two lists, a few companies). */
export async function fixtureGraph(db: Database): Promise<void> {
  await wipe(db);
  await seedGraph(db, path.join(FIXTURES, 'seeds'));
}

/** A digest of every node (labels and properties) and relationship (type, ends, properties) in the database. */
export async function graphChecksum(db: Database): Promise<string> {
  const nodes = await db.read<{ item: unknown }>(
    `MATCH (n) RETURN {nodeLabels: labels(n), values: properties(n)} AS item`,
  );
  const relationships = await db.read<{ item: unknown }>(
    `MATCH (a)-[r]->(b) RETURN {type: type(r), from: a.id, to: b.id, values: properties(r)} AS item`,
  );
  const lines = [...nodes, ...relationships].map((row) => stable(row.item)).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** Nodes by model label and relationships by type, as one object that compares well in assertions. */
export async function graphCounts(db: Database): Promise<Record<string, number>> {
  const rows = await db.read<{ key: string; count: number }>(
    `CALL () {
       MATCH (n:Node) UNWIND labels(n) AS label WITH label WHERE label <> 'Node' RETURN label AS key, count(*) AS count
       UNION ALL
       MATCH (:Node)-[r]->(:Node) RETURN type(r) AS key, count(*) AS count
     }
     RETURN key, count ORDER BY key`,
  );
  return Object.fromEntries(rows.map((row) => [row.key, row.count]));
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${key}:${stable((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
