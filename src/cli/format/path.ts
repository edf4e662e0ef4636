import type { EntityRef, PathStep } from '../../operations/answers.js';

/** How a step reads from the entity asked about towards the listed party or owner ("owned 100 % by"). */
const FORWARD: Record<string, string> = {
  OWNED_BY: 'owned by',
  SUBSIDIARY_OF: 'subsidiary of',
  AFFILIATE_OF: 'affiliate of',
  CONTROLLED_BY: 'controlled by',
  BRAND_OF: 'brand of',
  MADE_BY_OEM: 'made (OEM, reported) by',
};

/** The same step read the other way, from the listed party down to the entity asked about. */
const BACKWARD: Record<string, string> = {
  OWNED_BY: 'owns',
  SUBSIDIARY_OF: 'parent of',
  AFFILIATE_OF: 'affiliate of',
  CONTROLLED_BY: 'controls',
  BRAND_OF: 'owns the brand',
  MADE_BY_OEM: 'makes (OEM, reported) for',
};

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

export function forwardRelation(step: PathStep): string {
  return [FORWARD[step.relation] ?? step.relation.toLowerCase(), percentLabel(step.percent)]
    .filter(Boolean)
    .join(' ');
}

export function backwardRelation(step: PathStep): string {
  return [BACKWARD[step.relation] ?? step.relation.toLowerCase(), percentLabel(step.percent)]
    .filter(Boolean)
    .join(' ');
}

/** A path on one line, from the entity asked about: "EZVIZ → brand of → Hangzhou EZVIZ → owned by 100 % → Hikvision". */
export function pathLine(steps: readonly PathStep[]): string {
  if (steps.length === 0) return '(the entity itself)';
  return [steps[0]!.from.name, ...steps.flatMap((step) => [forwardRelation(step), step.to.name])].join(' → ');
}
