import { familyRelations, walkPattern } from '../../model/vocabulary.js';
import { byDepth, upTo } from './depth.js';

const HOLDINGS_DOWN = walkPattern(familyRelations('HOLDING'), 'DOWN');
const HOLDERS_UP = walkPattern(familyRelations('HOLDING'), 'UP');
const BRAND_DOWN = walkPattern(familyRelations('BRAND'), 'DOWN', { a: 'holder', r: 'link', b: 'brand' });

/**
 * Brands that lead back to an entity: brands it or any party it owns or controls (down to the depth) owns,
 * or reportedly makes products for. Paths run from the entity down to the brand. Params: $id, $limit.
 */
export const BRANDS_BELOW = byDepth(
  (depth) => `
  MATCH (x:Entity {id: $id})
  MATCH p = (x)((a)-[r:${HOLDINGS_DOWN.types}]-(b) WHERE ${HOLDINGS_DOWN.where})${upTo(depth)}
    (holder:Party)-[link:${BRAND_DOWN.types}]-(brand:Brand)
  WHERE (${BRAND_DOWN.where}) AND length(p) <= ${depth + 1}
  WITH p LIMIT $limit
  RETURN [n IN nodes(p) | n.id] AS nodeIds,
         [rel IN relationships(p) | {type: type(rel), properties: properties(rel)}] AS relationships`,
);

/**
 * From a brand: its owners and reported makers, and the parties above them. Paths run from the brand up.
 * Params: $id, $limit.
 */
export const BRAND_ORIGINS = byDepth(
  (depth) => `
  MATCH (brand:Brand {id: $id})-[link:${BRAND_DOWN.types}]-(holder:Party)
  WHERE ${BRAND_DOWN.where}
  MATCH p = (holder)((a)-[r:${HOLDERS_UP.types}]-(b) WHERE ${HOLDERS_UP.where})${upTo(depth - 1)}(origin:Party)
  WHERE length(p) <= ${Math.max(0, depth - 1)}
  WITH brand, link, p LIMIT $limit
  RETURN [brand.id] + [n IN nodes(p) | n.id] AS nodeIds,
         [{type: type(link), properties: properties(link)}] +
         [rel IN relationships(p) | {type: type(rel), properties: properties(rel)}] AS relationships`,
);
