/** The deepest path any query follows, whatever a client asks for. */
export const MAX_PATH_DEPTH = 10;

/**
 * One query text per depth 0..MAX_PATH_DEPTH. A quantifier's bound cannot be a parameter, so the variants are
 * precomputed from numbers alone; no client text reaches the query.
 */
export function byDepth(build: (depth: number) => string): readonly string[] {
  return Array.from({ length: MAX_PATH_DEPTH + 1 }, (_, depth) => build(depth));
}

/**
 * The bounds `{0,max}` of a quantified path pattern. Neo4j refuses an upper bound of 0, so a query asked for no
 * steps (explainRestrictions with maxDepth 0, a neighbourhood of depth 0) gets `{0,1}` and keeps
 * `length(p) <= max` in its WHERE.
 */
export function upTo(max: number): string {
  return `{0,${Math.max(1, max)}}`;
}
