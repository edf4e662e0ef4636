import { byDepth } from './depth.js';

/** Ownership paths from an entity up to its owners, parents and controllers. Params: $id, $limit. */
export const OWNERSHIP_UP = byDepth(
  (depth) => `
  MATCH (x:Party {id: $id})
  MATCH p = (x)((a)-[r:OWNS|SUBSIDIARY_OF|CONTROLS]-(b)
      WHERE (type(r) IN ['OWNS', 'CONTROLS'] AND startNode(r) = b)
         OR (type(r) = 'SUBSIDIARY_OF' AND startNode(r) = a)){1,${Math.max(1, depth)}}(:Party)
  WITH p LIMIT $limit
  RETURN [n IN nodes(p) | n.id] AS nodeIds,
         [rel IN relationships(p) | {type: type(rel), properties: properties(rel)}] AS relationships`,
);

/** Ownership paths from an entity down to its holdings. Params: $id, $limit. */
export const OWNERSHIP_DOWN = byDepth(
  (depth) => `
  MATCH (x:Party {id: $id})
  MATCH p = (x)((a)-[r:OWNS|SUBSIDIARY_OF|CONTROLS]-(b)
      WHERE (type(r) IN ['OWNS', 'CONTROLS'] AND startNode(r) = a)
         OR (type(r) = 'SUBSIDIARY_OF' AND startNode(r) = b)){1,${Math.max(1, depth)}}(:Party)
  WITH p LIMIT $limit
  RETURN [n IN nodes(p) | n.id] AS nodeIds,
         [rel IN relationships(p) | {type: type(rel), properties: properties(rel)}] AS relationships`,
);
