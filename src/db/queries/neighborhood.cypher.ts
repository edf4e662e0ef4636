import { REACH_RELATIONS } from '../../model/vocabulary.js';
import { byDepth, upTo } from './depth.js';

/** The entities' relations that a view draws: those a restriction travels along. */
const DRAWN = REACH_RELATIONS.join('|');

const HOLDS_ON = `($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= date($asOf))
                                 AND (r.validTo IS NULL OR date($asOf) < r.validTo)))`;

/**
 * Entities around a node: for a party or brand, those within the depth along party and brand relations that
 * hold on $asOf (all of them when $asOf is null); for a list, its designated parties; for an instrument, the
 * parties designated on the lists it establishes. Params: $id, $asOf, $limit (one more than wanted, to tell
 * when the view is cut).
 */
export const NEIGHBOUR_ENTITIES = byDepth(
  (depth) => `
  MATCH (x:Node {id: $id})
  CALL (x) {
    MATCH p = (x:Entity)(()-[r:${DRAWN}]-() WHERE ${HOLDS_ON})${upTo(depth)}(n:Entity)
    WHERE length(p) <= ${depth}
    RETURN n
    UNION
    MATCH (x:RestrictedList)<-[:ON_LIST]-(:Designation)-[:DESIGNATES]->(n:Entity)
    RETURN n
    UNION
    MATCH (x:LegalInstrument)<-[:ESTABLISHED_BY]-(:RestrictedList)<-[:ON_LIST]-(:Designation)-[:DESIGNATES]->(n:Entity)
    RETURN n
  }
  WITH DISTINCT n LIMIT $limit
  RETURN n.id AS id`,
);

/** Relations among the given entities that hold on $asOf (all when null). Params: $ids, $asOf. */
export const RELATIONS_AMONG = `
  MATCH (a:Entity)-[r:${DRAWN}]->(b:Entity)
  WHERE a.id IN $ids AND b.id IN $ids AND ${HOLDS_ON}
  RETURN coalesce(r.id, elementId(r)) AS id, a.id AS source, b.id AS target, type(r) AS type, r.percent AS percent,
         r.validFrom AS validFrom, r.validTo AS validTo, r.sources AS sources`;

/**
 * The lists the given parties are designated on (in force on $asOf, or all when null) and the instruments
 * establishing those lists, as edges. Params: $ids, $asOf, plus the node itself when it is a list or instrument.
 * One branch per anchor, so each starts from an index rather than from every list.
 */
export const DESIGNATION_EDGES = `
  MATCH (p:Entity)<-[:DESIGNATES]-(d:Designation)-[:ON_LIST]->(l:RestrictedList)
  WHERE p.id IN $ids
    AND ($asOf IS NULL OR (d.listedOn <= date($asOf) AND (d.removedOn IS NULL OR date($asOf) < d.removedOn)))
  RETURN d.id AS id, p.id AS source, l.id AS target, 'DESIGNATED_ON' AS type, null AS percent,
         d.listedOn AS validFrom, d.removedOn AS validTo, d.sources AS sources
  UNION
  MATCH (p:Entity)<-[:DESIGNATES]-(:Designation)-[:ON_LIST]->(l:RestrictedList)-[e:ESTABLISHED_BY]->(i:LegalInstrument)
  WHERE p.id IN $ids
  RETURN coalesce(e.id, elementId(e)) AS id, l.id AS source, i.id AS target, 'ESTABLISHED_BY' AS type, null AS percent,
         null AS validFrom, null AS validTo, e.sources AS sources
  UNION
  MATCH (l:RestrictedList {id: $id})-[e:ESTABLISHED_BY]->(i:LegalInstrument)
  WHERE EXISTS { (l)<-[:ON_LIST]-(:Designation)-[:DESIGNATES]->(:Entity) }
  RETURN coalesce(e.id, elementId(e)) AS id, l.id AS source, i.id AS target, 'ESTABLISHED_BY' AS type, null AS percent,
         null AS validFrom, null AS validTo, e.sources AS sources
  UNION
  MATCH (l:RestrictedList)-[e:ESTABLISHED_BY]->(i:LegalInstrument {id: $id})
  WHERE EXISTS { (l)<-[:ON_LIST]-(:Designation)-[:DESIGNATES]->(:Entity) }
  RETURN coalesce(e.id, elementId(e)) AS id, l.id AS source, i.id AS target, 'ESTABLISHED_BY' AS type, null AS percent,
         null AS validFrom, null AS validTo, e.sources AS sources`;
