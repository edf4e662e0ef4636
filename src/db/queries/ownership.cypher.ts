import { familyRelations, walkPattern, type Towards } from '../../model/vocabulary.js';
import { byDepth } from './depth.js';

/**
 * Ownership paths from an entity up to its owners, parents and controllers (UP) or down to its holdings (DOWN).
 * The direction only decides which end of each relationship must be the next node (see walkPattern). One row
 * when the party exists: its paths, and every node on them (the party too), whole, so that the steps' ends
 * need no second query. Params: $id, $limit.
 */
function ownershipPaths(direction: Towards) {
  const walk = walkPattern(familyRelations('HOLDING'), direction);
  return byDepth(
    (depth) => `
  MATCH (x:Party {id: $id})
  CALL (x) {
    MATCH p = (x)((a)-[r:${walk.types}]-(b) WHERE ${walk.where}){1,${Math.max(1, depth)}}(:Party)
    WITH p LIMIT $limit
    RETURN collect(p) AS found
  }
  CALL (x, found) {
    UNWIND [x] + reduce(all = [], p IN found | all + nodes(p)) AS n
    WITH DISTINCT n
    RETURN collect(n {.*, labels: labels(n)}) AS nodes
  }
  RETURN [p IN found | {nodeIds: [n IN nodes(p) | n.id],
                        relationships: [rel IN relationships(p) | {type: type(rel), properties: properties(rel)}]}]
           AS paths,
         nodes`,
  );
}

export const OWNERSHIP_UP = ownershipPaths('UP');
export const OWNERSHIP_DOWN = ownershipPaths('DOWN');
