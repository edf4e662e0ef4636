import type { Database } from '../db/database.js';
import { MEASURE_PARTIES, REACHED_FROM_PARTIES } from '../db/queries/restriction.cypher.js';
import { explainRestrictions } from './explain.js';
import type { AppliedRestriction } from './types.js';

/** An entity a measure reaches, with the explanation explainRestrictions gives for that measure. */
export interface ReachedEntity {
  entityId: string;
  restriction: AppliedRestriction;
}

/**
 * Everyone a measure reaches on a date, found from the designated parties down: the parties ever listed on the
 * measure's list, every entity from which a restriction path leads to one of them, then the same evaluation as
 * explainRestrictions for each, keeping those the measure applies to. Null when there is no such measure.
 */
export async function reachOfMeasure(
  db: Database,
  query: { measureId: string; asOf: string; depth: number },
): Promise<ReachedEntity[] | null> {
  const [measure] = await db.read<{ partyIds: string[] }>(MEASURE_PARTIES, { measureId: query.measureId });
  if (!measure) return null;
  const pathQuery = REACHED_FROM_PARTIES[query.depth];
  if (!pathQuery) throw new RangeError(`depth must be 0..${REACHED_FROM_PARTIES.length - 1}`);
  const candidates = await db.read<{ id: string }>(pathQuery, { partyIds: measure.partyIds });
  const reports = await explainRestrictions(
    db,
    candidates.map(({ id }) => ({ id, asOf: query.asOf, depth: query.depth })),
  );
  return reports
    .flatMap((report) =>
      report.restrictions
        .filter((restriction) => restriction.measure.id === query.measureId)
        .map((restriction) => ({ entityId: report.entityId, restriction })),
    )
    .sort((a, b) => a.entityId.localeCompare(b.entityId));
}
