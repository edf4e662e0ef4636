import type { Database } from '../db/database.js';
import { slices } from '../db/slices.js';
import type { NodeRecord, RelationshipRecord } from '../records/validate.js';
import { byType, DERIVED_PROPERTIES } from '../records/write-records.js';
import { NODE_PROPERTIES_BY_IDS, RELATIONSHIP_PROPERTIES_BY_IDS } from './import.cypher.js';

export interface ChangeCount {
  type: string;
  create: number;
  update: number;
  unchanged: number;
}

export interface GraphDiff {
  nodes: NodeRecord[];
  relationships: RelationshipRecord[];
  nodeCounts: ChangeCount[];
  relationshipCounts: ChangeCount[];
}

const CHUNK = 2000;

/**
 * Compares validated records with what the graph holds and keeps only those that would change it. This is the
 * dry-run report, and it is also why a second import writes nothing at all.
 */
export async function diffAgainstGraph(
  db: Database,
  records: { nodes: NodeRecord[]; relationships: RelationshipRecord[] },
): Promise<GraphDiff> {
  const existingNodes = new Map<string, string>();
  for (const ids of slices(
    records.nodes.map((node) => node.id),
    CHUNK,
  )) {
    const rows = await db.read<{ id: string; properties: Record<string, unknown> }>(NODE_PROPERTIES_BY_IDS, {
      ids,
    });
    for (const row of rows) existingNodes.set(row.id, canonical(row.properties));
  }
  const existingRelationships = new Map<string, string>();
  for (const [type, relationships] of byType(records.relationships)) {
    const query = RELATIONSHIP_PROPERTIES_BY_IDS[type];
    if (!query) throw new Error(`No lookup statement for relationship type ${type}`);
    for (const rows of slices(
      relationships.map((rel) => ({ id: rel.id, from: rel.from })),
      CHUNK,
    )) {
      const found = await db.read<{ id: string; to: string; properties: Record<string, unknown> }>(query, {
        rows,
      });
      for (const row of found)
        existingRelationships.set(`${type}|${row.id}`, `${row.to}|${canonical(row.properties)}`);
    }
  }
  const nodeCounts = new Counts();
  const nodes = records.nodes.filter((node) =>
    nodeCounts.add(node.type, existingNodes.get(node.id), canonical(node.properties)),
  );
  const relationshipCounts = new Counts();
  const relationships = records.relationships.filter((rel) =>
    relationshipCounts.add(
      rel.type,
      existingRelationships.get(`${rel.type}|${rel.id}`),
      `${rel.to}|${canonical(rel.properties)}`,
    ),
  );
  return {
    nodes,
    relationships,
    nodeCounts: nodeCounts.list(),
    relationshipCounts: relationshipCounts.list(),
  };
}

class Counts {
  private readonly byType = new Map<string, ChangeCount>();

  /** Counts one record; true when it would change the graph. */
  add(type: string, before: string | undefined, after: string): boolean {
    const count = this.byType.get(type) ?? { type, create: 0, update: 0, unchanged: 0 };
    this.byType.set(type, count);
    if (before === undefined) count.create += 1;
    else if (before !== after) count.update += 1;
    else count.unchanged += 1;
    return before !== after;
  }

  list(): ChangeCount[] {
    return [...this.byType.values()].sort((a, b) => a.type.localeCompare(b.type));
  }
}

/** JSON with sorted keys and without the writer's derived properties, so equal property sets compare equal. */
export function canonical(properties: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(properties)
      .filter(
        (key) => !DERIVED_PROPERTIES.has(key) && properties[key] !== undefined && properties[key] !== null,
      )
      .sort()
      .map((key) => [key, properties[key]]),
  );
}
