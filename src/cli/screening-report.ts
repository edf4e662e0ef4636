import { csvDocument } from '../formats/csv-writer.js';
import type { ScreeningMatch, ScreeningResult } from '../operations/answers.js';
import { chooseCandidate } from './resolve-entity.js';

export type ScreeningStatus = 'RESTRICTED' | 'NOT_RESTRICTED' | 'NO_MATCH' | 'AMBIGUOUS';

/** One screened name: the entity it was matched to (if one clearly matched) and what restricts it. */
export interface ScreeningRow {
  input: string;
  status: ScreeningStatus;
  matchId: string | null;
  matchName: string | null;
  matchKind: string | null;
  matchedName: string | null;
  score: number | null;
  restricted: boolean | null;
  measures: string[];
  lists: string[];
  basis: string[];
  listedParties: string[];
  sources: string[];
  /** When AMBIGUOUS: every entity that matched about equally well. */
  candidates: { id: string; name: string; score: number; restricted: boolean }[];
}

export const CSV_COLUMNS = [
  'input',
  'status',
  'match_id',
  'match_name',
  'match_kind',
  'matched_name',
  'score',
  'restricted',
  'measures',
  'lists',
  'basis',
  'listed_parties',
  'sources',
  'candidates',
] as const;

/**
 * Decides each screened name the way the other commands resolve names: an exact name or alias wins, a clear best
 * match is taken, and near-ties are reported as AMBIGUOUS with all candidates rather than guessed.
 */
export function screeningRow(result: ScreeningResult): ScreeningRow {
  const byId = new Map(result.matches.map((match) => [match.entity.id, match]));
  const choice = chooseCandidate(result.input, result.matches);
  const empty = {
    input: result.input,
    matchId: null,
    matchName: null,
    matchKind: null,
    matchedName: null,
    score: null,
    restricted: null,
    measures: [],
    lists: [],
    basis: [],
    listedParties: [],
    sources: [],
    candidates: [],
  };
  if (choice.kind === 'none') return { ...empty, status: 'NO_MATCH' };
  if (choice.kind === 'ambiguous') {
    const candidates = choice.candidates.map((candidate) => ({
      id: candidate.entity.id,
      name: candidate.entity.name,
      score: candidate.score,
      restricted: byId.get(candidate.entity.id)?.restricted ?? false,
    }));
    return { ...empty, status: 'AMBIGUOUS', candidates };
  }
  const match = byId.get(choice.candidate.entity.id) as ScreeningMatch;
  const unique = (values: string[]) => [...new Set(values)];
  return {
    ...empty,
    status: match.restricted ? 'RESTRICTED' : 'NOT_RESTRICTED',
    matchId: match.entity.id,
    matchName: match.entity.name,
    matchKind: match.entity.kind,
    matchedName: match.matchedName,
    score: match.score,
    restricted: match.restricted,
    measures: unique(match.restrictions.map((restriction) => restriction.measure.name)),
    lists: unique(match.restrictions.map((restriction) => restriction.list.name)),
    basis: unique(match.restrictions.map((restriction) => restriction.basis)),
    listedParties: unique(match.restrictions.map((restriction) => restriction.listedEntity.name)),
    sources: unique(
      match.restrictions.flatMap((restriction) => restriction.sources.map((source) => source.url)),
    ),
  };
}

/** The report as CSV: one row per input name, list-valued cells joined with "; ". */
export function screeningCsv(rows: readonly ScreeningRow[]): string {
  const records = rows.map((row) => [
    row.input,
    row.status,
    row.matchId,
    row.matchName,
    row.matchKind,
    row.matchedName,
    row.score === null ? '' : row.score.toFixed(3),
    row.restricted === null ? '' : row.restricted ? 'yes' : 'no',
    row.measures.join('; '),
    row.lists.join('; '),
    row.basis.join('; '),
    row.listedParties.join('; '),
    row.sources.join('; '),
    row.candidates
      .map(
        (candidate) =>
          `${candidate.name} (${candidate.id}, ${candidate.score.toFixed(2)}${candidate.restricted ? ', restricted' : ''})`,
      )
      .join('; '),
  ]);
  return csvDocument([CSV_COLUMNS, ...records]);
}

export function screeningSummary(rows: readonly ScreeningRow[]): Record<ScreeningStatus, number> {
  const summary = { RESTRICTED: 0, AMBIGUOUS: 0, NOT_RESTRICTED: 0, NO_MATCH: 0 };
  for (const row of rows) summary[row.status] += 1;
  return summary;
}
