import DataLoader from 'dataloader';
import type { Database } from '../db/database.js';
import { findNodes, findRelations, type GraphNode, type NodeRelation } from '../db/nodes.js';
import { listCoverage, measuredListIds, type ListCoverage } from '../lists/coverage.js';
import { explainRestrictions, restrictionVerdicts, type ReportKey } from '../restrictions/explain.js';
import type { RestrictionReport } from '../restrictions/types.js';
import { today } from '../model/period.js';

export interface Loaders {
  /** Any node by id: entities, lists, measures, instruments, designations, sources. */
  node: DataLoader<string, GraphNode | null>;
  /** Every relationship of a node, both ways, with the other node (which also primes `node`). */
  relations: DataLoader<string, NodeRelation[]>;
  /**
   * Restriction reports, batched (a graph view or a screening asks for many in one tick: one set of queries for
   * all) and memoised per request (equal questions are answered once).
   */
  report: DataLoader<ReportKey, RestrictionReport, string>;
  /**
   * Whether a restriction applies, for marks (a screening's matches, a graph view's nodes, brand links): batched
   * like `report`, read without the path names only a report shows, and taken from `report` when the request
   * asks for that entity's report too.
   */
  restricted: DataLoader<ReportKey, boolean, string>;
  /** Coverage of lists by id (today's entries), batched. */
  coverage: DataLoader<string, ListCoverage | null>;
  /** The ids of the lists that carry a measure (one key, 'all'): what every restriction answer is judged against. */
  measuredLists: DataLoader<'all', string[]>;
  /** Puts nodes a query read whole anyway into `node`, so that the fields asked next need no query of their own. */
  primeNodes: (nodes: GraphNode[]) => void;
}

/** New loaders for every request, so that nothing cached outlives it. */
export function createLoaders(db: Database): Loaders {
  const node: Loaders['node'] = new DataLoader(async (ids) => {
    const found = new Map((await findNodes(db, ids)).map((item) => [item.id, item]));
    return ids.map((id) => found.get(id) ?? null);
  });
  const relations: Loaders['relations'] = new DataLoader(async (ids) => {
    const byNode = new Map<string, NodeRelation[]>(ids.map((id) => [id, []]));
    for (const relation of await findRelations(db, ids)) {
      byNode.get(relation.nodeId)?.push(relation);
      node.prime(relation.other.id, relation.other);
    }
    return ids.map((id) => byNode.get(id) ?? []);
  });
  const primeNodes = (nodes: GraphNode[]) => nodes.forEach((item) => node.prime(item.id, item));
  // The nodes an explanation read are the ones its fields ask for next (measure, list, path steps).
  const reports = new Map<string, Promise<RestrictionReport>>();
  const report: Loaders['report'] = new DataLoader((keys) => explainRestrictions(db, keys, primeNodes), {
    cacheKeyFn: reportKey,
    cacheMap: reports,
  });
  const restricted: Loaders['restricted'] = new DataLoader(
    async (keys) => {
      const unreported = keys.filter((key) => !reports.has(reportKey(key)));
      const verdicts = new Map(
        (await restrictionVerdicts(db, unreported, primeNodes)).map((verdict, i) => [
          unreported[i]!,
          verdict,
        ]),
      );
      return Promise.all(
        keys.map(
          async (key) => verdicts.get(key) ?? (await reports.get(reportKey(key))!).restrictions.length > 0,
        ),
      );
    },
    {
      cacheKeyFn: reportKey,
      // After the batches of `report` asked in the same tick (a match's `restricted` and `restrictions` are
      // resolved side by side), so that a report asked for anyway answers the mark too.
      batchScheduleFn: (callback) => setImmediate(callback),
    },
  );
  const coverage: Loaders['coverage'] = new DataLoader(async (ids) => {
    const found = new Map((await listCoverage(db, ids, today())).map((item) => [item.listId, item]));
    return ids.map((id) => found.get(id) ?? null);
  });
  const measuredLists: Loaders['measuredLists'] = new DataLoader(async (keys) => {
    const ids = await measuredListIds(db);
    return keys.map(() => ids);
  });
  return { node, relations, report, restricted, coverage, measuredLists, primeNodes };
}

const reportKey = (key: ReportKey) => JSON.stringify([key.id, key.asOf, key.depth, key.minEvidence ?? null]);
