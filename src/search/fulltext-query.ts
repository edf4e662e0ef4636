import { hanCore, toSimplified } from '../names/chinese.js';
import { nameTokens } from '../names/normalize-name.js';

const LUCENE_SPECIAL = /[\\+\-!():^[\]"{}~*?|&/]/g;

/** Escapes a term for Lucene's query parser, so no user text is read as query syntax. */
export function escapeLucene(term: string): string {
  const escaped = term.replace(LUCENE_SPECIAL, (char) => `\\${char}`);
  return /^(AND|OR|NOT|TO)$/.test(escaped) ? `"${escaped}"` : escaped;
}

/**
 * The full-text query for a name: its normalised tokens, each escaped, Latin ones of five letters or more also
 * fuzzy (one edit) so that typos still retrieve candidates; the tokens run together, so that "Haikang Weishi"
 * finds the indexed pinyin "haikangweishi"; Chinese in simplified characters, as the index holds it. Returns
 * undefined when nothing searchable is left.
 */
export function fulltextQuery(text: string): string | undefined {
  const tokens = nameTokens(toSimplified(text)).slice(0, 12);
  if (tokens.length === 0) return undefined;
  const joined = tokens.length > 1 ? tokens.join('') : undefined;
  const terms = joined && /^[a-z0-9]+$/.test(joined) ? [...tokens, joined] : tokens;
  const han = hanCore(text);
  return [...new Set([...terms, ...(han ? [han] : [])])]
    .map((token) => {
      const term = escapeLucene(token);
      // One edit, on the words only: fuzzy terms are what a batch's full-text query spends its time on
      // (edit distance 2, and on the run-together form, made 500 names take many times longer).
      return token !== joined && /^[a-z0-9]{5,}$/.test(token) ? `${term} OR ${term}~1` : term;
    })
    .join(' OR ');
}

/**
 * The full-text query that finds entities holding any of these identifiers ("SCHEME:VALUE"): each as a phrase,
 * so "USCC:9133…" matches its tokens in order. The index only proposes candidates; the caller compares the
 * identifiers exactly. Returns undefined when no identifier has a letter or digit to search by.
 */
export function identifierQuery(identifiers: readonly string[]): string | undefined {
  const phrases = identifiers.filter((identifier) => /[\p{L}\p{N}]/u.test(identifier)).map(phrase);
  return phrases.length > 0 ? phrases.join(' OR ') : undefined;
}

/**
 * The query for the resolution-key index (party_resolution_keys), whose keyword analyser keeps each value
 * whole: each of `values` quoted is one term of `field`, so only parties holding one of them exactly match.
 */
export function resolutionKeyQuery(field: 'nameKeys' | 'identifiers', values: readonly string[]): string {
  return values.map((value) => `${field}:${phrase(value)}`).join(' OR ');
}

/** Text quoted for Lucene's query parser, which reads nothing inside the quotes as syntax. */
function phrase(text: string): string {
  return `"${text.replace(/["\\]/g, (char) => `\\${char}`)}"`;
}
