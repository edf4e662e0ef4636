import { ALL_RELATIONSHIP_TYPES, NODE_TYPES, labelsOf, type NodeType } from '../../model/model.js';

/**
 * Batched, idempotent writes. One statement per node type and relationship type, precomputed from the model at
 * load time, so labels and types in the text come from the model's closed set and all values are parameters.
 * `SET n = row.properties` replaces the properties, so running the same batch twice changes nothing.
 */
export const UPSERT_NODES: Readonly<Record<NodeType, string>> = Object.fromEntries(
  (Object.keys(NODE_TYPES) as NodeType[]).map((type) => [
    type,
    `UNWIND $rows AS row
     MERGE (n:Node {id: row.id})
     SET n = row.properties, n:${labelsOf(type).join(':')}`,
  ]),
) as Record<NodeType, string>;

export const UPSERT_RELATIONSHIPS: Readonly<Record<string, string>> = Object.fromEntries(
  ALL_RELATIONSHIP_TYPES.map((type) => [
    type,
    `UNWIND $rows AS row
     MATCH (a:Node {id: row.from}), (b:Node {id: row.to})
     MERGE (a)-[r:${type} {id: row.id}]->(b)
     SET r = row.properties`,
  ]),
);

/** Counts of nodes by their model type and of relationships by type. */
export const COUNT_NODES = `
  MATCH (n:Node)
  UNWIND [label IN labels(n) WHERE label IN $types] AS type
  RETURN type, count(*) AS count ORDER BY type`;

export const COUNT_RELATIONSHIPS = `
  MATCH (:Node)-[r]->(:Node)
  RETURN type(r) AS type, count(*) AS count ORDER BY type`;

/** Facts (nodes other than Sources, and relationships) that cite no existing Source. */
export const COUNT_UNSOURCED = `
  CALL () {
    MATCH (n:Node) WHERE NOT n:Source
      AND (n.sources IS NULL OR size(n.sources) = 0
           OR any(id IN n.sources WHERE NOT EXISTS { MATCH (:Source {id: id}) }))
    RETURN count(n) AS count
    UNION ALL
    MATCH (:Node)-[r]->(:Node)
    WHERE r.sources IS NULL OR size(r.sources) = 0
       OR any(id IN r.sources WHERE NOT EXISTS { MATCH (:Source {id: id}) })
    RETURN count(r) AS count
  }
  RETURN sum(count) AS count`;

/** Facts counted by the strongest evidence grade among the sources they cite. */
export const COUNT_BY_EVIDENCE = `
  CALL () {
    MATCH (n:Node) WHERE NOT n:Source RETURN n.sources AS sources
    UNION ALL
    MATCH (:Node)-[r]->(:Node) RETURN r.sources AS sources
  }
  WITH [id IN coalesce(sources, []) | head(COLLECT { MATCH (s:Source {id: id}) RETURN s.evidence })] AS grades
  WITH CASE
    WHEN 'PRIMARY' IN grades THEN 'PRIMARY'
    WHEN 'SECONDARY' IN grades THEN 'SECONDARY'
    WHEN 'REFERENCE' IN grades THEN 'REFERENCE'
    WHEN 'COMMUNITY' IN grades THEN 'COMMUNITY'
    ELSE 'NONE' END AS evidence
  RETURN evidence, count(*) AS count ORDER BY evidence`;
