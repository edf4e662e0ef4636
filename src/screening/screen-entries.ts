import type { Database } from '../db/database.js';
import { IDENTIFIER_MATCHES } from '../db/queries/search.cypher.js';
import { identifierQuery } from '../search/fulltext-query.js';
import { matchName, matchNames, type CandidateNode, type NameMatch } from '../search/search-entities.js';
import { nameStatistics } from '../search/name-statistics.js';
import { explainMatch, type MatchExplanation } from './explanation.js';
import type { ScreeningEntry } from './screening-input.js';

/** Scores at or above `match` count; from `review` up to it a match is returned for a person to decide. */
export interface Thresholds {
  match: number;
  review: number;
}

/** One entity an entry matched. */
export interface EntryMatch {
  id: string;
  score: number;
  matchedName: string;
  needsReview: boolean;
  explanation: MatchExplanation;
}

export interface EntryResult {
  input: string;
  matches: EntryMatch[];
}

/** Points a contradicting country takes off a name match: enough to send an exact name to review. */
export const COUNTRY_PENALTY = 0.15;
/** Candidates read per name: enough for generic names ("China ... Group"), whose best match Lucene ranks high. */
const CANDIDATES_PER_NAME = 30;

/**
 * Screens entries in two steps for the whole batch (identifiers, then names with their statistics). An
 * identifier the graph holds is decisive: the entities holding it are the matches, whatever the name says.
 * Otherwise names are matched, and a country that contradicts the entity's lowers the score.
 */
export async function screenEntries(
  db: Database,
  entries: readonly ScreeningEntry[],
  thresholds: Thresholds,
): Promise<EntryResult[]> {
  const byIdentifier = await identifierMatches(db, entries);
  const named = entries.map((entry, index) => (entry.name && !byIdentifier.has(index) ? entry.name : ''));
  const [nameMatches, statistics] = await Promise.all([
    matchNames(db, named, { limit: CANDIDATES_PER_NAME }),
    byIdentifier.size > 0 ? nameStatistics(db) : undefined,
  ]);
  return entries.map((entry, index) => {
    const identified = byIdentifier.get(index);
    const matches = identified
      ? identified.map(({ node, matched }) => {
          const name = entry.name && statistics ? matchName(entry.name, node, statistics) : undefined;
          return identifierMatch(entry, node, matched, name);
        })
      : (nameMatches[index] ?? []).flatMap((match) => nameMatch(entry, match, thresholds));
    return {
      input: entry.name ?? entry.identifiers.join(', '),
      matches: matches.sort((a, b) => b.score - a.score || a.matchedName.localeCompare(b.matchedName)),
    };
  });
}

async function identifierMatches(db: Database, entries: readonly ScreeningEntry[]) {
  const lookups = entries.flatMap((entry, index) => {
    const query = identifierQuery(entry.identifiers);
    return query ? [{ index, identifiers: entry.identifiers, query }] : [];
  });
  const found = new Map<number, { node: CandidateNode; matched: string[] }[]>();
  if (lookups.length === 0) return found;
  const rows = await db.read<{ index: number; node: CandidateNode; matched: string[] }>(IDENTIFIER_MATCHES, {
    lookups,
  });
  for (const { index, node, matched } of rows)
    found.set(index, [...(found.get(index) ?? []), { node, matched }]);
  return found;
}

function identifierMatch(
  entry: ScreeningEntry,
  node: CandidateNode,
  identifiers: string[],
  name: NameMatch | undefined,
): EntryMatch {
  const explanation = explainMatch({
    entry,
    node,
    name,
    identifier: identifiers[0] ?? null,
    countryPenalty: 0,
  });
  return {
    id: node.id,
    score: 1,
    matchedName: name?.matchedName ?? node.name,
    needsReview: false,
    explanation,
  };
}

function nameMatch(entry: ScreeningEntry, match: NameMatch, thresholds: Thresholds): EntryMatch[] {
  const contradicts = entry.country !== null && match.country !== null && entry.country !== match.country;
  const countryPenalty = contradicts ? COUNTRY_PENALTY : 0;
  const score = Math.max(0, Math.round((match.score - countryPenalty) * 1000) / 1000);
  if (score < thresholds.review) return [];
  const node = {
    id: match.id,
    name: match.name,
    aliases: null,
    country: match.country,
    labels: match.labels,
  };
  return [
    {
      id: match.id,
      score,
      matchedName: match.matchedName,
      needsReview: score < thresholds.match,
      explanation: explainMatch({ entry, node, name: match, identifier: null, countryPenalty }),
    },
  ];
}
