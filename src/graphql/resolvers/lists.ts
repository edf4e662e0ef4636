import type { GraphNode } from '../../db/nodes.js';
import type { ListCoverage } from '../../lists/coverage.js';
import { designationsWithoutMeasure } from '../../lists/coverage.js';
import { listingChanges, type ListingChangeRow } from '../../lists/listing-changes.js';
import type { RestrictionReport } from '../../restrictions/types.js';
import type { WhatIfOutcome } from '../../restrictions/what-if.js';
import type { Context } from '../context.js';
import { connectionOf, pageArguments } from '../connection.js';
import { badInput } from '../errors.js';
import { relatedNode, relatedNodes, sourcesOf } from '../related.js';
import { today } from '../../model/period.js';

interface ListingChangesArgs {
  since?: string | null;
  until?: string | null;
  lists?: string[] | null;
  first?: number | null;
  after?: string | null;
}

/** Coverage of every list that carries a measure and of these lists: what an answer was judged against. */
async function judgedAgainst(context: Context, listIds: readonly string[]): Promise<ListCoverage[]> {
  const ids = new Set([...(await context.loaders.measuredLists.load('all')), ...listIds]);
  return (await context.loaders.coverage.loadMany([...ids].sort())).filter(
    (item): item is ListCoverage => item !== null && !(item instanceof Error),
  );
}

const load = (context: Context, id: string | null) => (id ? context.loaders.node.load(id) : null);

/** Coverage of lists, snapshots of syncs, and the feed of listing changes. */
export const listResolvers = {
  Query: {
    listingChanges: async (_: unknown, args: ListingChangesArgs, context: Context) => {
      const { first, start: skip } = pageArguments(args, { fallback: 100, max: 500 });
      const until = args.until ?? today();
      if (args.since && args.since > until) throw badInput('since', `is after until (${until})`);
      const page = await listingChanges(context.db, {
        since: args.since ?? null,
        until,
        lists: args.lists ?? null,
        skip,
        limit: first,
      });
      return connectionOf(
        page.rows.map((node) => ({ node })),
        skip,
        page.total,
      );
    },
  },
  RestrictedList: {
    coverage: (list: GraphNode, _: unknown, context: Context) => context.loaders.coverage.load(list.id),
    snapshots: async (list: GraphNode, _: unknown, context: Context) =>
      (await relatedNodes(context, list.id, 'COVERS', 'IN')).sort((a, b) =>
        String(b.fetchedAt).localeCompare(String(a.fetchedAt)),
      ),
  },
  RestrictionReport: {
    coverage: async (report: RestrictionReport, _: unknown, context: Context) => {
      const reached = [...report.restrictions, ...report.notApplied].map((item) => item.designation.listId);
      const own = await Promise.all(
        report.designationIds.map((id) => relatedNode(context, id, 'ON_LIST', 'OUT')),
      );
      return judgedAgainst(context, [...reached, ...own.flatMap((list) => (list ? [list.id] : []))]);
    },
    listedWithoutMeasure: async (report: RestrictionReport, _: unknown, context: Context) => {
      const ids = await designationsWithoutMeasure(context.db, report.designationIds);
      return Promise.all(ids.map((id) => context.loaders.node.load(id)));
    },
  },
  ReachConnection: {
    coverage: async ({ measureId }: { measureId: string }, _: unknown, context: Context) => {
      const list = await relatedNode(context, measureId, 'APPLIES_TO', 'OUT');
      return list && context.loaders.coverage.load(list.id);
    },
  },
  WhatIfResult: {
    coverage: (outcome: WhatIfOutcome, _: unknown, context: Context) =>
      judgedAgainst(context, outcome.listIds),
  },
  ListCoverage: {
    list: (coverage: ListCoverage, _: unknown, context: Context) => load(context, coverage.listId),
    source: (coverage: ListCoverage, _: unknown, context: Context) => load(context, coverage.sourceId),
    snapshot: (coverage: ListCoverage, _: unknown, context: Context) => load(context, coverage.snapshotId),
  },
  ListSnapshot: {
    lists: (snapshot: GraphNode, _: unknown, context: Context) =>
      relatedNodes(context, snapshot.id, 'COVERS', 'OUT'),
    sources: (snapshot: GraphNode, _: unknown, context: Context) => sourcesOf(context, snapshot),
  },
  ListingChange: {
    party: (change: ListingChangeRow, _: unknown, context: Context) => load(context, change.partyId),
    list: (change: ListingChangeRow, _: unknown, context: Context) => load(context, change.listId),
    designation: (change: ListingChangeRow, _: unknown, context: Context) =>
      load(context, change.designationId),
    snapshot: (change: ListingChangeRow, _: unknown, context: Context) => load(context, change.snapshotId),
  },
};
