import { EVIDENCE_GRADES, type Evidence } from '../model/model.js';
import type { PathStep } from './types.js';

/** Lower is stronger: PRIMARY 0 ... COMMUNITY 3. */
export function evidenceRank(evidence: Evidence): number {
  return EVIDENCE_GRADES.indexOf(evidence);
}

/** A fact counts at the best grade among its sources (COMMUNITY when none is known). */
export function bestGrade(sources: string[], grade: (sourceId: string) => Evidence | undefined): Evidence {
  return sources
    .map((id) => grade(id) ?? 'COMMUNITY')
    .reduce<Evidence>((best, item) => (evidenceRank(item) < evidenceRank(best) ? item : best), 'COMMUNITY');
}

/** A path is as strong as its weakest step. */
export function pathEvidence(steps: PathStep[], grade: (sourceId: string) => Evidence | undefined): Evidence {
  return steps
    .map((step) => bestGrade(step.sources, grade))
    .reduce<Evidence>(
      (weakest, item) => (evidenceRank(item) > evidenceRank(weakest) ? item : weakest),
      'PRIMARY',
    );
}
