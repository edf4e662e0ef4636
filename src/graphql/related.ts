import type { GraphNode, NodeRelation } from '../db/nodes.js';
import { holdsOn } from '../model/period.js';
import type { Context } from './context.js';

export type Direction = 'OUT' | 'IN' | 'BOTH';

/** The node's relations of one type and direction, those holding on asOf when given. */
export async function relationsOf(
  context: Context,
  nodeId: string,
  type: string,
  direction: Direction,
  asOf?: string | null,
): Promise<NodeRelation[]> {
  const all = await context.loaders.relations.load(nodeId);
  return all.filter(
    (relation) =>
      relation.type === type &&
      (direction === 'BOTH' || relation.outgoing === (direction === 'OUT')) &&
      (!asOf || holdsOn(relation.properties, asOf)),
  );
}

/** The nodes at the other end of those relations, in a stable order. */
export async function relatedNodes(
  context: Context,
  nodeId: string,
  type: string,
  direction: Direction,
): Promise<GraphNode[]> {
  const relations = await relationsOf(context, nodeId, type, direction);
  return relations
    .sort((a, b) => Number(a.properties.order ?? 0) - Number(b.properties.order ?? 0))
    .map((relation) => relation.other);
}

export async function relatedNode(
  context: Context,
  nodeId: string,
  type: string,
  direction: Direction,
): Promise<GraphNode | null> {
  return (await relatedNodes(context, nodeId, type, direction))[0] ?? null;
}

export async function sourcesOf(context: Context, parent: { sources?: unknown }): Promise<GraphNode[]> {
  const ids = Array.isArray(parent.sources) ? (parent.sources as string[]) : [];
  const nodes = await context.loaders.node.loadMany(ids);
  return nodes.filter((node): node is GraphNode => node !== null && !(node instanceof Error));
}
