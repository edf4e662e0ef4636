import type { Database } from '../db/database.js';
import type { GraphNode } from '../db/nodes.js';
import type { Evidence } from '../model/model.js';
import { evaluateRestrictions } from './evaluate.js';
import { loadReach, type ReachDetail } from './load-reach.js';
import type { ReachData, RestrictionReport } from './types.js';

/** One question: why is (or is not) this entity restricted on this date, following paths up to this depth. */
export interface ReportKey {
  id: string;
  asOf: string;
  depth: number;
  minEvidence?: Evidence | undefined;
}

/**
 * Answers many questions at once: read the reachable graph of every entity asked about (one query per depth
 * asked), then apply each measure's rule on each date. Reports come back in the order of the keys; `onNodes`
 * sees every node read (see loadReach).
 */
export function explainRestrictions(
  db: Database,
  keys: readonly ReportKey[],
  onNodes?: (nodes: GraphNode[]) => void,
): Promise<RestrictionReport[]> {
  return evaluateAll(db, keys, onNodes, 'report');
}

/**
 * Whether each entity is restricted: the verdicts of the same reports, read without the names of the nodes on
 * their paths, which only a report's texts show (a screening or a graph view marks thousands of entities).
 */
export async function restrictionVerdicts(
  db: Database,
  keys: readonly ReportKey[],
  onNodes?: (nodes: GraphNode[]) => void,
): Promise<boolean[]> {
  return (await evaluateAll(db, keys, onNodes, 'verdict')).map((report) => report.restrictions.length > 0);
}

async function evaluateAll(
  db: Database,
  keys: readonly ReportKey[],
  onNodes: ((nodes: GraphNode[]) => void) | undefined,
  detail: ReachDetail,
): Promise<RestrictionReport[]> {
  const reach = new Map<string, ReachData>();
  for (const depth of new Set(keys.map((key) => key.depth))) {
    const ids = [...new Set(keys.filter((key) => key.depth === depth).map((key) => key.id))];
    for (const data of await loadReach(db, ids, depth, onNodes, detail))
      reach.set(`${depth}|${data.entityId}`, data);
  }
  return keys.map((key) =>
    evaluateRestrictions(reach.get(`${key.depth}|${key.id}`) as ReachData, key.asOf, key.minEvidence),
  );
}
