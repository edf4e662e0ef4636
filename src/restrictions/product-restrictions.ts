import { periodState } from '../model/period.js';
import type { CategoryEntry, Measure, ProductRestriction, ReachData } from './types.js';

/**
 * Category entries (e.g. the FCC Covered List's foreign-produced UAS) restrict products by kind and origin, not
 * their maker: an entity that makes such products is shown the entry, its condition and the list's product
 * measures in force, apart from its own listings. Pure: the ties and entries were read by loadReach.
 */
export function productRestrictions(data: ReachData, asOf: string): ProductRestriction[] {
  const result: ProductRestriction[] = [];
  for (const tie of data.productTies ?? []) {
    if (periodState(tie.validFrom, tie.validTo, asOf) !== 'DURING') continue;
    for (const entry of (data.categoryEntries ?? []).filter((item) => item.categoryId === tie.categoryId)) {
      if (periodState(entry.listedOn, entry.removedOn, asOf) !== 'DURING') continue;
      const measures = data.measures.filter(
        (measure) => measure.listId === entry.listId && coversOn(measure, asOf),
      );
      result.push({
        entry,
        tie,
        measureIds: measures.map((measure) => measure.id),
        condition: condition(entry),
        sources: [...new Set([...entry.sources, ...tie.sources, ...measures.flatMap((m) => m.sources)])],
      });
    }
  }
  return result.sort(
    (a, b) => a.entry.listedOn.localeCompare(b.entry.listedOn) || a.entry.id.localeCompare(b.entry.id),
  );
}

function coversOn(measure: Measure, asOf: string): boolean {
  return (
    measure.coversProducts &&
    periodState(measure.effectiveFrom, measure.effectiveTo, asOf) === 'DURING' &&
    !measure.suspensions.some((s) => periodState(s.from, s.to, asOf) === 'DURING')
  );
}

/** "Covered if produced in a foreign country, unless: …", in the words of the entry. */
export function condition(entry: CategoryEntry): string {
  const origin = entry.originCondition
    ? `Covered if ${entry.originCondition}`
    : 'Covered whoever produces them';
  return entry.exceptions.length > 0 ? `${origin}, unless: ${entry.exceptions.join('; ')}` : origin;
}
