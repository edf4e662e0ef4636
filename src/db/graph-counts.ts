import { NODE_TYPES } from '../model/model.js';
import type { Database } from './database.js';
import {
  COUNT_BY_EVIDENCE,
  COUNT_NODES,
  COUNT_RELATIONSHIPS,
  COUNT_UNSOURCED,
} from './queries/write.cypher.js';

export interface TypeCount {
  type: string;
  count: number;
}

export interface GraphCounts {
  nodes: TypeCount[];
  relationships: TypeCount[];
  unsourcedFacts: number;
  factsByEvidence: { evidence: string; count: number }[];
}

export async function readGraphCounts(db: Database): Promise<GraphCounts> {
  const [nodes, relationships, unsourced, factsByEvidence] = await Promise.all([
    db.read<TypeCount>(COUNT_NODES, { types: Object.keys(NODE_TYPES) }),
    db.read<TypeCount>(COUNT_RELATIONSHIPS),
    db.read<{ count: number }>(COUNT_UNSOURCED),
    db.read<{ evidence: string; count: number }>(COUNT_BY_EVIDENCE),
  ]);
  return { nodes, relationships, unsourcedFacts: unsourced[0]?.count ?? 0, factsByEvidence };
}

export function formatCounts(counts: GraphCounts): string {
  const table = (rows: TypeCount[]) => rows.map((row) => `  ${row.type.padEnd(24)} ${row.count}`).join('\n');
  return [
    'Nodes by label:',
    table(counts.nodes),
    'Relationships by type:',
    table(counts.relationships),
    'Facts by strongest evidence grade:',
    table(counts.factsByEvidence.map((row) => ({ type: row.evidence, count: row.count }))),
    `Facts without a source: ${counts.unsourcedFacts}`,
  ].join('\n');
}
