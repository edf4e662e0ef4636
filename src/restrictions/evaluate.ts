import type { Evidence } from '../model/model.js';
import { familyRelations, stepRelation } from '../model/vocabulary.js';
import { bestGrade, evidenceRank as rank, pathEvidence } from './evidence.js';
import { periodState } from '../model/period.js';
import { measureStart } from './measure-start.js';
import { comparePaths } from './path-steps.js';
import { describeNotApplied, describeRule } from './describe.js';
import { ownershipCoverage, type Coverage } from './ownership-coverage.js';
import { productRestrictions } from './product-restrictions.js';
import type {
  AppliedRestriction,
  Basis,
  Designation,
  Measure,
  PathStep,
  ReachData,
  RestrictionReport,
  UnappliedReason,
  UnappliedRestriction,
} from './types.js';

/** Step names that lead from a brand to its owner or maker. */
const BRAND_STEPS = new Set<string>(familyRelations('BRAND').map(stepRelation));
const BASIS_RANK: Record<Basis, number> = {
  DIRECT: 0,
  PRODUCT_OF: 1,
  SUBSIDIARY_OR_AFFILIATE: 2,
  CONTROL: 3,
  OWNERSHIP_THRESHOLD: 4,
};

type Verdict =
  | { applies: true; basis: Basis; effectivePercent: number | null }
  | { applies: false; reason: UnappliedReason };

/** One way a measure may reach the entity: a path to a listed party, one of its listings, one of the list's measures. */
interface Candidate {
  path: ReachData['paths'][number];
  designation: Designation;
  measure: Measure;
  /** The path's evidence grade (its weakest step). */
  evidence: Evidence;
}

type Grader = (sourceId: string) => Evidence | undefined;

/**
 * Decides, for one entity and one date, which measures apply and why, and which reachable ones do not.
 * Pure: the graph was read by loadReach. Each candidate is a (path, listing, measure) triple; it applies when
 * every step of the path holds on the date, the measure's reach rule accepts the path, the listing is in force,
 * the measure is effective for that listing and not suspended. One restriction is kept per measure (the most
 * direct), and a measure that applies nowhere yields its why-not entries instead.
 */
export function evaluateRestrictions(
  data: ReachData,
  asOf: string,
  minEvidence?: Evidence,
): RestrictionReport {
  const grade = evidenceGrader(data);
  const coverageByMeasure = new Map<string, Coverage>();
  const applied = new Map<string, AppliedRestriction>();
  const unapplied = new Map<string, UnappliedRestriction>();

  for (const candidate of candidates(data, grade, minEvidence)) {
    const { path, designation, measure } = candidate;
    const coverage = lazyCoverage(coverageByMeasure, measure, data, asOf);
    const verdict = judge(path.steps, designation, measure, asOf, coverage);
    if (verdict.applies) {
      const restriction = appliedRestriction(data, candidate, verdict, grade);
      const current = applied.get(measure.id);
      if (!current || isBetter(restriction, current)) applied.set(measure.id, restriction);
    } else {
      const key = `${measure.id}|${path.listedId}`;
      const current = unapplied.get(key);
      if (!current || isMoreTelling(verdict.reason, path.steps, designation, current)) {
        unapplied.set(key, unappliedRestriction(data, candidate, verdict.reason, asOf));
      }
    }
  }
  return {
    entityId: data.entityId,
    asOf,
    restrictions: [...applied.values()].sort(
      (a, b) => BASIS_RANK[a.basis] - BASIS_RANK[b.basis] || a.measure.name.localeCompare(b.measure.name),
    ),
    notApplied: [...unapplied.values()]
      .filter((item) => !applied.has(item.measure.id))
      .sort(
        (a, b) =>
          a.measure.name.localeCompare(b.measure.name) ||
          a.steps.length - b.steps.length ||
          a.listedId.localeCompare(b.listedId),
      ),
    productRestrictions: productRestrictions(data, asOf),
    designationIds: ownDesignations(data, asOf).map((designation) => designation.id),
  };
}

/** Every (path, listing, measure) triple worth judging: paths of a valid shape and at least `minEvidence`. */
function* candidates(data: ReachData, grade: Grader, minEvidence?: Evidence): Generator<Candidate> {
  for (const path of data.paths) {
    if (!pathShapeIsValid(path.steps)) continue;
    const evidence = pathEvidence(path.steps, grade);
    if (minEvidence && rank(evidence) > rank(minEvidence)) continue;
    for (const designation of data.designations.filter((item) => item.partyId === path.listedId)) {
      for (const measure of data.measures.filter((item) => item.listId === designation.listId)) {
        if (measure.extendsOnly && path.steps.length === 0) continue;
        yield { path, designation, measure, evidence };
      }
    }
  }
}

function appliedRestriction(
  data: ReachData,
  { path, designation, measure, evidence }: Candidate,
  verdict: Extract<Verdict, { applies: true }>,
  grade: Grader,
): AppliedRestriction {
  return {
    measure,
    designation,
    listedId: path.listedId,
    steps: path.steps,
    basis: verdict.basis,
    effectivePercent: verdict.effectivePercent,
    instrumentIds: unique([
      ...measure.instrumentIds,
      ...(designation.instrumentId ? [designation.instrumentId] : []),
    ]),
    rule: describeRule(data, path.steps, designation, measure, verdict.basis, verdict.effectivePercent),
    evidence: path.steps.length === 0 ? bestGrade(designation.sources, grade) : evidence,
    sources: unique([
      ...designation.sources,
      ...measure.sources,
      ...measure.reachSources,
      ...path.steps.flatMap((s) => s.sources),
    ]),
  };
}

function unappliedRestriction(
  data: ReachData,
  { path, designation, measure }: Candidate,
  reason: UnappliedReason,
  asOf: string,
): UnappliedRestriction {
  return {
    measure,
    designation,
    listedId: path.listedId,
    steps: path.steps,
    reason,
    explanation: describeNotApplied(data, path.steps, designation, measure, reason, asOf),
  };
}

/** The entity's own listings in force on the date. */
function ownDesignations(data: ReachData, asOf: string): Designation[] {
  return data.designations.filter(
    (designation) =>
      designation.partyId === data.entityId &&
      periodState(designation.listedOn, designation.removedOn, asOf) === 'DURING',
  );
}

function judge(
  steps: PathStep[],
  designation: Designation,
  measure: Measure,
  asOf: string,
  coverage: () => Coverage,
): Verdict {
  for (const step of steps) {
    const state = periodState(step.validFrom, step.validTo, asOf);
    if (state === 'AFTER') return { applies: false, reason: 'RELATION_ENDED' };
    if (state === 'BEFORE') return { applies: false, reason: 'RELATION_NOT_STARTED' };
  }
  const reach = judgeReach(steps, measure, coverage);
  if (!reach.applies) return reach;
  if (asOf < designation.listedOn) return { applies: false, reason: 'NOT_YET_EFFECTIVE' };
  if (designation.removedOn && asOf >= designation.removedOn)
    return { applies: false, reason: 'REMOVED_FROM_LIST' };
  if (asOf < measureStart(measure, designation)) return { applies: false, reason: 'NOT_YET_EFFECTIVE' };
  if (measure.effectiveTo && asOf >= measure.effectiveTo) return { applies: false, reason: 'MEASURE_ENDED' };
  if (measure.suspensions.some((s) => periodState(s.from, s.to, asOf) === 'DURING'))
    return { applies: false, reason: 'SUSPENDED' };
  return reach;
}

function judgeReach(steps: PathStep[], measure: Measure, coverage: () => Coverage): Verdict {
  if (steps.length === 0) return { applies: true, basis: 'DIRECT', effectivePercent: null };
  const viaBrand = BRAND_STEPS.has(steps[0]?.relation ?? '');
  if (measure.reachRule === 'NAMED_ONLY') return { applies: false, reason: 'NAMED_ONLY_RULE' };
  if (viaBrand && !measure.coversProducts) return { applies: false, reason: 'PRODUCTS_NOT_COVERED' };
  const partySteps = viaBrand ? steps.slice(1) : steps;
  if (partySteps.length === 0) return { applies: true, basis: 'PRODUCT_OF', effectivePercent: null };
  const partyVerdict = judgePartySteps(partySteps, measure, coverage);
  if (!partyVerdict.applies || !viaBrand) return partyVerdict;
  return { applies: true, basis: 'PRODUCT_OF', effectivePercent: partyVerdict.effectivePercent };
}

function judgePartySteps(steps: PathStep[], measure: Measure, coverage: () => Coverage): Verdict {
  switch (measure.reachRule) {
    case 'SUBSIDIARIES_AND_AFFILIATES': {
      const subsidiaryMin = measure.reachSubsidiaryMinPercent ?? 50;
      const affiliateMin = measure.reachAffiliateMinPercent;
      const qualifies = (step: PathStep) =>
        step.relation !== 'OWNED_BY' ||
        (step.percent !== null &&
          (step.percent > subsidiaryMin || (affiliateMin !== null && step.percent > affiliateMin)));
      return steps.every(qualifies)
        ? { applies: true, basis: 'SUBSIDIARY_OR_AFFILIATE', effectivePercent: multiplied(steps) }
        : { applies: false, reason: 'BELOW_THRESHOLD' };
    }
    case 'CONTROL': {
      const qualifies = (step: PathStep) =>
        step.relation === 'SUBSIDIARY_OF' ||
        step.relation === 'CONTROLLED_BY' ||
        (step.relation === 'OWNED_BY' && step.percent !== null && step.percent > 50);
      return steps.every(qualifies)
        ? { applies: true, basis: 'CONTROL', effectivePercent: multiplied(steps) }
        : { applies: false, reason: 'BELOW_THRESHOLD' };
    }
    case 'OWNERSHIP_THRESHOLD': {
      if (!steps.every((step) => step.relation === 'OWNED_BY' && step.percent !== null)) {
        return { applies: false, reason: 'BELOW_THRESHOLD' };
      }
      const start = steps[0]?.from ?? '';
      const share = coverage().get(start);
      return share !== undefined
        ? { applies: true, basis: 'OWNERSHIP_THRESHOLD', effectivePercent: share }
        : { applies: false, reason: 'BELOW_THRESHOLD' };
    }
    default:
      return { applies: false, reason: 'NAMED_ONLY_RULE' };
  }
}

function lazyCoverage(
  cache: Map<string, Coverage>,
  measure: Measure,
  data: ReachData,
  asOf: string,
): () => Coverage {
  return () => {
    let coverage = cache.get(measure.id);
    if (!coverage) {
      coverage = ownershipCoverage(data, measure, asOf);
      cache.set(measure.id, coverage);
    }
    return coverage;
  };
}

function multiplied(steps: PathStep[]): number | null {
  if (!steps.every((step) => step.relation === 'OWNED_BY' && step.percent !== null)) return null;
  return round(steps.reduce((product, step) => (product * (step.percent ?? 0)) / 100, 100));
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A path cannot enter a brand; brand steps only lead out of the brand asked about. */
function pathShapeIsValid(steps: PathStep[]): boolean {
  return steps.every((step, index) => index === 0 || !BRAND_STEPS.has(step.relation));
}

/**
 * Among the reasons a measure misses through one listed party, the most telling is kept: one on a path that
 * holds on the date (the rule, a suspension, the measure's dates) before one on a path that has ended.
 */
const REASON_PRIORITY: readonly UnappliedReason[] = [
  'SUSPENDED',
  'NOT_YET_EFFECTIVE',
  'MEASURE_ENDED',
  'REMOVED_FROM_LIST',
  'NAMED_ONLY_RULE',
  'PRODUCTS_NOT_COVERED',
  'BELOW_THRESHOLD',
  'RELATION_NOT_STARTED',
  'RELATION_ENDED',
];

function isMoreTelling(
  reason: UnappliedReason,
  steps: PathStep[],
  designation: Designation,
  current: UnappliedRestriction,
): boolean {
  return (
    (REASON_PRIORITY.indexOf(reason) - REASON_PRIORITY.indexOf(current.reason) ||
      comparePaths(steps, current.steps) ||
      designation.id.localeCompare(current.designation.id)) < 0
  );
}

/** The closer basis, then the shorter path, better evidence, the path comparePaths puts first, the designation. */
function isBetter(candidate: AppliedRestriction, current: AppliedRestriction): boolean {
  return (
    (BASIS_RANK[candidate.basis] - BASIS_RANK[current.basis] ||
      candidate.steps.length - current.steps.length ||
      rank(candidate.evidence) - rank(current.evidence) ||
      comparePaths(candidate.steps, current.steps) ||
      candidate.designation.id.localeCompare(current.designation.id)) < 0
  );
}

function evidenceGrader(data: ReachData): Grader {
  return (sourceId) => data.nodes.get(sourceId)?.evidence ?? undefined;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
