/** Nodes of any type by id, with their labels. Params: $ids. */
export const NODES_BY_IDS = `
  UNWIND $ids AS id
  MATCH (n:Node {id: id})
  RETURN n {.*, labels: labels(n)} AS node`;

/**
 * Every relationship of each node, both ways, with the node at the other end. Params: $ids.
 * One round trip gives a nested GraphQL level everything it needs.
 */
export const RELATIONS_BY_NODE_IDS = `
  UNWIND $ids AS id
  MATCH (n:Node {id: id})-[r]-(m:Node)
  RETURN id AS nodeId, type(r) AS type, startNode(r) = n AS outgoing,
         properties(r) AS properties, m {.*, labels: labels(m)} AS other`;

/** Nodes of one model type (a label from the model's closed set, checked by the caller). Params: none. */
export const NODES_OF_TYPE = (label: string) => `
  MATCH (n:${label})
  RETURN n {.*, labels: labels(n)} AS node
  ORDER BY n.name, n.id`;

/** Evidence grade of each source. Params: $ids. */
export const SOURCE_GRADES = `
  UNWIND $ids AS id
  MATCH (s:Source {id: id})
  RETURN s.id AS id, s.evidence AS evidence`;
