import type { Database } from '../db/database.js';
import { FULLTEXT_CANDIDATES } from '../db/queries/search.cypher.js';
import { intParam } from '../db/records.js';
import { fulltextQuery } from './fulltext-query.js';
import { bestNameMatch } from './name-similarity.js';

export interface NameMatch {
  id: string;
  name: string;
  labels: string[];
  /** Similarity of the best-matching name or alias, 0 to 1. */
  score: number;
  matchedName: string;
}

interface Candidate {
  index: number;
  node: { id: string; name: string; aliases: string[] | null; labels: string[] };
}

/**
 * Matches for each text, best first: full-text retrieval (typo-tolerant) of up to `limit` candidates per text
 * in one round trip, then a score from name similarity that is comparable across queries, unlike Lucene's.
 */
export async function matchNames(
  db: Database,
  texts: readonly string[],
  options: { labels?: string[] | null; limit?: number; minScore?: number } = {},
): Promise<NameMatch[][]> {
  const queries = texts.flatMap((text, index) => {
    const query = fulltextQuery(text);
    return query ? [{ index, text: query }] : [];
  });
  const results: NameMatch[][] = texts.map(() => []);
  if (queries.length === 0) return results;
  const rows = await db.read<Candidate>(FULLTEXT_CANDIDATES, {
    queries,
    labels: options.labels ?? null,
    limit: intParam(options.limit ?? 50),
  });
  for (const { index, node } of rows) {
    const text = texts[index] ?? '';
    const best = bestNameMatch(text, [node.name, ...(node.aliases ?? [])]);
    if (best.score >= (options.minScore ?? 0)) {
      results[index]?.push({
        id: node.id,
        name: node.name,
        labels: node.labels,
        score: best.score,
        matchedName: best.name,
      });
    }
  }
  return results.map((matches) => matches.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)));
}
