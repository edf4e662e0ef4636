// @ts-check
/**
 * The screening page's data, without the DOM: the rows to screen (pasted lines or a CSV file with chosen columns),
 * the report built from the API's answers (one row per input, the match its verdict rests on, the lists and
 * measures, the lists held in part), and the report as CSV (the project's formula-safe writer) and JSON.
 * A plain ES module like the rest of the explorer; the browser gets csv-parse from the import map.
 */
import { parse } from 'csv-parse/sync';
import { csvDocument } from '../formats/csv-writer.js';
import { COUNTRY_HEADERS, NAME_HEADERS, SCHEME_WORDS } from '../formats/screening-columns.js';

/**
 * @import { ScreeningReportQuery, ScreeningInput, ScreeningVerdict } from '../operations/operations.generated.js'
 */

/** @typedef {ScreeningReportQuery['screenEntries'][number]} ScreeningAnswer */
/** @typedef {ScreeningAnswer['matches'][number]} ScreeningAnswerMatch */
/** @typedef {ScreeningVerdict | 'NOT_SCREENED'} RowVerdict */

/**
 * One row to screen, as the user gave it.
 *
 * @typedef {{ name: string | null, country: string | null, identifiers: { scheme: string, value: string }[] }} ScreenEntry
 */

/**
 * Which columns of a CSV file hold what: indexes into the header; -1 for no country column.
 *
 * @typedef {{ name: number, country: number, identifiers: { scheme: string, index: number }[] }} ColumnChoice
 */

/**
 * One row of the report.
 *
 * @typedef {{
 *   row: number,
 *   name: string | null,
 *   country: string | null,
 *   identifiers: string[],
 *   input: string,
 *   verdict: RowVerdict,
 *   error: string | null,
 *   needsReview: boolean,
 *   matchId: string | null,
 *   matchName: string | null,
 *   matchKind: string | null,
 *   matchedName: string | null,
 *   score: number | null,
 *   restricted: boolean | null,
 *   explanation: string | null,
 *   measures: string[],
 *   lists: string[],
 *   basis: string[],
 *   listedParties: string[],
 *   restrictions: { list: string, measure: string, basis: string, listedParty: string }[],
 *   otherMatches: { id: string, name: string, score: number, restricted: boolean, needsReview: boolean }[],
 *   incompleteLists: string[],
 * }} ReportRow
 */

/** The verdicts in the order the page lists them, with the words it uses. */
export const VERDICTS = /** @type {const} */ ([
  ['RESTRICTED', 'Restricted'],
  ['POSSIBLE_MATCH', 'Possible match'],
  ['NOT_RESTRICTED', 'Not restricted'],
  ['NO_MATCH', 'No match'],
  ['NOT_SCREENED', 'Not screened'],
]);

/** @param {RowVerdict} verdict */
export function verdictText(verdict) {
  return VERDICTS.find(([value]) => value === verdict)?.[1] ?? verdict;
}

/** Rows per request: the progress moves ten times for 500 rows, far below the API's 500 list items a request. */
export const BATCH_SIZE = 50;

/**
 * Pasted text, one name per line; blank lines are skipped.
 *
 * @param {string} text
 * @returns {ScreenEntry[]}
 */
export function entriesFromLines(text) {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((name) => ({ name, country: null, identifiers: [] }));
}

/**
 * A CSV file's header and records (csv-parse; the delimiter is the one of comma, semicolon and tab that the
 * first line uses most). Blank records are dropped. Throws csv-parse's error, whose message names the line.
 *
 * @param {string} text
 * @returns {{ header: string[], records: string[][] }}
 */
export function readCsvTable(text) {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].reduce((best, candidate) =>
    firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best,
  );
  /** @type {string[][]} */
  const rows = parse(text, {
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  const [header = [], ...records] = rows.filter((row) => row.some((cell) => cell.trim() !== ''));
  return { header: header.map((cell) => cell.trim()), records };
}

/**
 * The columns a header most likely means: the name column by the CLI's names for it (else the first), a country
 * column by its name, and identifier columns whose header is a scheme (LEI, "USCC", "isin code", "credit code").
 *
 * @param {readonly string[]} header
 * @param {readonly string[]} schemes the identifier schemes the API names (vocabulary.identifierSchemes)
 * @returns {ColumnChoice}
 */
export function guessColumns(header, schemes) {
  const headers = header.map((cell) => cell.trim().toLowerCase());
  const byPreference = NAME_HEADERS.map((name) => headers.indexOf(name)).find((index) => index >= 0);
  const name = byPreference ?? 0;
  const country = headers.findIndex((cell, index) => index !== name && COUNTRY_HEADERS.includes(cell));
  /** @type {ColumnChoice['identifiers']} */
  const identifiers = [];
  headers.forEach((cell, index) => {
    if (index === name || index === country) return;
    const words = cell.toUpperCase().split(/[^A-Z0-9-]+/);
    const scheme =
      schemes.find((candidate) => words.includes(candidate)) ??
      SCHEME_WORDS.find(([pattern]) => pattern.test(cell))?.[1];
    if (scheme) identifiers.push({ scheme, index });
  });
  return { name, country, identifiers };
}

/**
 * The rows of a CSV table to screen, with the columns chosen; a record with neither a name nor an identifier
 * is skipped.
 *
 * @param {{ records: readonly (readonly string[])[] }} table
 * @param {ColumnChoice} columns
 * @returns {ScreenEntry[]}
 */
export function entriesFromTable({ records }, columns) {
  /**
   * @param {readonly string[]} record
   * @param {number} index
   */
  const cell = (record, index) => (index < 0 ? '' : (record[index] ?? '').trim());
  return records
    .map((record) => ({
      name: cell(record, columns.name) || null,
      country: cell(record, columns.country) || null,
      identifiers: columns.identifiers
        .map(({ scheme, index }) => ({ scheme: scheme.trim().toUpperCase(), value: cell(record, index) }))
        .filter((identifier) => identifier.scheme !== '' && identifier.value !== ''),
    }))
    .filter((entry) => entry.name !== null || entry.identifiers.length > 0);
}

/**
 * An entry as screenEntries takes it.
 *
 * @param {ScreenEntry} entry
 * @returns {ScreeningInput}
 */
export function screeningInput(entry) {
  return {
    ...(entry.name ? { name: entry.name } : {}),
    ...(entry.country ? { country: entry.country } : {}),
    ...(entry.identifiers.length ? { identifiers: entry.identifiers } : {}),
  };
}

/**
 * Which entry of a batch the API refused, from a BAD_USER_INPUT message such as `entries[3].country: ...`, and
 * the message without the batch's index; null when the message names no entry.
 *
 * @param {string} message
 * @returns {{ index: number, message: string } | null}
 */
export function refusedEntry(message) {
  const match = /^entries\[(\d+)\][.:]?\s*(.*)$/s.exec(message);
  if (!match) return null;
  return { index: Number(match[1]), message: match[2]?.trim() || message };
}

/**
 * The match a verdict rests on, as the API decides verdicts (src/screening/verdict.ts): for RESTRICTED the best
 * counted match that is restricted, for POSSIBLE_MATCH the best match to review that is restricted (else the best
 * to review), for NOT_RESTRICTED the best counted match.
 *
 * @param {ScreeningAnswer} answer
 * @returns {ScreeningAnswerMatch | null}
 */
export function decisiveMatch(answer) {
  const { matches, verdict } = answer;
  const found =
    verdict === 'RESTRICTED'
      ? matches.find((match) => !match.needsReview && match.restricted)
      : verdict === 'POSSIBLE_MATCH'
        ? (matches.find((match) => match.needsReview && match.restricted) ??
          matches.find((match) => match.needsReview))
        : verdict === 'NOT_RESTRICTED'
          ? matches.find((match) => !match.needsReview)
          : undefined;
  return found ?? matches[0] ?? null;
}

/**
 * One row of the report, from the entry and either the API's answer for it or the reason it was not screened.
 *
 * @param {number} row 1-based position in the input
 * @param {ScreenEntry} entry
 * @param {{ answer: ScreeningAnswer } | { error: string }} outcome
 * @returns {ReportRow}
 */
export function reportRow(row, entry, outcome) {
  const identifiers = entry.identifiers.map(({ scheme, value }) => `${scheme}:${value}`);
  /** @type {ReportRow} */
  const base = {
    row,
    name: entry.name,
    country: entry.country,
    identifiers,
    input: entry.name ?? identifiers.join(' '),
    verdict: 'NOT_SCREENED',
    error: null,
    needsReview: false,
    matchId: null,
    matchName: null,
    matchKind: null,
    matchedName: null,
    score: null,
    restricted: null,
    explanation: null,
    measures: [],
    lists: [],
    basis: [],
    listedParties: [],
    restrictions: [],
    otherMatches: [],
    incompleteLists: [],
  };
  if ('error' in outcome) return { ...base, error: outcome.error };
  const { answer } = outcome;
  const match = decisiveMatch(answer);
  const incompleteLists = answer.incompleteLists.map((list) => list.name);
  if (!match) return { ...base, input: answer.input, verdict: answer.verdict, incompleteLists };
  /** @param {string[]} values */
  const unique = (values) => [...new Set(values)];
  return {
    ...base,
    input: answer.input,
    verdict: answer.verdict,
    needsReview: match.needsReview,
    matchId: match.entity.id,
    matchName: match.entity.name,
    matchKind: match.entity.kind,
    matchedName: match.matchedName,
    score: match.score,
    restricted: match.restricted,
    explanation: match.explanation.summary,
    measures: unique(match.restrictions.map((restriction) => restriction.measure.name)),
    lists: unique(match.restrictions.map((restriction) => restriction.list.name)),
    basis: unique(match.restrictions.map((restriction) => restriction.basis)),
    listedParties: unique(match.restrictions.map((restriction) => restriction.listedEntity.name)),
    restrictions: match.restrictions.map((restriction) => ({
      list: restriction.list.name,
      measure: restriction.measure.name,
      basis: restriction.basis,
      listedParty: restriction.listedEntity.name,
    })),
    otherMatches: answer.matches
      .filter((other) => other !== match)
      .map((other) => ({
        id: other.entity.id,
        name: other.entity.name,
        score: other.score,
        restricted: other.restricted,
        needsReview: other.needsReview,
      })),
    incompleteLists,
  };
}

/**
 * The graph view of an entity on the main page (url-state.js: `?entity=<id>&asOf=YYYY-MM-DD`).
 *
 * @param {string} id
 * @param {string | null} asOf
 */
export function graphLink(id, asOf) {
  const params = new URLSearchParams({ entity: id });
  if (asOf) params.set('asOf', asOf);
  return `/?${params}`;
}

/**
 * Rows per verdict.
 *
 * @param {readonly ReportRow[]} rows
 * @returns {Record<RowVerdict, number>}
 */
export function verdictCounts(rows) {
  /** @type {Record<RowVerdict, number>} */
  const counts = { RESTRICTED: 0, POSSIBLE_MATCH: 0, NOT_RESTRICTED: 0, NO_MATCH: 0, NOT_SCREENED: 0 };
  for (const row of rows) counts[row.verdict] += 1;
  return counts;
}

/**
 * The lists held only in part that any row was screened against.
 *
 * @param {readonly ReportRow[]} rows
 */
export function incompleteListsOf(rows) {
  return [...new Set(rows.flatMap((row) => row.incompleteLists))];
}

/**
 * "4 rows: 2 restricted, 0 possible matches to review, 1 not restricted, 1 without a match."
 *
 * @param {readonly ReportRow[]} rows
 */
export function summaryText(rows) {
  const counts = verdictCounts(rows);
  /**
   * @param {number} count
   * @param {string} one
   * @param {string} many
   */
  const plural = (count, one, many) => `${count} ${count === 1 ? one : many}`;
  return (
    `${plural(rows.length, 'row', 'rows')}: ${counts.RESTRICTED} restricted, ` +
    `${plural(counts.POSSIBLE_MATCH, 'possible match', 'possible matches')} to review, ` +
    `${counts.NOT_RESTRICTED} not restricted, ${counts.NO_MATCH} without a match` +
    (counts.NOT_SCREENED ? `, ${counts.NOT_SCREENED} not screened` : '') +
    '.'
  );
}

export const CSV_COLUMNS = [
  'row',
  'input',
  'name',
  'country',
  'identifiers',
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
  'other_matches',
  'explanation',
  'incomplete_lists',
  'graph_link',
  'error',
];

/**
 * The report as CSV, one record per row, list-valued cells joined with "; ", through the project's formula-safe
 * writer (src/formats/csv-writer.js): a name such as =HYPERLINK(...) comes out as text.
 *
 * @param {readonly ReportRow[]} rows
 * @param {{ asOf: string | null, origin: string }} context the date screened on, and where graph links point
 */
export function reportCsv(rows, { asOf, origin }) {
  const records = rows.map((row) => [
    row.row,
    row.input,
    row.name,
    row.country,
    row.identifiers.join('; '),
    row.verdict,
    row.verdict === 'NOT_SCREENED' ? '' : row.needsReview ? 'yes' : 'no',
    row.matchId,
    row.matchName,
    row.matchKind,
    row.matchedName,
    row.score === null ? null : Number(row.score.toFixed(3)),
    row.restricted === null ? '' : row.restricted ? 'yes' : 'no',
    row.measures.join('; '),
    row.lists.join('; '),
    row.basis.join('; '),
    row.listedParties.join('; '),
    row.otherMatches
      .map(
        (other) =>
          `${other.name} (${other.id}, ${other.score.toFixed(2)}${other.restricted ? ', restricted' : ''})`,
      )
      .join('; '),
    row.explanation,
    row.incompleteLists.join('; '),
    row.matchId ? `${origin}${graphLink(row.matchId, asOf)}` : '',
    row.error,
  ]);
  return csvDocument([CSV_COLUMNS, ...records]);
}

/**
 * The report as JSON: the date, the summary, the lists held in part and the rows.
 *
 * @param {readonly ReportRow[]} rows
 * @param {{ asOf: string | null, origin: string }} context
 */
export function reportJson(rows, { asOf, origin }) {
  const report = {
    asOf,
    summary: verdictCounts(rows),
    incompleteLists: incompleteListsOf(rows),
    note: 'NO_MATCH is not clean: the lists in incompleteLists are held only in part.',
    rows: rows.map((row) => ({
      ...row,
      graphLink: row.matchId ? `${origin}${graphLink(row.matchId, asOf)}` : null,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
