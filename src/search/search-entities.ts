import type { Database } from '../db/database.js';
import { FULLTEXT_CANDIDATES } from '../db/queries/search.cypher.js';
import { intParam } from '../db/records.js';
import { slices } from '../db/slices.js';
import { hasHan, toSimplified } from '../names/chinese.js';
import { fulltextQuery } from './fulltext-query.js';
import { scoreForm, type FormScore } from './match-score.js';
import { formsOf, type NameForm } from '../names/name-forms.js';
import { nameStatistics, type NameStatistics } from './name-statistics.js';

/** An entity whose name matched a text, with the name form that matched best and why. */
export interface NameMatch {
  id: string;
  name: string;
  labels: string[];
  country: string | null;
  /** Similarity of the best-matching name or alias, 0 to 1. */
  score: number;
  matchedName: string;
  best: FormScore;
  /** Script conversion applied to the query, e.g. traditional characters read as simplified. */
  conversion: string | null;
}

/** An entity as the match queries return it. */
export interface CandidateNode {
  id: string;
  name: string;
  aliases: string[] | null;
  country: string | null;
  labels: string[];
}

/**
 * Names per full-text read. Neo4j searches the names of one read one after another, on one core; reads of 100
 * run side by side, so 500 names at a million entities take 1.1-1.5 s rather than 1.9-2.2 s on two cores.
 */
const NAMES_PER_READ = 100;

/**
 * Matches for each text, best first: full-text retrieval (typo-tolerant, Chinese in simplified characters and
 * pinyin) of up to `limit` candidates per text, in reads of NAMES_PER_READ texts side by side, then a score
 * comparable across queries, unlike Lucene's: tokens weighted by how distinctive they are in the graph (see
 * match-score.ts).
 */
export async function matchNames(
  db: Database,
  texts: readonly string[],
  options: { labels?: string[] | null; limit?: number; minScore?: number; loose?: boolean } = {},
): Promise<NameMatch[][]> {
  // Spreadsheets repeat names: each distinct text is retrieved and scored once.
  const distinct = [...new Set(texts)];
  const queries = distinct.flatMap((text, index) => {
    const query = fulltextQuery(text);
    return query ? [{ index, text: query }] : [];
  });
  const found: NameMatch[][] = distinct.map(() => []);
  if (queries.length === 0) return texts.map(() => []);
  const [statistics, ...batches] = await Promise.all([
    nameStatistics(db),
    ...slices(queries, NAMES_PER_READ).map((batch) =>
      db.read<{ index: number; node: CandidateNode }>(FULLTEXT_CANDIDATES, {
        queries: batch,
        labels: options.labels ?? null,
        limit: intParam(options.limit ?? 50),
      }),
    ),
  ]);
  const rows = batches.flat();
  for (const { index, node } of rows) {
    const match = matchName(distinct[index] ?? '', node, statistics, options.loose);
    if (match && match.score >= (options.minScore ?? 0)) found[index]?.push(match);
  }
  const byText = new Map(distinct.map((text, index) => [text, (found[index] ?? []).sort(byScore)]));
  return texts.map((text) => [...(byText.get(text) ?? [])]);
}

export const byScore = (a: NameMatch, b: NameMatch) => b.score - a.score || a.name.localeCompare(b.name);

/**
 * The best match of a text against any of an entity's names, or undefined when none is alike at all. `loose`
 * (for browsing) does not cut matches on generic words only: searching "china" lists China's companies.
 */
export function matchName(
  text: string,
  node: CandidateNode,
  statistics: NameStatistics,
  loose = false,
): NameMatch | undefined {
  const queryForms = queryFormsOf(text);
  let best: FormScore | undefined;
  for (const name of [node.name, ...(node.aliases ?? [])]) {
    for (const form of formsOf(name)) {
      for (const query of queryForms) {
        const found = scoreForm(query, form, statistics);
        const score = found && loose ? { ...found, score: found.looseScore } : found;
        if (score && (!best || score.score > best.score)) best = score;
      }
    }
  }
  if (!best || best.score <= 0) return undefined;
  return {
    id: node.id,
    name: node.name,
    labels: node.labels,
    country: node.country ?? null,
    score: best.score,
    matchedName: best.form.name,
    best,
    conversion:
      best.method === 'chinese characters' && hasHan(text) && toSimplified(text) !== text
        ? 'traditional Chinese characters read as simplified'
        : null,
  };
}

/** A query's own forms, less pinyin: Chinese queries are compared by their characters. */
function queryFormsOf(text: string): NameForm[] {
  return formsOf(text).filter((form) => form.via !== 'pinyin');
}
