import { CURATED_RELATION_TYPES } from '../model/vocabulary.js';
import { labelsOf } from '../model/model.js';

/**
 * The writes of a "what if": each assumption as the graph would hold it, written only inside a rehearsal (see
 * Database.rehearse) and rolled back. Hypothetical facts cite no source and carry `assumed: true`.
 */

/** A listing of a party on a list from a date. Params: $id (new designation), $partyId, $listId, $on (DATE). */
export const ASSUME_DESIGNATION = `
  MATCH (p:Party {id: $partyId})
  MATCH (l:RestrictedList {id: $listId})
  CREATE (d:${labelsOf('Designation').join(':')} {id: $id, listedOn: $on, sources: [], assumed: true})
  CREATE (d)-[:DESIGNATES]->(p)
  CREATE (d)-[:ON_LIST]->(l)
  RETURN d.id AS id`;

/**
 * A listing ends on a date (earlier than any end it had); returns the listed party. Params: $id (designation),
 * $on (DATE).
 */
export const ASSUME_DESIGNATION_END = `
  MATCH (d:Designation {id: $id})
  SET d.removedOn = CASE WHEN d.removedOn IS NULL OR d.removedOn > $on THEN $on ELSE d.removedOn END
  RETURN head(COLLECT { MATCH (d)-[:DESIGNATES]->(p) RETURN p.id }) AS partyId`;

/**
 * A measure's suspensions end on a date: one running then ends then, one that would start later never starts.
 * Params: $measureId, $on (DATE).
 */
export const ASSUME_SUSPENSION_END = `
  MATCH (m:Measure {id: $measureId})<-[s:SUSPENDS]-(:LegalInstrument)
  WHERE s.validTo IS NULL OR s.validTo > $on
  SET s.validTo = CASE WHEN s.validFrom IS NOT NULL AND s.validFrom > $on THEN s.validFrom ELSE $on END
  RETURN count(s) AS count`;

/**
 * A relationship between two entities, one query per curated type (types come from the model, never from
 * input). Params: $id (new relationship), $from, $to, $percent (or null), $validFrom (DATE or null).
 */
export const ASSUME_RELATION: Record<string, string> = Object.fromEntries(
  CURATED_RELATION_TYPES.map((type) => [
    type,
    `
  MATCH (a:Node {id: $from})
  MATCH (b:Node {id: $to})
  CREATE (a)-[r:${type} {id: $id, sources: [], assumed: true}]->(b)
  SET r.percent = $percent, r.validFrom = $validFrom
  RETURN r.id AS id`,
  ]),
);
