import type { Database } from '../db/database.js';
import type { Evidence } from '../model/model.js';
import { evaluateRestrictions } from './evaluate.js';
import { loadReach } from './load-reach.js';
import type { RestrictionReport } from './types.js';

/** Why an entity is (or is not) restricted on a date: read the reachable graph, then apply each measure's rule. */
export async function explainRestrictions(
  db: Database,
  entityId: string,
  asOf: string,
  maxDepth: number,
  minEvidence?: Evidence,
): Promise<RestrictionReport> {
  const data = await loadReach(db, entityId, maxDepth);
  return evaluateRestrictions(data, asOf, minEvidence);
}
