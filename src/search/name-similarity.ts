import { nameTokens } from '../model/normalize-name.js';

const HAN = /\p{Script=Han}/u;

/**
 * How alike two names are, from 0 to 1, after normalisation (case, punctuation, legal forms). Each query token
 * is paired with its closest name token (Jaro-Winkler, which forgives typos such as "hikvison"); the score
 * weighs how well the query is found in the name more than how much of the name the query covers. Chinese
 * names have no spaces, so a query contained in a Chinese name counts as a strong match.
 */
export function nameSimilarity(query: string, name: string): number {
  const queryTokens = nameTokens(query);
  const nameTokenList = nameTokens(name);
  if (queryTokens.length === 0 || nameTokenList.length === 0) return 0;
  const forward = mean(
    queryTokens.map((token) => Math.max(...nameTokenList.map((other) => jaroWinkler(token, other)))),
  );
  const backward = mean(
    nameTokenList.map((token) => Math.max(...queryTokens.map((other) => jaroWinkler(token, other)))),
  );
  let score = 0.7 * forward + 0.3 * backward;
  const compactQuery = queryTokens.join('');
  const compactName = nameTokenList.join('');
  if (HAN.test(compactQuery) && compactQuery.length >= 2 && compactName.includes(compactQuery)) {
    score = Math.max(score, 0.9 + 0.1 * (compactQuery.length / compactName.length));
  }
  return Math.round(score * 1000) / 1000;
}

/** The best similarity between a query and any of an entity's names. */
export function bestNameMatch(query: string, names: readonly string[]): { name: string; score: number } {
  let best = { name: names[0] ?? '', score: 0 };
  for (const name of names) {
    const score = nameSimilarity(query, name);
    if (score > best.score) best = { name, score };
  }
  return best;
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Jaro-Winkler similarity of two strings, 0 to 1. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (!bMatched[j] && a[i] === b[j]) {
        aMatched[i] = bMatched[j] = true;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < Math.min(4, a.length, b.length) && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
