/** The deepest path any query follows, whatever a client asks for. */
export const MAX_PATH_DEPTH = 10;

/**
 * One query text per depth 0..MAX_PATH_DEPTH. A quantifier's bound cannot be a parameter, so the variants are
 * precomputed from numbers alone; no client text reaches the query.
 */
export function byDepth(build: (depth: number) => string): readonly string[] {
  return Array.from({ length: MAX_PATH_DEPTH + 1 }, (_, depth) => build(depth));
}
