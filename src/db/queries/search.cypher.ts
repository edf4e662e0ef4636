/**
 * Full-text candidates for several names in one round trip. Params: $queries [{index, text}], $labels (model
 * labels, checked by the caller) or null for all entity kinds, $limit.
 */
export const FULLTEXT_CANDIDATES = `
  UNWIND $queries AS q
  CALL db.index.fulltext.queryNodes('entity_search', q.text, {limit: $limit}) YIELD node, score
  WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
  RETURN q.index AS index, node {.id, .name, .aliases, labels: labels(node)} AS node, score`;
