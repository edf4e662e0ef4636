import { byDepth } from './depth.js';

/**
 * Ownership paths from an entity up to its owners, parents and controllers (UP) or down to its holdings (DOWN).
 * The direction only decides which end of each relationship must be the next node. Params: $id, $limit.
 */
function ownershipPaths(direction: 'UP' | 'DOWN') {
  const [holder, held] = direction === 'UP' ? ['b', 'a'] : ['a', 'b'];
  return byDepth(
    (depth) => `
  MATCH (x:Party {id: $id})
  MATCH p = (x)((a)-[r:OWNS|SUBSIDIARY_OF|CONTROLS]-(b)
      WHERE (type(r) IN ['OWNS', 'CONTROLS'] AND startNode(r) = ${holder})
         OR (type(r) = 'SUBSIDIARY_OF' AND startNode(r) = ${held})){1,${Math.max(1, depth)}}(:Party)
  WITH p LIMIT $limit
  RETURN [n IN nodes(p) | n.id] AS nodeIds,
         [rel IN relationships(p) | {type: type(rel), properties: properties(rel)}] AS relationships`,
  );
}

export const OWNERSHIP_UP = ownershipPaths('UP');
export const OWNERSHIP_DOWN = ownershipPaths('DOWN');
