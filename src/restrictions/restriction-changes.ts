import type { RestrictionChangeCause } from '../model/model.js';
import type {
  AppliedRestriction,
  RestrictionReport,
  UnappliedReason,
  UnappliedRestriction,
} from './types.js';

export interface RestrictionChange {
  /** The restriction on the day it applied: `to` for a gain, `from` for a loss. */
  restriction: AppliedRestriction;
  cause: RestrictionChangeCause;
  /** Why it did not apply on the other day, in the evaluator's words; null when nothing reached it then. */
  explanation: string | null;
}

export interface RestrictionChanges {
  entityId: string;
  from: string;
  to: string;
  gained: RestrictionChange[];
  lost: RestrictionChange[];
}

/** What a reason for not applying on one day says about the change, for a gain (then) and a loss (now). */
const GAIN_CAUSE: Record<UnappliedReason, RestrictionChangeCause> = {
  NOT_YET_EFFECTIVE: 'MEASURE_TOOK_EFFECT',
  REMOVED_FROM_LIST: 'LISTED',
  SUSPENDED: 'SUSPENSION_ENDED',
  RELATION_NOT_STARTED: 'RELATION_STARTED',
  RELATION_ENDED: 'RELATION_STARTED',
  BELOW_THRESHOLD: 'OWNERSHIP_CHANGED',
  MEASURE_ENDED: 'MEASURE_TOOK_EFFECT',
  NAMED_ONLY_RULE: 'NEWLY_REACHED',
  PRODUCTS_NOT_COVERED: 'NEWLY_REACHED',
};
const LOSS_CAUSE: Record<UnappliedReason, RestrictionChangeCause> = {
  NOT_YET_EFFECTIVE: 'NO_LONGER_REACHED',
  REMOVED_FROM_LIST: 'REMOVED_FROM_LIST',
  SUSPENDED: 'SUSPENDED',
  RELATION_NOT_STARTED: 'RELATION_ENDED',
  RELATION_ENDED: 'RELATION_ENDED',
  BELOW_THRESHOLD: 'OWNERSHIP_CHANGED',
  MEASURE_ENDED: 'MEASURE_ENDED',
  NAMED_ONLY_RULE: 'NO_LONGER_REACHED',
  PRODUCTS_NOT_COVERED: 'NO_LONGER_REACHED',
};

/**
 * Compares one entity's restrictions on two dates, measure by measure: a measure that applies on `to` and not
 * on `from` is gained, one that applied on `from` and not on `to` is lost, each with the reason the evaluator
 * gave for the day it did not apply (a listing not yet made reads as LISTED).
 */
export function compareReports(before: RestrictionReport, after: RestrictionReport): RestrictionChanges {
  const applied = (report: RestrictionReport) =>
    new Map(report.restrictions.map((item) => [item.measure.id, item]));
  const unapplied = (report: RestrictionReport) =>
    new Map(report.notApplied.map((item) => [item.measure.id, item]));
  const [then, now] = [applied(before), applied(after)];
  const [whyNotThen, whyNotNow] = [unapplied(before), unapplied(after)];
  const gained = [...now.values()]
    .filter((item) => !then.has(item.measure.id))
    .map((item) => change(item, whyNotThen.get(item.measure.id), before.asOf, 'gain'));
  const lost = [...then.values()]
    .filter((item) => !now.has(item.measure.id))
    .map((item) => change(item, whyNotNow.get(item.measure.id), after.asOf, 'loss'));
  return { entityId: before.entityId, from: before.asOf, to: after.asOf, gained, lost };
}

function change(
  restriction: AppliedRestriction,
  other: UnappliedRestriction | undefined,
  otherDay: string,
  direction: 'gain' | 'loss',
): RestrictionChange {
  if (!other)
    return {
      restriction,
      cause: direction === 'gain' ? 'NEWLY_REACHED' : 'NO_LONGER_REACHED',
      explanation: null,
    };
  const listedLater = direction === 'gain' && otherDay < other.designation.listedOn;
  const cause = listedLater ? 'LISTED' : (direction === 'gain' ? GAIN_CAUSE : LOSS_CAUSE)[other.reason];
  return { restriction, cause, explanation: other.explanation };
}
