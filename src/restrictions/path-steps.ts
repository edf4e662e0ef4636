import { isReachRelation, stepRelation } from '../model/vocabulary.js';
import type { PathStep } from './types.js';

/** A path as Cypher returns it: node ids in order and the relationships between them. */
export interface RawPath {
  nodeIds: string[];
  relationships: { type: string; properties: Record<string, unknown> }[];
}

/**
 * Steps of a path read upwards (from the owned party or brand towards owners and makers). `reverse` is for
 * paths that Cypher walked downwards, from an owner to its holdings and brands.
 */
export function toSteps(raw: RawPath, reverse = false): PathStep[] {
  const nodeIds = reverse ? [...raw.nodeIds].reverse() : raw.nodeIds;
  const relationships = reverse ? [...raw.relationships].reverse() : raw.relationships;
  return relationships.map((rel, index) => {
    const type = rel.type;
    if (!isReachRelation(type)) throw new Error(`Unexpected relationship ${type} on a path`);
    const props = rel.properties;
    return {
      id: String(props.id),
      from: nodeIds[index] ?? '',
      to: nodeIds[index + 1] ?? '',
      relation: stepRelation(type),
      type,
      percent: typeof props.percent === 'number' ? props.percent : null,
      validFrom: (props.validFrom as string | undefined) ?? null,
      validTo: (props.validTo as string | undefined) ?? null,
      note: (props.note as string | undefined) ?? null,
      sources: (props.sources as string[] | undefined) ?? [],
    };
  });
}

/** True when every step holds on the date. */
export function pathHoldsOn(steps: PathStep[], asOf: string): boolean {
  return steps.every(
    (step) =>
      (step.validFrom === null || step.validFrom <= asOf) && (step.validTo === null || asOf < step.validTo),
  );
}

/**
 * Which of two paths between the same parties to show: the shorter, then the one with more ownership steps (an
 * ownership record says more than a bare parent link), then by relation ids, so that an answer never depends on
 * the order in which the database returned the paths. Negative when `a` comes first.
 */
export function comparePaths(a: readonly PathStep[], b: readonly PathStep[]): number {
  const owned = (steps: readonly PathStep[]) => steps.filter((step) => step.relation === 'OWNED_BY').length;
  const key = (steps: readonly PathStep[]) => steps.map((step) => step.id).join('>');
  return a.length - b.length || owned(b) - owned(a) || key(a).localeCompare(key(b));
}
