import { brandOrigins, brandsLinkedTo, type BrandLink } from '../../brands/brand-links.js';
import type { GraphNode } from '../../db/nodes.js';
import { neighborhood } from '../../graph-view/neighborhood.js';
import type { Evidence } from '../../model/model.js';
import { kindOfLabels, type Towards } from '../../model/vocabulary.js';
import { ownershipChain, type OwnershipChain, type OwnershipPath } from '../../ownership/ownership-chain.js';
import { depthArgument, idArgument, intArgument, percentArgument } from '../arguments.js';
import type { Context } from '../context.js';
import { badInput } from '../errors.js';
import { sourcesOf } from '../related.js';
import { today } from '../../model/period.js';
import { entityKind } from './entity.js';
import { isRestrictedOn, requireEntity } from './restriction.js';

interface BrandArgs {
  id: string;
  asOf?: string | null;
  minEvidence?: Evidence | null;
  maxDepth?: number | null;
}

/** Arguments are checked before the entity is looked up, so a bad bound costs no query. */
async function brandQuery(context: Context, args: BrandArgs) {
  const depth = depthArgument(args.maxDepth);
  await requireEntity(context, args.id);
  return { id: args.id, asOf: args.asOf ?? today(), depth, minEvidence: args.minEvidence ?? undefined };
}

/** Views over the graph: brands, ownership chains and neighbourhoods. */
export const viewResolvers = {
  Query: {
    brandsLinkedTo: async (_: unknown, args: BrandArgs, context: Context) => {
      const query = await brandQuery(context, args);
      return (await brandsLinkedTo(context.db, query)).map((link) => ({ ...link, asOf: query.asOf }));
    },
    brandOrigins: async (_: unknown, args: BrandArgs, context: Context) => {
      depthArgument(args.maxDepth);
      const brand = await requireEntity(context, args.id);
      if (entityKind(brand) !== 'BRAND')
        throw badInput('id', `"${args.id}" is not a brand; use brandsLinkedTo for parties`);
      const query = await brandQuery(context, args);
      return (await brandOrigins(context.db, query)).map((link) => ({ ...link, asOf: query.asOf }));
    },
    ownershipChain: async (
      _: unknown,
      args: {
        id: string;
        direction: Towards;
        maxDepth: number;
        minPercent?: number | null;
        asOf?: string | null;
      },
      context: Context,
    ) => {
      const depth = depthArgument(args.maxDepth);
      const minPercent = percentArgument('minPercent', args.minPercent);
      const id = idArgument('id', args.id);
      const chain = await ownershipChain(
        context.db,
        { id, direction: args.direction, depth, minPercent, asOf: args.asOf ?? today() },
        context.loaders.primeNodes,
      );
      // Asked after the chain, whose query has put the party in the node cache: one round trip, not two.
      await requireEntity(context, id);
      return chain;
    },
    neighborhood: async (
      _: unknown,
      args: { id: string; depth: number; limit: number; asOf?: string | null },
      context: Context,
    ) => {
      const depth = intArgument('depth', args.depth, 1, 0, 4);
      const limit = intArgument('limit', args.limit, 200, 1, 500);
      const node = await context.loaders.node.load(args.id);
      if (!node) throw badInput('id', `no node with id "${args.id}"`);
      const view = await neighborhood(context.db, { id: args.id, depth, limit, asOf: args.asOf ?? null });
      return { ...view, asOf: args.asOf ?? today() };
    },
  },
  BrandLink: {
    brand: (link: BrandLink, _: unknown, c: Context) => c.loaders.node.load(link.entityId),
    path: (link: BrandLink) => ({ steps: link.steps }),
    sources: (link: BrandLink, _: unknown, c: Context) => sourcesOf(c, link),
    restricted: (link: BrandLink & { asOf: string }, _: unknown, c: Context) =>
      isRestrictedOn(c, link.entityId, link.asOf),
  },
  BrandOrigin: {
    entity: (link: BrandLink, _: unknown, c: Context) => c.loaders.node.load(link.entityId),
    path: (link: BrandLink) => ({ steps: link.steps }),
    sources: (link: BrandLink, _: unknown, c: Context) => sourcesOf(c, link),
    restricted: (link: BrandLink & { asOf: string }, _: unknown, c: Context) =>
      isRestrictedOn(c, link.entityId, link.asOf),
  },
  OwnershipChain: {
    root: (chain: OwnershipChain, _: unknown, c: Context) => c.loaders.node.load(chain.rootId),
    ultimateOwners: async (chain: OwnershipChain, _: unknown, c: Context) =>
      (await c.loaders.node.loadMany(chain.ultimateOwnerIds)).filter(
        (node) => node && !(node instanceof Error),
      ),
  },
  OwnershipPath: {
    end: (path: OwnershipPath, _: unknown, c: Context) => c.loaders.node.load(path.endId),
  },
  GraphView: {
    nodes: (view: { nodes: GraphNode[]; asOf: string }) =>
      view.nodes.map((node) => ({ node, asOf: view.asOf })),
  },
  GraphNode: {
    id: ({ node }: { node: GraphNode }) => node.id,
    name: ({ node }: { node: GraphNode }) => node.name ?? node.id,
    kind: ({ node }: { node: GraphNode }) => kindOfLabels(node.labels) ?? 'COMPANY',
    restricted: async ({ node, asOf }: { node: GraphNode; asOf: string }, _: unknown, c: Context) =>
      entityKind(node) !== undefined && (await isRestrictedOn(c, node.id, asOf)),
  },
};
