import type { GraphNode } from '../../db/nodes.js';
import { idArgument } from '../arguments.js';
import type { Context } from '../context.js';
import { relatedNode } from '../related.js';
import { entityKind } from './entity.js';

/** The GraphQL type of each model label a node may be fetched as; other nodes (audit, snapshots) are not. */
const TYPE_OF_LABEL = {
  RestrictedList: 'RestrictedList',
  LegalInstrument: 'LegalInstrument',
  Measure: 'Measure',
  ProductCategory: 'ProductCategory',
  Source: 'Source',
} as const;

/** A Designation node is a category entry when it covers a product category instead of naming a party. */
async function typeOf(node: GraphNode, context: Context): Promise<string | null> {
  if (entityKind(node)) return 'Entity';
  if (node.labels.includes('Designation'))
    return (await relatedNode(context, node.id, 'COVERS', 'OUT')) ? 'CategoryEntry' : 'Designation';
  const label = node.labels.find((item): item is keyof typeof TYPE_OF_LABEL => item in TYPE_OF_LABEL);
  return label ? TYPE_OF_LABEL[label] : null;
}

/** Relay's `node(id:)`: one lookup by id, typed from the node's labels. */
export const nodeResolvers = {
  Query: {
    node: async (_: unknown, { id }: { id: string }, context: Context) => {
      const node = await context.loaders.node.load(idArgument('id', id));
      return node && (await typeOf(node, context)) ? node : null;
    },
  },
  Node: {
    __resolveType: (node: GraphNode, context: Context) => typeOf(node, context),
  },
};
