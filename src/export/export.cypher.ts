/**
 * Every live node with its labels, in id order. Retracted nodes have no Node label and are left out. (The
 * columns are not called labels and properties: toPlain would take such a row for a node.)
 */
export const EXPORT_NODES = `
  MATCH (n:Node)
  RETURN labels(n) AS nodeLabels, properties(n) AS values
  ORDER BY n.id`;

/** Every relationship between live nodes, in a stable order. Params: $types (the model's relationship types). */
export const EXPORT_RELATIONSHIPS = `
  MATCH (a:Node)-[r]->(b:Node)
  WHERE type(r) IN $types
  RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS properties
  ORDER BY type, a.id, b.id, r.id`;
