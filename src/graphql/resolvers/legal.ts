import type { GraphNode } from '../../db/nodes.js';
import { findNodesOfType } from '../../db/nodes.js';
import type { Context } from '../context.js';
import { idArgument } from '../arguments.js';
import { relatedNode, relatedNodes, relationsOf, sourcesOf, type Direction } from '../related.js';
import { designationInForce } from './entity.js';
import { paginate } from '../connection.js';

type PageArgs = { first?: number | null; after?: string | null };

const related = (type: string, direction: Direction) => (parent: GraphNode, _: unknown, context: Context) =>
  relatedNodes(context, parent.id, type, direction);
const single = (type: string, direction: Direction) => (parent: GraphNode, _: unknown, context: Context) =>
  relatedNode(context, parent.id, type, direction);
const sources = (parent: GraphNode, _: unknown, context: Context) => sourcesOf(context, parent);

async function nodeOfType(context: Context, id: string, label: string): Promise<GraphNode | null> {
  const node = await context.loaders.node.load(idArgument('id', id));
  return node?.labels.includes(label) ? node : null;
}

/** A list's entries in listing order: those naming parties, or (categories) those naming product categories. */
async function entriesOf(
  context: Context,
  listId: string,
  asOf: string | null | undefined,
  categories: boolean,
) {
  const entries = await relatedNodes(context, listId, 'ON_LIST', 'IN');
  const kinds = await Promise.all(entries.map((entry) => relatedNode(context, entry.id, 'COVERS', 'OUT')));
  return entries
    .filter((entry, index) => (kinds[index] !== null) === categories)
    .filter((entry) => !asOf || designationInForce(entry, asOf))
    .sort((a, b) => String(a.listedOn).localeCompare(String(b.listedOn)));
}

/** Designations, lists, measures and instruments: the legal side of the graph. */
export const legalResolvers = {
  Query: {
    list: (_: unknown, { id }: { id: string }, context: Context) => nodeOfType(context, id, 'RestrictedList'),
    lists: (_: unknown, __: unknown, context: Context) => findNodesOfType(context.db, 'RestrictedList'),
    instrument: (_: unknown, { id }: { id: string }, context: Context) =>
      nodeOfType(context, id, 'LegalInstrument'),
    instruments: async (_: unknown, { kind }: { kind?: string | null }, context: Context) => {
      const all = await findNodesOfType(context.db, 'LegalInstrument');
      return kind ? all.filter((instrument) => instrument.kind === kind) : all;
    },
  },
  Designation: {
    list: single('ON_LIST', 'OUT'),
    party: single('DESIGNATES', 'OUT'),
    instrument: single('MADE_BY', 'OUT'),
    sources,
  },
  RestrictedList: {
    aliases: (parent: GraphNode) => parent.aliases ?? [],
    authority: single('KEPT_BY', 'OUT'),
    establishedBy: single('ESTABLISHED_BY', 'OUT'),
    measures: related('APPLIES_TO', 'IN'),
    members: (parent: GraphNode, { asOf }: { asOf?: string | null }, context: Context) =>
      entriesOf(context, parent.id, asOf, false),
    memberConnection: async (
      parent: GraphNode,
      args: PageArgs & { asOf?: string | null },
      context: Context,
    ) =>
      paginate(
        (await entriesOf(context, parent.id, args.asOf, false)).map((node) => ({ node })),
        args,
        { fallback: 100, max: 500 },
      ),
    categoryEntries: (parent: GraphNode, { asOf }: { asOf?: string | null }, context: Context) =>
      entriesOf(context, parent.id, asOf, true),
    sources,
  },
  CategoryEntry: {
    list: single('ON_LIST', 'OUT'),
    category: single('COVERS', 'OUT'),
    instrument: single('MADE_BY', 'OUT'),
    sources,
  },
  ProductCategory: {
    aliases: (parent: GraphNode) => parent.aliases ?? [],
    exceptions: (parent: GraphNode) => parent.exceptions ?? [],
    entries: related('COVERS', 'IN'),
    sources,
  },
  Measure: {
    list: single('APPLIES_TO', 'OUT'),
    instruments: related('IMPOSED_BY', 'OUT'),
    reach: (parent: GraphNode) => ({
      rule: parent.reachRule,
      minPercent: parent.reachMinPercent ?? null,
      subsidiaryMinPercent: parent.reachSubsidiaryMinPercent ?? null,
      affiliateMinPercent: parent.reachAffiliateMinPercent ?? null,
      coversProducts: parent.coversProducts === true,
      text: parent.reachText,
      sources: parent.reachSources ?? [],
    }),
    suspensions: async (parent: GraphNode, _: unknown, context: Context) =>
      (await relationsOf(context, parent.id, 'SUSPENDS', 'IN')).map((relation) => ({
        instrument: relation.other,
        from: relation.properties.validFrom ?? null,
        to: relation.properties.validTo ?? null,
      })),
    sources,
  },
  ReachRule: {
    sources: (parent: { sources: string[] }, _: unknown, context: Context) => sourcesOf(context, parent),
  },
  LegalInstrument: {
    issuedBy: single('ISSUED_BY', 'OUT'),
    amends: related('AMENDS', 'OUT'),
    amendedBy: related('AMENDS', 'IN'),
    supersedes: related('SUPERSEDES', 'OUT'),
    supersededBy: related('SUPERSEDES', 'IN'),
    revokes: related('REVOKES', 'OUT'),
    revokedBy: related('REVOKES', 'IN'),
    implements: related('IMPLEMENTS', 'OUT'),
    implementedBy: related('IMPLEMENTS', 'IN'),
    suspends: related('SUSPENDS', 'OUT'),
    measures: related('IMPOSED_BY', 'IN'),
    lists: related('ESTABLISHED_BY', 'IN'),
    sources,
  },
};
