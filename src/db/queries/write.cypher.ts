/**
 * Batched, idempotent writes: one statement for every node and one for every relationship, whatever their
 * type. Labels and types are parameters (`$(row.labels)`, `$(row.type)`), taken from the model by the writer
 * (labelsOf, the validated relationship types), never from input text. Two statement texts instead of one per
 * type matter on a fresh Neo4j, which plans every new text once: seeding wrote some 30 of them and spent most of
 * its time planning. `SET n = row.properties` replaces the properties, so running the same batch twice changes
 * nothing. Params: $rows [{id, labels, properties}] and [{id, from, to, type, properties}].
 */
export const UPSERT_NODES = `
  UNWIND $rows AS row
  MERGE (n:Node {id: row.id})
  SET n = row.properties, n:$(row.labels)`;

export const UPSERT_RELATIONSHIPS = `
  UNWIND $rows AS row
  MATCH (a:Node {id: row.from}), (b:Node {id: row.to})
  MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
  SET r = row.properties`;

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
