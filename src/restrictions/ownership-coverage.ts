import { periodState } from '../model/period.js';
import type { Measure, ReachData } from './types.js';

/** Parties an ownership-threshold measure reaches, with the share of each held by covered owners. */
export type Coverage = Map<string, number>;

/**
 * Applies an ownership threshold the way OFAC's 50 percent rule and the BIS affiliates rule read: a party is
 * covered when covered parties together own at least the threshold of it, directly or through parties that are
 * themselves covered ("directly or indirectly, individually or in the aggregate"; OFAC FAQ 401). Listed parties
 * are covered at 100 %, except the entity asked about: its own listing restricts it directly and does not make
 * it owned by anyone (else a path to any listed owner, however small its stake, would be credited with 100 %).
 * Repeats until nothing changes, so chains and parallel owners both count, and a cycle of ownership cannot loop.
 */
export function ownershipCoverage(data: ReachData, measure: Measure, asOf: string): Coverage {
  const threshold = measure.reachMinPercent ?? 50;
  const coverage: Coverage = new Map();
  for (const designation of data.designations) {
    if (
      designation.partyId !== data.entityId &&
      designation.listId === measure.listId &&
      periodState(designation.listedOn, designation.removedOn, asOf) === 'DURING'
    ) {
      coverage.set(designation.partyId, 100);
    }
  }
  const stakes = new Map<string, { owner: string; asset: string; percent: number }>();
  for (const path of data.paths) {
    for (const step of path.steps) {
      if (
        step.relation === 'OWNED_BY' &&
        step.percent !== null &&
        periodState(step.validFrom, step.validTo, asOf) === 'DURING'
      ) {
        stakes.set(step.id, { owner: step.to, asset: step.from, percent: step.percent });
      }
    }
  }
  let changed = true;
  while (changed) {
    changed = false;
    const held = new Map<string, number>();
    for (const stake of stakes.values()) {
      if (coverage.has(stake.owner)) held.set(stake.asset, (held.get(stake.asset) ?? 0) + stake.percent);
    }
    for (const [asset, share] of held) {
      if (!coverage.has(asset) && share >= threshold) {
        coverage.set(asset, Math.min(100, share));
        changed = true;
      }
    }
  }
  return coverage;
}
