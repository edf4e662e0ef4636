import { familyRelations, walkPattern, type Towards } from '../../model/vocabulary.js';
import { byDepth } from './depth.js';

/**
 * Ownership paths from an entity up to its owners, parents and controllers (UP) or down to its holdings (DOWN).
 * The direction only decides which end of each relationship must be the next node (see walkPattern). Params: $id, $limit.
 */
function ownershipPaths(direction: Towards) {
  const walk = walkPattern(familyRelations('HOLDING'), direction);
  return byDepth(
    (depth) => `
  MATCH (x:Party {id: $id})
  MATCH p = (x)((a)-[r:${walk.types}]-(b) WHERE ${walk.where}){1,${Math.max(1, depth)}}(:Party)
  WITH p LIMIT $limit
  RETURN [n IN nodes(p) | n.id] AS nodeIds,
         [rel IN relationships(p) | {type: type(rel), properties: properties(rel)}] AS relationships`,
  );
}

export const OWNERSHIP_UP = ownershipPaths('UP');
export const OWNERSHIP_DOWN = ownershipPaths('DOWN');
