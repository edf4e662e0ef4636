import { REACH_RELATIONS, walkPattern } from '../../model/vocabulary.js';
import { byDepth, upTo } from './depth.js';

const UP = walkPattern(REACH_RELATIONS, 'UP');

/** The relations a restriction travels, as a quantified path from the entity (`a` nearer it) towards the listed party. */
const reachSteps = (depth: number) => `((a)-[r:${UP.types}]-(b) WHERE ${UP.where})${upTo(depth)}`;

/** A designation or category entry's instrument (the first MADE_BY), as a COLLECT subquery on `d`. */
const INSTRUMENT_OF_D = 'head(COLLECT { MATCH (d)-[:MADE_BY]->(i:LegalInstrument) RETURN i.id })';

/**
 * Everything that explains the given entities' restrictions, in one round trip, as rows of one `part` each:
 * - `reached`, per entity that exists: its paths towards designated parties along the relations a restriction
 *   can travel (up to owners, parents and controllers, across affiliates, from a brand to its owner or reported
 *   maker); paths repeat no relationship (so cycles end) and are bounded by the depth (see byDepth) and by
 *   $limit per entity;
 * - `designation`: one of all the parties those paths reach, with list and instrument;
 * - `tie`: what an entity makes (PRODUCES, with the relation's period) and an entry covering that category;
 * - `measure` attached to the list of either, with its instruments in order and its suspensions;
 * - `node`: each node any of these names (path nodes, designations, lists, measures, instruments, categories,
 *   sources), whole.
 * The lookups after the paths are made once for all entities (a graph view or a screening asks about hundreds).
 * Params: $ids, $limit.
 */
export const REACH = byDepth((depth) => reach(depth, { pathNodes: true }));

/**
 * REACH for a verdict (is the entity restricted?) rather than a report: the same parts, but of the paths' nodes
 * only the entities asked about are read whole. Restriction rules read the paths, listings, measures and the
 * sources' grades, never the names of the nodes between; leaving those out made the verdicts of a screening's
 * 7,500 matches at a million entities a quarter quicker (2.5 s against 3.4 s). Params: $ids, $limit.
 */
export const REACH_FOR_VERDICT = byDepth((depth) => reach(depth, { pathNodes: false }));

function reach(depth: number, { pathNodes }: { pathNodes: boolean }): string {
  return `
  UNWIND $ids AS id
  MATCH (x:Entity {id: id})
  CALL (x) {
    MATCH p = (x)${reachSteps(depth)}(listed:Party)
    WHERE length(p) <= ${depth} AND EXISTS { (listed)<-[:DESIGNATES]-(:Designation) }
    WITH p LIMIT $limit
    RETURN collect(p) AS found
  }
  WITH collect({entityId: x.id, found: found}) AS reached
  CALL (reached) {
    UNWIND reached AS row
    UNWIND row.found AS p
    WITH DISTINCT last(nodes(p)) AS listed
    MATCH (listed)<-[:DESIGNATES]-(d:Designation)-[:ON_LIST]->(list:RestrictedList)
    RETURN collect({partyId: listed.id, designation: d {.*}, listId: list.id, instrumentId: ${INSTRUMENT_OF_D}})
           AS designations
  }
  CALL (reached) {
    UNWIND reached AS row
    MATCH (:Entity {id: row.entityId})-[t:PRODUCES]->(c:ProductCategory)<-[:COVERS]-(d:Designation)
          -[:ON_LIST]->(list:RestrictedList)
    WITH row.entityId AS entityId, t, c, d, list ORDER BY entityId, c.id, d.id
    RETURN collect({entityId: entityId, tie: t {.*}, categoryId: c.id, originCondition: c.originCondition,
                    exceptions: coalesce(c.exceptions, []), entry: d {.*}, listId: list.id,
                    instrumentId: ${INSTRUMENT_OF_D}}) AS ties
  }
  CALL (designations, ties) {
    UNWIND [row IN designations + ties | row.listId] AS listId
    WITH DISTINCT listId
    MATCH (m:Measure)-[:APPLIES_TO]->(:RestrictedList {id: listId})
    RETURN collect({listId: listId, measure: m {.*},
                    instrumentIds: COLLECT { MATCH (m)-[i:IMPOSED_BY]->(inst:LegalInstrument)
                                             RETURN inst.id ORDER BY i.order },
                    suspensions: COLLECT { MATCH (s:LegalInstrument)-[sp:SUSPENDS]->(m)
                                           RETURN {instrumentId: s.id, from: sp.validFrom, to: sp.validTo} }})
           AS measures
  }
  // Ids are gathered row by row (UNWIND), not by reduce(): concatenating inside reduce copies the growing list
  // at every step, which took 1.5 of the 3.5 s REACH spent on a screening's 6,314 matched entities.
  CALL (reached, designations, ties, measures) {
    UNWIND reached AS row
    RETURN row.entityId AS nodeId
    UNION ALL${
      pathNodes
        ? `
    UNWIND reached AS row
    UNWIND row.found AS p
    UNWIND nodes(p) AS n
    RETURN n.id AS nodeId
    UNION ALL`
        : ''
    }
    UNWIND reached AS row
    UNWIND row.found AS p
    UNWIND relationships(p) AS rel
    UNWIND coalesce(rel.sources, []) AS nodeId
    RETURN nodeId
    UNION ALL
    UNWIND designations + ties AS row
    UNWIND [row.listId, row.instrumentId, row.designation.id, row.entry.id, row.categoryId]
           + coalesce(row.designation.sources, []) + coalesce(row.entry.sources, [])
           + coalesce(row.tie.sources, []) AS nodeId
    RETURN nodeId
    UNION ALL
    UNWIND measures AS row
    UNWIND [row.measure.id] + row.instrumentIds + [s IN row.suspensions | s.instrumentId]
           + coalesce(row.measure.reachSources, []) + coalesce(row.measure.sources, []) AS nodeId
    RETURN nodeId
  }
  WITH reached, designations, ties, measures, collect(nodeId) AS named
  // One row per part, not one row holding everything: the JavaScript driver reads a record that spans many Bolt
  // chunks through a buffer that walks the chunk list for every byte (CombinedBuffer.getUInt8 in
  // neo4j-driver-bolt-connection), so one large row decodes in time quadratic in its size. 25,000 nodes took
  // 2.2 s as one row and 0.7 s as rows.
  CALL (reached, designations, ties, measures, named) {
    UNWIND reached AS row
    RETURN {reached: {entityId: row.entityId,
                      paths: [p IN row.found | {nodeIds: [n IN nodes(p) | n.id],
                                                relationships: [rel IN relationships(p) |
                                                                {type: type(rel), properties: properties(rel)}]}]}}
           AS part
    UNION ALL
    UNWIND designations AS row
    RETURN {designation: row} AS part
    UNION ALL
    UNWIND ties AS row
    RETURN {tie: row} AS part
    UNION ALL
    UNWIND measures AS row
    RETURN {measure: row} AS part
    UNION ALL
    UNWIND named AS nodeId
    WITH DISTINCT nodeId WHERE nodeId IS NOT NULL
    MATCH (n:Node {id: nodeId})
    RETURN {node: n {.*, labels: labels(n)}} AS part
  }
  RETURN part`;
}

/**
 * Every entity from which a restriction path leads to one of the given parties: reach read from the listed
 * parties down. Params: $partyIds.
 */
export const REACHED_FROM_PARTIES = byDepth(
  (depth) => `
  UNWIND $partyIds AS partyId
  MATCH (listed:Party {id: partyId})
  CALL (listed) {
    MATCH p = (x:Entity)${reachSteps(depth)}(listed)
    WHERE length(p) <= ${depth}
    RETURN DISTINCT x
  }
  RETURN DISTINCT x.id AS id`,
);

/** The parties ever listed on a measure's list; no row when there is no such measure. Params: $measureId. */
export const MEASURE_PARTIES = `
  MATCH (m:Measure {id: $measureId})-[:APPLIES_TO]->(list:RestrictedList)
  RETURN COLLECT { MATCH (list)<-[:ON_LIST]-(:Designation)-[:DESIGNATES]->(p:Party) RETURN DISTINCT p.id } AS partyIds`;
