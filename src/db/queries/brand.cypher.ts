import { byDepth, upTo } from './depth.js';

/**
 * Brands that lead back to an entity: brands it or any party it owns or controls (down to the depth) owns,
 * or reportedly makes products for. Paths run from the entity down to the brand. Params: $id, $limit.
 */
export const BRANDS_BELOW = byDepth(
  (depth) => `
  MATCH (x:Entity {id: $id})
  MATCH p = (x)((a)-[r:OWNS|SUBSIDIARY_OF|CONTROLS]-(b)
      WHERE (type(r) IN ['OWNS', 'CONTROLS'] AND startNode(r) = a)
         OR (type(r) = 'SUBSIDIARY_OF' AND startNode(r) = b))${upTo(depth)}
    (holder:Party)-[link:BRAND_OF|OEM_FOR]-(brand:Brand)
  WHERE ((type(link) = 'BRAND_OF' AND startNode(link) = brand) OR (type(link) = 'OEM_FOR' AND startNode(link) = holder))
    AND length(p) <= ${depth + 1}
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
  MATCH (brand:Brand {id: $id})-[link:BRAND_OF|OEM_FOR]-(holder:Party)
  WHERE (type(link) = 'BRAND_OF' AND startNode(link) = brand) OR (type(link) = 'OEM_FOR' AND startNode(link) = holder)
  MATCH p = (holder)((a)-[r:OWNS|SUBSIDIARY_OF|CONTROLS]-(b)
      WHERE (type(r) IN ['OWNS', 'CONTROLS'] AND startNode(r) = b)
         OR (type(r) = 'SUBSIDIARY_OF' AND startNode(r) = a))${upTo(depth - 1)}(origin:Party)
  WHERE length(p) <= ${Math.max(0, depth - 1)}
  WITH brand, link, p LIMIT $limit
  RETURN [brand.id] + [n IN nodes(p) | n.id] AS nodeIds,
         [{type: type(link), properties: properties(link)}] +
         [rel IN relationships(p) | {type: type(rel), properties: properties(rel)}] AS relationships`,
);
