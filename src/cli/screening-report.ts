import { csvDocument } from '../formats/csv-writer.js';
import type { ScreeningVerdict } from '../model/model.js';
import type { ScreeningMatch, ScreeningResult } from '../operations/answers.js';
import { chooseCandidate } from './resolve-entity.js';

/** The CLI's decision for a row: the API's verdict, and AMBIGUOUS when matches tie and none can be chosen. */
export type ScreeningStatus = 'RESTRICTED' | 'POSSIBLE_MATCH' | 'NOT_RESTRICTED' | 'NO_MATCH' | 'AMBIGUOUS';

/** One screened name: the entity it was matched to (if one clearly matched) and what restricts it. */
export interface ScreeningRow {
  input: string;
  status: ScreeningStatus;
  /** The API's verdict (screenEntries), whatever the CLI chose among tied matches. */
  verdict: ScreeningVerdict;
  /** True when the chosen match is in the review band. */
  needsReview: boolean;
  /** Why the chosen match matched, in a reviewer's words. */
  explanation: string | null;
  /** Lists held only in part: the verdict is only as complete as they are. */
  incompleteLists: string[];
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
  'verdict',
  'needs_review',
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
  'explanation',
  'incomplete_lists',
] as const;

/**
 * Decides each screened name the way the other commands resolve names: an exact name or alias wins, a clear best
 * match is taken, and near-ties are reported as AMBIGUOUS with all candidates rather than guessed. Matches in the
 * review band are chosen among only when no match counts; the row is then a POSSIBLE_MATCH.
 */
export function screeningRow(result: ScreeningResult): ScreeningRow {
  const byId = new Map(result.matches.map((match) => [match.entity.id, match]));
  const counted = result.matches.filter((match) => !match.needsReview);
  const choice = chooseCandidate(result.input, counted.length > 0 ? counted : result.matches);
  const empty = {
    input: result.input,
    verdict: result.verdict,
    needsReview: false,
    explanation: null,
    incompleteLists: result.incompleteLists.map((list) => list.name),
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
  if (choice.kind === 'none') return { ...empty, status: result.verdict };
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
    status: match.needsReview ? 'POSSIBLE_MATCH' : match.restricted ? 'RESTRICTED' : 'NOT_RESTRICTED',
    needsReview: match.needsReview,
    explanation: match.explanation.summary,
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
    row.verdict,
    row.needsReview ? 'yes' : 'no',
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
    row.explanation,
    row.incompleteLists.join('; '),
  ]);
  return csvDocument([CSV_COLUMNS, ...records]);
}

/** Rows per verdict, and how many of them the CLI could not pin to one entity. */
export function screeningSummary(
  rows: readonly ScreeningRow[],
): Record<ScreeningVerdict | 'AMBIGUOUS', number> {
  const summary = { RESTRICTED: 0, POSSIBLE_MATCH: 0, NOT_RESTRICTED: 0, NO_MATCH: 0, AMBIGUOUS: 0 };
  for (const row of rows) {
    summary[row.verdict] += 1;
    if (row.status === 'AMBIGUOUS') summary.AMBIGUOUS += 1;
  }
  return summary;
}

/** The summary line: "20 names: 13 restricted, 1 possible match to review, 2 not restricted, 4 without a match." */
export function summaryLine(rows: readonly ScreeningRow[]): string {
  const summary = screeningSummary(rows);
  const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  const incomplete = [...new Set(rows.flatMap((row) => row.incompleteLists))];
  return (
    `${plural(rows.length, 'name', 'names')}: ${summary.RESTRICTED} restricted, ` +
    `${plural(summary.POSSIBLE_MATCH, 'possible match', 'possible matches')} to review, ` +
    `${summary.NOT_RESTRICTED} not restricted, ${summary.NO_MATCH} without a match` +
    (summary.AMBIGUOUS > 0 ? ` (${summary.AMBIGUOUS} matching several entities about equally well)` : '') +
    '.' +
    (incomplete.length > 0
      ? ` "Without a match" is not "clean": ${plural(incomplete.length, 'list is', 'lists are')} held only in part (${incomplete.join('; ')}).`
      : '')
  );
}
