import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ScreeningAnswer } from '../../src/explorer/screen-report.js';
import {
  CSV_COLUMNS,
  decisiveMatch,
  entriesFromLines,
  entriesFromTable,
  graphLink,
  guessColumns,
  readCsvTable,
  refusedEntry,
  reportCsv,
  reportJson,
  reportRow,
  screeningInput,
  summaryText,
} from '../../src/explorer/screen-report.js';
import { FORMULA_CELLS, neutralised } from '../helpers/formula-cells.js';
import { STRONG_SCHEMES } from '../../src/import/identifiers.js';

/** The schemes the API names (vocabulary.identifierSchemes). */
const SCHEMES = [...STRONG_SCHEMES];

// The screening page's module runs here as it runs in the browser: nothing of it touches the DOM.

type Match = ScreeningAnswer['matches'][number];
const match = (id: string, score: number, needsReview: boolean, restricted: boolean): Match => ({
  score,
  matchedName: id,
  needsReview,
  restricted,
  explanation: { summary: `Matched ${id}`, method: 'TOKENS', identifier: null },
  entity: { id, name: `${id} Co., Ltd.`, kind: 'COMPANY', country: 'CN' },
  restrictions: restricted
    ? [
        {
          basis: 'DIRECT',
          measure: { id: 'm1', name: 'Entity List licence requirement' },
          list: { id: 'bis-entity-list', name: 'Entity List' },
          listedEntity: { id, name: `${id} Co., Ltd.` },
        },
      ]
    : [],
});
const answer = (verdict: ScreeningAnswer['verdict'], matches: Match[]): ScreeningAnswer => ({
  input: 'x',
  verdict,
  matches,
  incompleteLists: [{ id: 'bis-entity-list', name: 'Entity List' }],
});

describe('the screening page: input', () => {
  it('takes pasted text one name per line, trimmed, blank lines skipped', () => {
    expect(entriesFromLines('  Hikvision \r\n\nDJI\r华为\n   \n')).toEqual([
      { name: 'Hikvision', country: null, identifiers: [] },
      { name: 'DJI', country: null, identifiers: [] },
      { name: '华为', country: null, identifiers: [] },
    ]);
  });

  it('reads a CSV file with the delimiter its header uses, a BOM and quoted cells', () => {
    const table = readCsvTable('\uFEFFSupplier;Land;Credit code\n"Acme; Co";CN;91330000733796106P\n\n;;\n');
    expect(table).toEqual({
      header: ['Supplier', 'Land', 'Credit code'],
      records: [['Acme; Co', 'CN', '91330000733796106P']],
    });
    expect(readCsvTable('name\tcountry\nDJI\tCN\n').records).toEqual([['DJI', 'CN']]);
  });

  it('guesses the name, country and identifier columns from the header', () => {
    expect(
      guessColumns(
        ['id', 'Company Name', 'Country', 'LEI', 'Unified social credit code', 'isin code'],
        SCHEMES,
      ),
    ).toEqual({
      name: 1,
      country: 2,
      identifiers: [
        { scheme: 'LEI', index: 3 },
        { scheme: 'USCC', index: 4 },
        { scheme: 'ISIN', index: 5 },
      ],
    });
    expect(guessColumns(['Firma', 'Ort'], SCHEMES)).toEqual({ name: 0, country: -1, identifiers: [] });
  });

  it('screens a record by its name or its identifiers, and skips one with neither', () => {
    const table = {
      records: [
        ['Hikvision', 'CN', ''],
        ['', '', '91330000733796106P'],
        ['', 'CN', ''],
      ],
    };
    const entries = entriesFromTable(table, {
      name: 0,
      country: 1,
      identifiers: [{ scheme: 'uscc', index: 2 }],
    });
    expect(entries).toEqual([
      { name: 'Hikvision', country: 'CN', identifiers: [] },
      { name: null, country: null, identifiers: [{ scheme: 'USCC', value: '91330000733796106P' }] },
    ]);
    expect(entries.map(screeningInput)).toEqual([
      { name: 'Hikvision', country: 'CN' },
      { identifiers: [{ scheme: 'USCC', value: '91330000733796106P' }] },
    ]);
  });

  it("finds the entry the API refused in its message, without the batch's index", () => {
    expect(refusedEntry('entries[3].country: "Atlantis" is not a country')).toEqual({
      index: 3,
      message: 'country: "Atlantis" is not a country',
    });
    expect(refusedEntry('entries[0]: needs a name or at least one identifier')).toEqual({
      index: 0,
      message: 'needs a name or at least one identifier',
    });
    expect(refusedEntry('A request may pass at most 500 list items')).toBeNull();
  });
});

describe('the screening page: report', () => {
  it('shows the match each verdict rests on', () => {
    const counted = match('xiaomi', 1, false, false);
    const review = match('hikrobot', 0.8, true, true);
    expect(decisiveMatch(answer('POSSIBLE_MATCH', [counted, review]))).toBe(review);
    expect(decisiveMatch(answer('NOT_RESTRICTED', [counted]))).toBe(counted);
    const listed = match('hikvision', 0.95, false, true);
    expect(decisiveMatch(answer('RESTRICTED', [counted, listed, review]))).toBe(listed);
    expect(decisiveMatch(answer('NO_MATCH', []))).toBeNull();
  });

  it('writes one row per input, the lists held in part on every row, and a link into the graph view', () => {
    const entry = { name: 'Hikvision', country: 'CN', identifiers: [{ scheme: 'USCC', value: '1' }] };
    const rows = [
      reportRow(1, entry, { answer: answer('RESTRICTED', [match('hikvision', 1, false, true)]) }),
      reportRow(2, { name: 'Acme', country: null, identifiers: [] }, { answer: answer('NO_MATCH', []) }),
      reportRow(3, { name: 'Hikvision', country: 'Atlantis', identifiers: [] }, { error: 'country: no' }),
    ];
    expect(summaryText(rows)).toBe(
      '3 rows: 1 restricted, 0 possible matches to review, 0 not restricted, 1 without a match, 1 not screened.',
    );
    const csv = parse(reportCsv(rows, { asOf: '2025-06-01', origin: 'http://127.0.0.1:4000' }), {
      columns: true,
    }) as Record<string, string>[];
    expect(Object.keys(csv[0]!)).toEqual(CSV_COLUMNS);
    expect(csv[0]).toMatchObject({
      verdict: 'RESTRICTED',
      identifiers: 'USCC:1',
      match_id: 'hikvision',
      score: '1',
      lists: 'Entity List',
      incomplete_lists: 'Entity List',
      graph_link: 'http://127.0.0.1:4000/?entity=hikvision&asOf=2025-06-01',
    });
    expect(csv[1]).toMatchObject({ verdict: 'NO_MATCH', match_id: '', incomplete_lists: 'Entity List' });
    expect(csv[2]).toMatchObject({ verdict: 'NOT_SCREENED', error: 'country: no', needs_review: '' });
    const json = JSON.parse(reportJson(rows, { asOf: '2025-06-01', origin: '' }));
    expect(json.summary).toMatchObject({ RESTRICTED: 1, NO_MATCH: 1, NOT_SCREENED: 1 });
    expect(json.incompleteLists).toEqual(['Entity List']);
    expect(graphLink('a b', null)).toBe('/?entity=a+b');
  });

  it('neutralises every cell that a spreadsheet would run as a formula', () => {
    const rows = FORMULA_CELLS.map((name, index) =>
      reportRow(index + 1, { name, country: null, identifiers: [] }, { answer: answer('NO_MATCH', []) }),
    );
    const csv = parse(reportCsv(rows, { asOf: '2025-06-01', origin: '' }), { columns: true }) as Record<
      string,
      string
    >[];
    expect(csv.map((row) => row.name)).toEqual(FORMULA_CELLS.map(neutralised));
  });
});
