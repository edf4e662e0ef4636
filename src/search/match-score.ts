import { distance } from 'fastest-levenshtein';
import type { NameForm } from '../names/name-forms.js';
import { jaroWinkler } from './name-similarity.js';
import type { NameStatistics } from './name-statistics.js';

/** How one query token was found in the name, and how much it counts. */
export interface TokenMatch {
  query: string;
  /** The name token it matched, or null when the name has no such token. */
  matched: string | null;
  /** 1 for the same token, less for a near spelling (Jaro-Winkler). */
  similarity: number;
  /** How distinctive the token is in the graph, 0 to 1. */
  weight: number;
}

export type MatchMethod = 'same name' | 'tokens' | 'spelling' | 'chinese characters';

/** The score of a query against one name form, with what made it. */
export interface FormScore {
  score: number;
  form: NameForm;
  method: MatchMethod;
  tokens: TokenMatch[];
  /** Weighted share of the query found in the name, and of the name found in the query. */
  queryCoverage: number;
  nameCoverage: number;
  /** Less than 1 when only generic words matched. */
  distinctiveness: number;
  /** The score before the cut for generic words: what a browsing search ranks by. */
  looseScore: number;
}

/** Near spellings of a token count from this Jaro-Winkler similarity up ("hikvison" ~ "hikvision"). */
const TYPO_SIMILARITY = 0.9;
/** Matched weight that makes a match distinctive: one graph-rare token is enough, generic words are not. */
const DISTINCTIVE_WEIGHT = 0.5;
/** Share of a name's weight that makes a query of generic words stand for the whole name. */
const WHOLE_NAME = 0.85;
/** Whole-name spelling similarity (edit distance) that counts on its own. */
const SPELLING_SIMILARITY = 0.9;

/**
 * Scores a query against a name form, 0 to 1. Latin names: each query token is paired with the same or a nearly
 * spelled name token (tokens that run together in one name and apart in the other are joined), weighted by how
 * distinctive it is in the graph; the score is mostly how much of the query is found (so "DJI" finds
 * "SZ DJI Technology") and partly how much of the name (so "China Construction Bank" does not find "China
 * Construction Technology"), and shrinks when only generic words matched. Chinese: the same characters, or a
 * query of three or more characters inside the name (a one- or two-character query must be the whole name).
 */
export function scoreForm(
  query: NameForm,
  form: NameForm,
  statistics: NameStatistics,
): FormScore | undefined {
  const scores = [latinScore(query, form, statistics), chineseScore(query, form)].filter(
    (score): score is FormScore => score !== undefined,
  );
  return scores.sort((a, b) => b.score - a.score)[0];
}

function chineseScore(query: NameForm, form: NameForm): FormScore | undefined {
  const [a, b] = [query.han, form.han];
  if (!a || !b) return undefined;
  let score = 0;
  if (a === b) score = 1;
  else if (a.length >= 3 && b.includes(a)) score = 0.9 + 0.1 * (a.length / b.length);
  else if (b.length >= 3 && a.includes(b)) score = 0.88 + 0.1 * (b.length / a.length);
  else if (Math.min(a.length, b.length) >= 4) score = spelling(a, b, 0.5);
  if (score < 0.5) return undefined;
  return {
    score: round(score),
    form,
    method: 'chinese characters',
    tokens: [],
    queryCoverage: b.includes(a) ? 1 : score,
    nameCoverage: a.includes(b) ? 1 : score,
    distinctiveness: 1,
    looseScore: round(score),
  };
}

function latinScore(query: NameForm, form: NameForm, statistics: NameStatistics): FormScore | undefined {
  if (query.tokens.length === 0 || form.tokens.length === 0) return undefined;
  const [queryMatches, nameSimilarities] = align(query.tokens, form.tokens);
  const tokens = queryMatches.map(({ query: token, matched, similarity }) => ({
    query: token,
    matched,
    similarity: round(similarity),
    // A misspelt query token weighs what the word it spells weighs ("technolgy" is as generic as "technology").
    weight: round(
      matched === null
        ? statistics.weight(token)
        : Math.min(statistics.weight(token), statistics.weight(matched)),
    ),
  }));
  const queryWeight = sum(tokens.map((token) => token.weight));
  const matchedWeight = sum(tokens.map((token) => token.weight * token.similarity));
  const nameWeights = form.tokens.map((token) => statistics.weight(token));
  const queryCoverage = queryWeight > 0 ? matchedWeight / queryWeight : 0;
  const nameCoverage =
    sum(nameWeights.map((weight, index) => weight * (nameSimilarities[index] ?? 0))) / sum(nameWeights);
  const sameTokens = [...query.tokens].sort().join(' ') === [...form.tokens].sort().join(' ');
  // Generic words alone identify a company only when they are (nearly) its whole name.
  const distinctiveness =
    sameTokens || nameCoverage >= WHOLE_NAME
      ? 1
      : Math.min(1, 0.6 + (0.4 * matchedWeight) / DISTINCTIVE_WEIGHT);
  const tokenScore = (0.75 * queryCoverage + 0.25 * nameCoverage) * distinctiveness;
  const spelt = spelling(query.tokens.join(''), form.tokens.join(''), SPELLING_SIMILARITY);
  const looseScore = round(Math.max(tokenScore / distinctiveness, spelt >= SPELLING_SIMILARITY ? spelt : 0));
  const result = { form, tokens, queryCoverage, nameCoverage, distinctiveness, looseScore };
  if (sameTokens) return { ...result, score: 1, method: 'same name' };
  if (spelt >= SPELLING_SIMILARITY && spelt * distinctiveness > tokenScore) {
    return { ...result, score: round(spelt * distinctiveness), method: 'spelling' };
  }
  return { ...result, score: round(tokenScore), method: 'tokens' };
}

/**
 * Pairs each query token with its best name token. Tokens that one side writes together and the other apart
 * ("Hik Vision" / "Hikvision", "Haikang Weishi" / pinyin "haikangweishi") are matched as one.
 */
function align(
  queryTokens: readonly string[],
  nameTokens: readonly string[],
): [{ query: string; matched: string | null; similarity: number }[], number[]] {
  const nameSimilarities = nameTokens.map(() => 0);
  const joined = new Map<number, { matched: string; similarity: number }>();
  for (const [runs, other, isQuery] of [
    [queryTokens, nameTokens, true],
    [nameTokens, queryTokens, false],
  ] as const) {
    for (let start = 0; start < runs.length; start++) {
      for (let end = start + 2; end <= runs.length; end++) {
        const run = runs.slice(start, end).join('');
        const at = other.indexOf(run);
        if (at < 0) continue;
        for (let i = start; i < end; i++) {
          if (isQuery) joined.set(i, { matched: other[at]!, similarity: 1 });
          else nameSimilarities[i] = 1;
        }
        if (!isQuery) joined.set(at, { matched: run, similarity: 1 });
        else nameSimilarities[at] = 1;
      }
    }
  }
  const queryMatches = queryTokens.map((token, index) => {
    const join = joined.get(index);
    if (join) return { query: token, ...join };
    let best = { matched: null as string | null, similarity: 0, at: -1 };
    nameTokens.forEach((name, at) => {
      const similarity = tokenSimilarity(token, name);
      if (similarity > best.similarity) best = { matched: name, similarity, at };
    });
    if (best.at >= 0) nameSimilarities[best.at] = Math.max(nameSimilarities[best.at] ?? 0, best.similarity);
    return { query: token, matched: best.matched, similarity: best.similarity };
  });
  return [queryMatches, nameSimilarities];
}

function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  // A typo is an edit or two; tokens further apart in length never reach TYPO_SIMILARITY, so skip the work.
  if (Math.min(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 2) return 0;
  const similarity = jaroWinkler(a, b);
  return similarity >= TYPO_SIMILARITY ? similarity : 0;
}

/**
 * Similarity of two spellings from their edit distance, 0 to 1; 0 without computing it when the lengths alone
 * put it below `floor` (the distance is at least the difference in length).
 */
function spelling(a: string, b: string, floor = 0): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0 || 1 - Math.abs(a.length - b.length) / longest < floor) return 0;
  return 1 - distance(a, b) / longest;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const round = (value: number) => Math.round(value * 1000) / 1000;
