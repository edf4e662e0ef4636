import { nameTokens } from '../model/normalize-name.js';

const LUCENE_SPECIAL = /[\\+\-!():^[\]"{}~*?|&/]/g;

/** Escapes a term for Lucene's query parser, so no user text is read as query syntax. */
export function escapeLucene(term: string): string {
  const escaped = term.replace(LUCENE_SPECIAL, (char) => `\\${char}`);
  return /^(AND|OR|NOT|TO)$/.test(escaped) ? `"${escaped}"` : escaped;
}

/**
 * The full-text query for a name: its normalised tokens, each escaped, longer Latin ones also fuzzy (edit
 * distance up to 2) so that typos still retrieve candidates. Returns undefined when nothing searchable is left.
 */
export function fulltextQuery(text: string): string | undefined {
  const tokens = nameTokens(text).slice(0, 12);
  if (tokens.length === 0) return undefined;
  return tokens
    .map((token) => {
      const term = escapeLucene(token);
      return /^[a-z0-9]{4,}$/.test(token) ? `${term} OR ${term}~` : term;
    })
    .join(' OR ');
}
