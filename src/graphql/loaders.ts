import DataLoader from 'dataloader';
import type { Database } from '../db/database.js';
import { findNodes, findRelations, type GraphNode, type NodeRelation } from '../db/nodes.js';
import { listCoverage, measuredListIds, type ListCoverage } from '../lists/coverage.js';
import { explainRestrictions, type ReportKey } from '../restrictions/explain.js';
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
  const report: Loaders['report'] = new DataLoader((keys) => explainRestrictions(db, keys, primeNodes), {
    cacheKeyFn: (key) => JSON.stringify([key.id, key.asOf, key.depth, key.minEvidence ?? null]),
  });
  const coverage: Loaders['coverage'] = new DataLoader(async (ids) => {
    const found = new Map((await listCoverage(db, ids, today())).map((item) => [item.listId, item]));
    return ids.map((id) => found.get(id) ?? null);
  });
  const measuredLists: Loaders['measuredLists'] = new DataLoader(async (keys) => {
    const ids = await measuredListIds(db);
    return keys.map(() => ids);
  });
  return { node, relations, report, coverage, measuredLists, primeNodes };
}
