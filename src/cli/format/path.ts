import type { EntityRef, PathStep } from '../../operations/answers.js';

export function entityLabel(entity: EntityRef): string {
  return `${entity.name} (${entity.id})`;
}

export function percentLabel(percent: number | null | undefined): string {
  if (percent === null || percent === undefined) return '';
  return `${Number(percent.toFixed(2))} %`;
}

/** "2015-03-01 → today", "→ 2023-07-10", or "" when neither bound is known. */
export function periodLabel(from?: string | null, to?: string | null): string {
  if (!from && !to) return '';
  return `${from ?? '?'} → ${to ?? 'today'}`;
}

/** How a step reads from the entity asked about towards the listed party or owner ("owned by 100 %"). */
export function forwardRelation(step: PathStep): string {
  return [step.label, percentLabel(step.percent)].filter(Boolean).join(' ');
}

/** The same step read the other way, from the listed party down to the entity asked about ("owns 100 %"). */
export function backwardRelation(step: PathStep): string {
  return [step.reverseLabel, percentLabel(step.percent)].filter(Boolean).join(' ');
}

/** A path on one line, from the entity asked about: "EZVIZ → brand of → Hangzhou EZVIZ → owned by 100 % → Hikvision". */
export function pathLine(steps: readonly PathStep[]): string {
  if (steps.length === 0) return '(the entity itself)';
  return [steps[0]!.from.name, ...steps.flatMap((step) => [forwardRelation(step), step.to.name])].join(' → ');
}
