import { normalizeName } from './normalize-name.js';

/**
 * The keys entity resolution compares names on: each name and alias normalised, when long enough to mean
 * something ("cst" or "hsri" alone are not). The writer stores them on every named node (`nameKeys`), where a
 * full-text index finds the parties that share one without reading the others.
 */
export function nameKeys(names: readonly string[]): string[] {
  return [...new Set(names.map(normalizeName).filter((key) => key.replace(/ /g, '').length >= 4))];
}
