import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/command.js';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase, reseed } from '../helpers/db.js';
import { FORMULA_CELLS, neutralised } from '../helpers/formula-cells.js';
import { cli, useTestNeo4j } from './run-cli.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const NAMES = path.join(FIXTURES, 'screening-names.csv');
const EXPECTED = path.join(FIXTURES, 'screening-expected.csv');

let db: Database;
let folder: string;

beforeAll(async () => {
  useTestNeo4j();
  db = await openTestDatabase();
  await reseed(db);
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'screen-test-'));
});

afterAll(async () => {
  fs.rmSync(folder, { recursive: true, force: true });
  await db.close();
});

/** The rows of a CSV as objects keyed by the header. */
function records(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file, 'utf8'), { bom: true, columns: true, skip_empty_lines: true });
}

describe('screen', () => {
  it('screens a spreadsheet of 20 names (restricted, clean, misspelt, unknown) into the expected CSV report', async () => {
    const out = path.join(folder, 'report.csv');
    const run = await cli('screen', NAMES, '--column', 'company_name', '--as-of', '2025-06-01', '--out', out);
    expect(run.code).toBe(EXIT.FOUND);
    const report = records(out);
    const expected = records(EXPECTED);
    expect(report).toHaveLength(20);
    expect(
      report.map(({ input, status, match_id, restricted }) => ({ input, status, match_id, restricted })),
    ).toEqual(expected);
    const byInput = new Map(report.map((row) => [row.input, row]));
    expect(byInput.get('Hikvison')).toMatchObject({ matched_name: 'Hikvision', restricted: 'yes' });
    expect(Number(byInput.get('Hikvison')!.score)).toBeGreaterThan(0.9);
    expect(byInput.get('EZVIZ')!.basis).toBe('PRODUCT_OF');
    expect(byInput.get('EZVIZ')!.measures).toContain('Section 889 Part A procurement ban');
    expect(byInput.get('EZVIZ')!.listed_parties).toBe('Hangzhou Hikvision Digital Technology Co., Ltd.');
    expect(byInput.get('EZVIZ')!.sources).toMatch(/^https?:\/\//);
    expect(byInput.get('China Mobile')!.candidates).toMatch(
      /\(china-mobile, 1\.00, restricted\).*\(china-mobile-ltd, 1\.00, restricted\)/,
    );
    expect(run.stdout).toContain(
      '20 names: 15 restricted, 0 possible matches to review, 1 not restricted, 4 without a match ' +
        '(1 matching several entities about equally well). "Without a match" is not "clean": ',
    );
    expect(run.stdout).toContain('Report written to');
    expect(byInput.get('China Mobile')!.verdict).toBe('RESTRICTED');
    // The row's chosen entity is the exact name, unrestricted; the verdict also weighs the other counted match,
    // the Lorex brand, which is restricted on the date.
    expect(byInput.get('Lorex Technology Inc.')).toMatchObject({
      status: 'NOT_RESTRICTED',
      verdict: 'RESTRICTED',
    });
    expect(run.stderr).toContain('Screening [##############################] 20/20');
  });

  it('writes a report that is safe to open in a spreadsheet: names that look like formulas stay text', async () => {
    const input = path.join(folder, 'hostile.csv');
    // Leading tabs and returns are trimmed from names before screening; the writer's own test covers them.
    const hostile = FORMULA_CELLS.filter((cell) => !/^\s/.test(cell));
    fs.writeFileSync(input, stringify([['name'], ...hostile.map((cell) => [cell])]));
    const out = path.join(folder, 'hostile-report.csv');
    const run = await cli('screen', input, '--out', out);
    expect(run.stderr).toBe('');
    expect(records(out).map((row) => row.input)).toEqual(hostile.map(neutralised));
  });

  it('writes the same screening as JSON for scripts', async () => {
    const out = path.join(folder, 'report.json');
    await cli('screen', NAMES, '--column', 'company_name', '--as-of', '2025-06-01', '--out', out);
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(report.asOf).toBe('2025-06-01');
    expect(report.summary).toEqual({
      RESTRICTED: 15,
      POSSIBLE_MATCH: 0,
      NOT_RESTRICTED: 1,
      NO_MATCH: 4,
      AMBIGUOUS: 1,
    });
    expect(report.rows[0]).toMatchObject({ input: 'Hikvision', status: 'RESTRICTED', matchId: 'hikvision' });
  });

  it('screens names given on the command line and exits 0 when none is restricted', async () => {
    const run = await cli('screen', 'Skywatch, Inc.', 'Siemens AG', '--as-of', '2025-06-01');
    expect(run.code).toBe(EXIT.OK);
    expect(run.stdout).toMatch(/Skywatch, Inc\. +NOT_RESTRICTED +Skywatch, Inc\. \(skywatch\)/);
    expect(run.stdout).toMatch(/Siemens AG +NO_MATCH/);
  });

  it('refuses a missing file, an unknown column and an unknown report format', async () => {
    expect((await cli('screen', path.join(folder, 'missing.csv'))).code).toBe(EXIT.INVALID_INPUT);
    const column = await cli('screen', NAMES, '--column', 'vendor');
    expect(column.code).toBe(EXIT.INVALID_INPUT);
    expect(column.stderr).toContain(
      'has no column "vendor" (--column); its columns are: supplier_id, company_name, country',
    );
    expect((await cli('screen', NAMES, '--out', path.join(folder, 'report.xlsx'))).code).toBe(EXIT.USAGE);
    const idColumn = await cli('screen', NAMES, '--id-column', 'uscc');
    expect(idColumn.code).toBe(EXIT.USAGE);
    expect(idColumn.stderr).toContain('--id-column takes SCHEME=COLUMN');
  });

  it('reads countries and identifiers from columns, and puts a verdict on every row', async () => {
    const input = path.join(folder, 'suppliers.csv');
    fs.writeFileSync(
      input,
      [
        'supplier,land,credit code,csl number',
        // The identifier decides, whatever the name says.
        'Westlake Camera Works,CN,91330000733796106P,',
        ',,,33111',
        // An exact name in a country that contradicts the entity's: sent to review.
        'Zhejiang Dahua Technology,France,,',
        'Acme Garden Furniture Ltd,GB,,',
      ].join('\n') + '\n',
    );
    const out = path.join(folder, 'suppliers-report.csv');
    const run = await cli(
      'screen',
      input,
      '--column',
      'supplier',
      '--country-column',
      'land',
      '--id-column',
      'USCC=credit code',
      '--id-column',
      'csl=csl number',
      '--as-of',
      '2026-12-01',
      '--out',
      out,
    );
    expect(run.code).toBe(EXIT.FOUND);
    const rows = records(out);
    expect(rows.map(({ input, verdict, match_id }) => ({ input, verdict, match_id }))).toEqual([
      { input: 'Westlake Camera Works', verdict: 'RESTRICTED', match_id: 'hikvision' },
      { input: 'CSL:33111', verdict: 'RESTRICTED', match_id: 'dji' },
      { input: 'Zhejiang Dahua Technology', verdict: 'POSSIBLE_MATCH', match_id: 'dahua' },
      { input: 'Acme Garden Furniture Ltd', verdict: 'NO_MATCH', match_id: '' },
    ]);
    expect(rows[0]!.explanation).toContain('USCC:91330000733796106P');
    expect(rows[2]).toMatchObject({ needs_review: 'yes', status: 'POSSIBLE_MATCH' });
    expect(rows[3]!.incomplete_lists).not.toBe('');
    expect(run.stdout).toMatch(/Westlake Camera Works +RESTRICTED +Hangzhou Hikvision/);
    expect(run.stdout).toContain(
      '4 names: 2 restricted, 1 possible match to review, 0 not restricted, 1 without a match. ' +
        '"Without a match" is not "clean"',
    );
  });
});
