import { byDepth, upTo } from './depth.js';

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
    MATCH p = (x)((a)-[r:OWNS|SUBSIDIARY_OF|AFFILIATE_OF|CONTROLS|BRAND_OF|OEM_FOR]-(b)
        WHERE (type(r) IN ['OWNS', 'CONTROLS', 'OEM_FOR'] AND startNode(r) = b)
           OR (type(r) IN ['SUBSIDIARY_OF', 'BRAND_OF'] AND startNode(r) = a)
           OR type(r) = 'AFFILIATE_OF')${upTo(depth)}(listed:Party)
    WHERE length(p) <= ${depth} AND EXISTS { (listed)<-[:DESIGNATES]-(:Designation) }
    WITH p LIMIT $limit
    RETURN p
  }
  RETURN x.id AS entityId,
         [n IN nodes(p) | n.id] AS nodeIds,
         [rel IN relationships(p) | {type: type(rel), properties: properties(rel)}] AS relationships`,
);

/** Designations of the given parties, with their list. Params: $partyIds. */
export const DESIGNATIONS_OF_PARTIES = `
  UNWIND $partyIds AS partyId
  MATCH (:Party {id: partyId})<-[:DESIGNATES]-(d:Designation)-[:ON_LIST]->(list:RestrictedList)
  RETURN partyId, d {.*} AS designation, list.id AS listId,
         head(COLLECT { MATCH (d)-[:MADE_BY]->(i:LegalInstrument) RETURN i.id }) AS instrumentId`;

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
