import { ALL_RELATIONSHIP_TYPES, CHANGE_RECORD_LABEL, RETRACTED_LABEL } from '../model/model.js';

/**
 * The model type of each node with one of these ids, for validating references to what the graph already holds.
 * Params: $ids, $types.
 */
export const NODE_TYPES_BY_IDS = `
  UNWIND $ids AS id
  MATCH (n:Node {id: id})
  RETURN n.id AS id, head([label IN labels(n) WHERE label IN $types]) AS type`;

/**
 * Parties with all their properties and model type: those with one of these ids. This query and the two after
 * it give entity resolution the parties a file may be, and nothing else of the graph. Params: $ids, $types.
 */
export const PARTIES_BY_IDS = `
  UNWIND $ids AS id
  MATCH (n:Party {id: id})
  RETURN n {.*} AS properties, head([label IN labels(n) WHERE label IN $types]) AS type`;

/**
 * Parties holding one of some identifiers, exactly as written: one query for all of them (see
 * resolutionKeyQuery), since each index call costs far more than a term in it. Params: $query, $types.
 */
export const PARTIES_BY_IDENTIFIERS = `
  CALL db.index.fulltext.queryNodes('party_resolution_keys', $query) YIELD node AS n
  RETURN n {.*} AS properties, head([label IN labels(n) WHERE label IN $types]) AS type`;

/**
 * Parties holding one of these name keys, at most $limit for each key besides the parties it excludes: enough
 * to tell a name too many parties share (see resolutionKeyQuery for the query). Params: $keys [{query, exclude}],
 * $limit, $types.
 */
export const PARTIES_BY_NAME_KEYS = `
  UNWIND $keys AS key
  CALL (key) {
    CALL db.index.fulltext.queryNodes('party_resolution_keys', key.query, {limit: $limit + size(key.exclude)})
      YIELD node AS n
    WITH n WHERE NOT n.id IN key.exclude
    RETURN n LIMIT $limit
  }
  RETURN DISTINCT n {.*} AS properties, head([label IN labels(n) WHERE label IN $types]) AS type`;

/**
 * Lists with their names, so a list can be found by name when its id differs, and their keeper: a list without
 * one (the model requires it) is an import's list whose run stopped before its relationships. This and the next
 * query are ordered: where two nodes could answer (a list name, a citation), the plan must not depend on the
 * store's row order. Params: none.
 */
export const LIST_NAMES = `
  MATCH (l:RestrictedList)
  RETURN l.id AS id, l.name AS name, coalesce(l.aliases, []) AS aliases,
         head(COLLECT { MATCH (l)-[:KEPT_BY]->(keeper) RETURN keeper.id ORDER BY keeper.id }) AS keptBy
  ORDER BY l.id`;

/** Instruments by citation, so a Federal Register citation can point at the instrument. Params: none. */
export const INSTRUMENT_CITATIONS = `
  MATCH (i:LegalInstrument)
  RETURN i.id AS id, i.citation AS citation
  ORDER BY i.id`;

/** Ids a curator retracted (nodes kept under the Retracted label, relationships in change records). */
export const RETRACTED_IDS = `
  CALL () {
    MATCH (n:${RETRACTED_LABEL}) RETURN n.id AS id
    UNION
    MATCH (c:${CHANGE_RECORD_LABEL} {action: 'RETRACT'}) RETURN c.targetId AS id
  }
  RETURN collect(DISTINCT id) AS ids`;

/** Existing nodes by id with their properties, for the dry-run diff. Params: $ids. */
export const NODE_PROPERTIES_BY_IDS = `
  UNWIND $ids AS id
  MATCH (n:Node {id: id})
  RETURN n.id AS id, properties(n) AS properties`;

/**
 * Existing relationships of one type by id, anchored on their start node so the id index does the work.
 * Params: $rows ({id, from}). One statement per relationship type of the model.
 */
export const RELATIONSHIP_PROPERTIES_BY_IDS: Readonly<Record<string, string>> = Object.fromEntries(
  ALL_RELATIONSHIP_TYPES.map((type) => [
    type,
    `UNWIND $rows AS row
     MATCH (:Node {id: row.from})-[r:${type} {id: row.id}]->(b:Node)
     RETURN r.id AS id, b.id AS to, properties(r) AS properties`,
  ]),
);
