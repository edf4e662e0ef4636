import { REACH_RELATIONS, walkPattern } from '../../model/vocabulary.js';
import { byDepth, upTo } from './depth.js';

const UP = walkPattern(REACH_RELATIONS, 'UP');

/** The relations a restriction travels, as a quantified path from the entity (`a` nearer it) towards the listed party. */
const reachSteps = (depth: number) => `((a)-[r:${UP.types}]-(b) WHERE ${UP.where})${upTo(depth)}`;

/**
 * Paths from each entity towards designated parties along the relations a restriction can travel: up to owners,
 * parents and controllers, across affiliates, and from a brand to its owner or reported maker. Paths repeat no
 * relationship (so cycles end), are bounded by the depth (see byDepth) and by $limit per entity. Params: $ids,
 * $limit.
 */
export const REACH_PATHS = byDepth(
  (depth) => `
  UNWIND $ids AS id
  MATCH (x:Entity {id: id})
  CALL (x) {
    MATCH p = (x)${reachSteps(depth)}(listed:Party)
    WHERE length(p) <= ${depth} AND EXISTS { (listed)<-[:DESIGNATES]-(:Designation) }
    WITH p LIMIT $limit
    RETURN p
  }
  RETURN x.id AS entityId,
         [n IN nodes(p) | n.id] AS nodeIds,
         [rel IN relationships(p) | {type: type(rel), properties: properties(rel)}] AS relationships`,
);

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

/** Designations of the given parties, with their list. Params: $partyIds. */
export const DESIGNATIONS_OF_PARTIES = `
  UNWIND $partyIds AS partyId
  MATCH (:Party {id: partyId})<-[:DESIGNATES]-(d:Designation)-[:ON_LIST]->(list:RestrictedList)
  RETURN partyId, d {.*} AS designation, list.id AS listId,
         head(COLLECT { MATCH (d)-[:MADE_BY]->(i:LegalInstrument) RETURN i.id }) AS instrumentId`;

/**
 * What each entity makes (PRODUCES, with the relation's period) and the list entries that cover those product
 * categories. Params: $ids.
 */
export const PRODUCT_TIES = `
  UNWIND $ids AS id
  MATCH (x:Entity {id: id})-[t:PRODUCES]->(c:ProductCategory)<-[:COVERS]-(d:Designation)-[:ON_LIST]->(list:RestrictedList)
  RETURN id AS entityId, t {.*} AS tie, c.id AS categoryId, c.originCondition AS originCondition,
         coalesce(c.exceptions, []) AS exceptions, d {.*} AS entry, list.id AS listId,
         head(COLLECT { MATCH (d)-[:MADE_BY]->(i:LegalInstrument) RETURN i.id }) AS instrumentId
  ORDER BY entityId, categoryId, d.id`;

/** Measures attached to the given lists, with their instruments in order and their suspensions. Params: $listIds. */
export const MEASURES_OF_LISTS = `
  UNWIND $listIds AS listId
  MATCH (m:Measure)-[:APPLIES_TO]->(:RestrictedList {id: listId})
  RETURN listId, m {.*} AS measure,
         COLLECT { MATCH (m)-[i:IMPOSED_BY]->(inst:LegalInstrument) RETURN inst.id ORDER BY i.order } AS instrumentIds,
         COLLECT { MATCH (s:LegalInstrument)-[sp:SUSPENDS]->(m)
                   RETURN {instrumentId: s.id, from: sp.validFrom, to: sp.validTo} } AS suspensions`;

/** Names, kinds and source grades the explanation needs. Params: $ids (any nodes). */
export const NODE_SUMMARIES = `
  UNWIND $ids AS id
  MATCH (n:Node {id: id})
  RETURN n.id AS id, coalesce(n.name, n.title) AS name, labels(n) AS labels,
         n.evidence AS evidence, n.title AS title, n.publisher AS publisher, n.citation AS citation`;
