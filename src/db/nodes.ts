import type { Database } from './database.js';
import { NODES_BY_IDS, NODES_OF_TYPE, RELATIONS_BY_NODE_IDS, SOURCE_GRADES } from './queries/node.cypher.js';
import { isNodeType, type Evidence } from '../model/model.js';

/** A node as the API sees it: its properties (dates as ISO strings) and labels. */
export interface GraphNode {
  id: string;
  labels: string[];
  name?: string;
  sources?: string[];
  [property: string]: unknown;
}

/** A relationship seen from one node; `other` is the node at the other end. */
export interface NodeRelation {
  nodeId: string;
  type: string;
  outgoing: boolean;
  properties: { id: string; sources?: string[]; [property: string]: unknown };
  other: GraphNode;
}

export async function findNodes(db: Database, ids: readonly string[]): Promise<GraphNode[]> {
  const rows = await db.read<{ node: GraphNode }>(NODES_BY_IDS, { ids });
  return rows.map((row) => row.node);
}

export function findRelations(db: Database, ids: readonly string[]): Promise<NodeRelation[]> {
  return db.read<NodeRelation>(RELATIONS_BY_NODE_IDS, { ids });
}

export async function findNodesOfType(db: Database, type: string): Promise<GraphNode[]> {
  if (!isNodeType(type)) throw new Error(`Unknown node type ${type}`);
  const rows = await db.read<{ node: GraphNode }>(NODES_OF_TYPE(type));
  return rows.map((row) => row.node);
}

/** Evidence grade by source id, for the sources cited along some paths. */
export async function findSourceGrades(db: Database, ids: readonly string[]): Promise<Map<string, Evidence>> {
  const rows = await db.read<{ id: string; evidence: Evidence }>(SOURCE_GRADES, { ids: [...new Set(ids)] });
  return new Map(rows.map((row) => [row.id, row.evidence]));
}
