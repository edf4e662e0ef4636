import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { dateParam, intParam } from '../db/records.js';
import { slices } from '../db/slices.js';
import { UPSERT_NODES, UPSERT_RELATIONSHIPS } from '../db/queries/write.cypher.js';
import {
  ALL_RELATIONSHIP_TYPES,
  NODE_TYPES,
  RELATIONSHIP_TYPES,
  labelsOf,
  type FieldSpec,
  type NodeType,
} from '../model/model.js';
import { nameKeys } from '../names/name-keys.js';
import { searchNames } from '../names/search-names.js';
import type { NodeRecord, RelationshipRecord } from './validate.js';

export interface WriteOptions {
  batchSize?: number;
  /** Called after each batch with the number of records written so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Writes validated records in one transaction: every node, then every relationship, in UNWIND batches.
 * Either all of it lands or none of it. MERGE on ids makes a second run a no-op.
 */
export async function writeRecords(
  db: Database,
  records: { nodes: NodeRecord[]; relationships: RelationshipRecord[] },
  options: WriteOptions = {},
): Promise<void> {
  const batches = planBatches(records, options.batchSize ?? 500);
  const total = records.nodes.length + records.relationships.length;
  await db.transaction(async (tx) => {
    let done = 0;
    for (const batch of batches) {
      await runBatch(tx, batch);
      done += batch.rows.length;
      options.onProgress?.(done, total);
    }
  });
}

export interface Batch {
  query: string;
  rows: Record<string, unknown>[];
}

export function planBatches(
  records: { nodes: NodeRecord[]; relationships: RelationshipRecord[] },
  batchSize: number,
): Batch[] {
  const nodeRows = [...byType(records.nodes)].flatMap(([type, nodes]) => {
    const labels = labelsOf(type as NodeType);
    return nodes.map((node) => ({ id: node.id, labels, properties: nodeProperties(node) }));
  });
  const relationshipRows = [...byType(records.relationships)].flatMap(([type, relationships]) => {
    if (!RELATIONSHIP_TYPE_NAMES.has(type)) throw new Error(`Not a relationship type of the model: ${type}`);
    return relationships.map((rel) => ({
      id: rel.id,
      from: rel.from,
      to: rel.to,
      type,
      properties: { ...toDatabase(rel.properties, relationshipFields(type)), id: rel.id },
    }));
  });
  return [
    ...slices(nodeRows, batchSize).map((rows) => ({ query: UPSERT_NODES, rows })),
    ...slices(relationshipRows, batchSize).map((rows) => ({ query: UPSERT_RELATIONSHIPS, rows })),
  ];
}

/** The write statement takes the type as a parameter: this keeps it to the model's closed set. */
const RELATIONSHIP_TYPE_NAMES: ReadonlySet<string> = new Set(ALL_RELATIONSHIP_TYPES);

export async function runBatch(tx: ManagedTransaction, batch: Batch): Promise<void> {
  await tx.run(batch.query, { rows: batch.rows });
}

/**
 * Properties the writer derives from a node's names, for the indexes that find it: the full-text search text
 * and the keys entity resolution compares. Exports, diffs and change records leave them out.
 */
export const DERIVED_PROPERTIES: ReadonlySet<string> = new Set(['searchNames', 'nameKeys']);

function nodeProperties(node: NodeRecord): Record<string, unknown> {
  const fields: Record<string, FieldSpec> = NODE_TYPES[node.type].fields;
  const properties = toDatabase(node.properties, fields);
  if (typeof node.properties.name === 'string') {
    const aliases = (node.properties.aliases as string[] | undefined) ?? [];
    properties.searchNames = searchNames(node.properties.name, aliases);
    properties.nameKeys = nameKeys([node.properties.name, ...aliases]);
  }
  return properties;
}

function relationshipFields(type: string): Record<string, FieldSpec> {
  return (RELATIONSHIP_TYPES as Record<string, { fields: Record<string, FieldSpec> }>)[type]?.fields ?? {};
}

/** Dates become Neo4j DATE values and whole-number fields INTEGER values; everything else goes as it is. */
function toDatabase(
  properties: Record<string, unknown>,
  fields: Record<string, FieldSpec>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties).map(([key, value]) => {
      const type = fields[key]?.type;
      if (type === 'date' && typeof value === 'string') return [key, dateParam(value)];
      if ((type === 'integer' || key === 'order') && typeof value === 'number') return [key, intParam(value)];
      return [key, value];
    }),
  );
}

/** Records grouped by their `type`, in first-seen order (linear time: imports group tens of thousands). */
export function byType<T extends { type: string }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.type);
    if (group) group.push(item);
    else groups.set(item.type, [item]);
  }
  return groups;
}
