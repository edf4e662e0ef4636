/**
 * Full-text candidates for several names in one round trip. Params: $queries [{index, text}], $labels (model
 * labels, checked by the caller) or null for all entity kinds, $limit.
 */
export const FULLTEXT_CANDIDATES = `
  UNWIND $queries AS q
  CALL db.index.fulltext.queryNodes('entity_search', q.text, {limit: $limit}) YIELD node, score
  WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
  RETURN q.index AS index, node {.id, .name, .aliases, .country, labels: labels(node)} AS node, score`;

/** The number of entities, from the count store: tells whether name statistics are still current. */
export const ENTITY_COUNT = 'MATCH (n:Entity) RETURN count(n) AS count';

/** Every entity's names, for the name statistics (how distinctive each token is). */
export const ENTITY_NAMES = `
  MATCH (n:Entity)
  RETURN [n.name] + coalesce(n.aliases, []) AS names`;

/**
 * Entities holding any of the given identifiers ("SCHEME:VALUE", upper case; stored ones are compared in upper
 * case), for several inputs in one round trip: the identifier index proposes candidates for each lookup's
 * query (see identifierQuery), which are then compared exactly. Params: $lookups [{index, identifiers, query}].
 */
export const IDENTIFIER_MATCHES = `
  UNWIND $lookups AS lookup
  CALL db.index.fulltext.queryNodes('entity_identifiers', lookup.query) YIELD node AS n
  WITH lookup, n
  WHERE any(identifier IN coalesce(n.identifiers, []) WHERE toUpper(identifier) IN lookup.identifiers)
  RETURN lookup.index AS index,
         n {.id, .name, .aliases, .country, labels: labels(n)} AS node,
         [identifier IN n.identifiers WHERE toUpper(identifier) IN lookup.identifiers] AS matched
  ORDER BY index, node.id`;
