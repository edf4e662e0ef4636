import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { readSeedFile } from '../../src/records/read-seeds.js';
import { cli, useTestNeo4j } from '../cli/run-cli.js';
import { openTestDatabase } from '../helpers/db.js';
import { FIXTURES, fixtureGraph, graphChecksum } from './graph-fingerprint.js';

/**
 * One test per kind of bad file: each asserts the message (file and line), the exit code and, where nothing
 * may be written, that the graph is exactly as before.
 */
let db: Database;
let folder: string;
let before: string;
const CSL = fs.readFileSync(path.join(FIXTURES, 'csl-fixture.csv'), 'utf8');
const [CSL_HEADER = '', ...CSL_ROWS] = CSL.trimEnd().split('\n');

/** A file of the test's own, written as the given bytes. */
function file(name: string, content: string | Buffer): string {
  const target = path.join(folder, name);
  fs.writeFileSync(target, content);
  return target;
}

const ftmLine = (id: string, name: string) =>
  JSON.stringify({
    id,
    schema: 'Company',
    caption: name,
    properties: { name: [name], country: ['cn'] },
    datasets: ['ext_example'],
  });

beforeAll(async () => {
  useTestNeo4j();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'restricted-graph-bad-files-'));
  db = await openTestDatabase();
  await fixtureGraph(db);
  before = await graphChecksum(db);
});
afterAll(async () => {
  await db?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** Runs an import that must fail: exit code 3, the message, and nothing written. */
async function refused(args: string[], message: RegExp) {
  const run = await cli('import', ...args);
  // Bad rows are listed in the report (stdout), file-level problems on stderr.
  const said = `${run.stdout}\n${run.stderr}`;
  expect(said).toMatch(message);
  expect(run.code, said).toBe(3);
  expect(said).not.toMatch(/[^\P{Cc}\n\t]|\u202e/u);
  expect(await graphChecksum(db)).toBe(before);
  return run;
}

// Each test runs the real CLI several times; on a busy 2-core machine one run can take ten seconds.
describe('bad import files', { timeout: 300_000 }, () => {
  it('refuses Latin-1 text unless --encoding names it, naming file and line (D8)', async () => {
    const latin1 = Buffer.from(
      `${ftmLine('lat-1', 'Plain Name Ltd')}\n${ftmLine('lat-2', 'Société Générale Équipement')}\n`,
      'latin1',
    );
    const ftm = file('latin1.ftm.jsonl', latin1);
    await refused(
      ['ftm', ftm],
      /latin1\.ftm\.jsonl: record 2: is not valid UTF-8 \(byte 0xE9\).*--encoding latin1/,
    );
    await refused(['ftm', ftm, '--strict'], /not valid UTF-8/);
    const csl = file(
      'latin1.csv',
      Buffer.from(`${CSL_HEADER}\n${CSL_ROWS[0]!.replace('HIKVISION', 'HIKVISIÖN')}\n`, 'latin1'),
    );
    await refused(['csl', csl], /latin1\.csv: record 2: is not valid UTF-8/);

    const run = await cli('import', 'ftm', ftm, '--encoding', 'latin1');
    expect(run.code, run.stderr).toBe(0);
    const [stored] = await db.read<{ name: string }>(
      `MATCH (n:Company) WHERE n.name STARTS WITH 'Soci' RETURN n.name AS name`,
    );
    expect(stored?.name).toBe('Société Générale Équipement');
    expect((await cli('import', 'ftm', ftm, '--encoding', 'klingon')).code).toBe(2);
    await fixtureGraph(db);
  });

  it('reads UTF-8 and UTF-16 files with a byte order mark (D12)', async () => {
    const bom = file('bom.ftm.jsonl', `\uFEFF${ftmLine('bom-1', 'Byte Order Mark Co')}\n`);
    const utf8 = await cli('import', 'ftm', bom, '--strict', '--dry-run', '--json');
    expect(utf8.code, utf8.stderr).toBe(0);
    expect(JSON.parse(utf8.stdout)).toMatchObject({ rows: 1, validRows: 1, issues: [] });

    const utf16 = file(
      'utf16.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${CSL_HEADER}\n${CSL_ROWS[0]}\n`, 'utf16le')]),
    );
    const csl = await cli('import', 'csl', utf16, '--strict', '--dry-run', '--json');
    expect(csl.code, csl.stderr).toBe(0);
    expect(JSON.parse(csl.stdout)).toMatchObject({ rows: 1, validRows: 1, issues: [] });

    const seed = file(
      'bom-seed.json',
      `\uFEFF${JSON.stringify([{ type: 'Company', id: 'x', name: 'X', sources: ['s'] }])}`,
    );
    expect(readSeedFile(seed)[0]?.data).toMatchObject({ id: 'x' });
  });

  it('keeps raw control characters of a bad line out of its message', async () => {
    const nul = file('nul.ftm.jsonl', `{"id": "a\u0000b", "schema": \u0000 \u202e}\n`);
    await refused(['ftm', nul], /nul\.ftm\.jsonl:1: not valid JSON/);
  });

  it('reports a duplicate FtM id, and refuses the file under --strict (D13)', async () => {
    const duplicate = file(
      'dup.ftm.jsonl',
      `${ftmLine('dup-1', 'First Co')}\n${ftmLine('dup-1', 'Second Co')}\n`,
    );
    await refused(
      ['ftm', duplicate, '--strict'],
      /dup\.ftm\.jsonl: record 2 \(dup-1\), field "id": the id is already used on line 1/,
    );
    const lenient = await cli('import', 'ftm', duplicate, '--dry-run', '--json');
    expect(lenient.code).toBe(0);
    expect(JSON.parse(lenient.stdout)).toMatchObject({
      issues: [expect.objectContaining({ position: 2, field: 'id' })],
      validRows: 1,
    });
  });

  it('exits 3 when no row is valid, with or without --strict (D14)', async () => {
    const allBad = file('all-bad.ftm.jsonl', 'not json\n{"id": "x"}\n[1, 2]\n');
    await refused(['ftm', allBad], /No row of all-bad\.ftm\.jsonl is valid/);
    const tooLong = file('too-long.ftm.jsonl', `${ftmLine('long-1', 'L'.repeat(100_000))}\n`);
    await refused(
      ['ftm', tooLong],
      /too-long\.ftm\.jsonl:1 \(os-long-1\) name: must be at most 500 characters; got 100000/,
    );
    const empty = file('empty.csv', `${CSL_HEADER}\n`);
    await refused(['csl', empty], /No row of empty\.csv is valid/);
  });

  it('exits 3 on a CSV it cannot parse, naming the line (D14)', async () => {
    const unterminated = file(
      'unterminated.csv',
      `${CSL_HEADER}\n${CSL_ROWS[0]}\n"aa99","Entity List,broken\n`,
    );
    await refused(['csl', unterminated], /unterminated\.csv: record 3: a quoted field is not closed/);
    const notCsl = file('not-csl.csv', 'a,b,c\n1,2,3\n');
    await refused(
      ['csl', notCsl],
      /not-csl\.csv: record 1: not a CSL file; missing column\(s\) source, name/,
    );
    const badJson = file('bad.json', '{"results": [');
    await refused(['csl', badJson], /bad\.json: not valid JSON/);
  });

  it('says so when the file is a folder or missing, instead of EISDIR (D14)', async () => {
    const run = await refused(['ftm', folder], /is a folder; name a file/);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/EISDIR/);
    await refused(
      ['csl', path.join(folder, 'nowhere.csv')],
      /nowhere\.csv: does not exist or cannot be read/,
    );
  });
});
