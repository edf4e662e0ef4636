import type { Database } from '../db/database.js';
import type { GraphNode } from '../db/nodes.js';
import { intParam } from '../db/records.js';
import { OWNERSHIP_DOWN, OWNERSHIP_UP } from '../db/queries/ownership.cypher.js';
import { round } from '../restrictions/evaluate.js';
import { comparePaths, pathHoldsOn, toSteps, type RawPath } from '../restrictions/path-steps.js';
import type { PathStep } from '../restrictions/types.js';
import type { Towards } from '../model/vocabulary.js';

export interface OwnershipQuery {
  id: string;
  direction: Towards;
  depth: number;
  minPercent?: number | undefined;
  asOf?: string | undefined;
}

export interface OwnershipPath {
  steps: PathStep[];
  effectivePercent: number | null;
  endId: string;
}

export interface OwnershipChain {
  rootId: string;
  direction: Towards;
  paths: OwnershipPath[];
  ultimateOwnerIds: string[];
  cyclesFound: boolean;
}

const PATH_LIMIT = 1000;

/**
 * Ownership paths with effective percentages (multiplied along each path). Cypher never repeats a relationship;
 * a path that comes back to a party it already passed is cut there and reported as a cycle. One query; `onNodes`
 * is given the party and every node on its paths, whole (none when there is no such party).
 */
export async function ownershipChain(
  db: Database,
  query: OwnershipQuery,
  onNodes?: (nodes: GraphNode[]) => void,
): Promise<OwnershipChain> {
  const queries = query.direction === 'UP' ? OWNERSHIP_UP : OWNERSHIP_DOWN;
  const [row] = await db.read<{ paths: RawPath[]; nodes: GraphNode[] }>(queries[query.depth] ?? '', {
    id: query.id,
    limit: intParam(PATH_LIMIT),
  });
  onNodes?.(row?.nodes ?? []);
  const raw = row?.paths ?? [];
  let cyclesFound = false;
  const seen = new Set<string>();
  const paths: OwnershipPath[] = [];
  // Downward paths are read upwards too (holding, owned by ..., owned by the root), so steps keep one meaning.
  const all = raw.map((path) => ({ path, steps: toSteps(path, query.direction === 'DOWN') }));
  const owned = new Set(
    all.flatMap(({ steps }) => steps.filter((s) => s.relation === 'OWNED_BY').map(pairKey)),
  );
  for (const { path, steps } of all) {
    // Where a pair has an ownership record, its parallel subsidiary or control record adds no path of its own.
    if (steps.some((step) => step.relation !== 'OWNED_BY' && owned.has(pairKey(step)))) continue;
    const nodeIds = path.nodeIds;
    if (nodeIds.some((id, index) => nodeIds.indexOf(id) !== index)) {
      cyclesFound = true;
      continue;
    }
    if (query.asOf && !pathHoldsOn(steps, query.asOf)) continue;
    if (
      query.minPercent !== undefined &&
      steps.some((step) => step.percent !== null && step.percent < query.minPercent!)
    ) {
      continue;
    }
    const endId = nodeIds[nodeIds.length - 1] ?? query.id;
    const key = steps.map((step) => step.id).join('>');
    if (seen.has(key)) continue;
    seen.add(key);
    paths.push({ steps, effectivePercent: effectivePercent(steps), endId });
  }
  const hasOwner = new Set(paths.flatMap((path) => path.steps.map((step) => step.from)));
  const ultimateOwnerIds =
    query.direction === 'UP'
      ? [...new Set(paths.map((path) => path.endId))].filter((id) => !hasOwner.has(id))
      : [];
  paths.sort(byReadingOrder);
  return { rootId: query.id, direction: query.direction, paths, ultimateOwnerIds, cyclesFound };
}

/** Shortest paths first, then the larger effective share (unknown last), then as comparePaths says. */
function byReadingOrder(a: OwnershipPath, b: OwnershipPath): number {
  return (
    a.steps.length - b.steps.length ||
    (b.effectivePercent ?? -1) - (a.effectivePercent ?? -1) ||
    comparePaths(a.steps, b.steps)
  );
}

function pairKey(step: PathStep): string {
  return `${step.from}>${step.to}`;
}

function effectivePercent(steps: PathStep[]): number | null {
  if (!steps.every((step) => step.percent !== null)) return null;
  return round(steps.reduce((product, step) => (product * (step.percent ?? 0)) / 100, 100));
}
