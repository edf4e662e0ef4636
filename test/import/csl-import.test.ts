import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { runImport } from '../../src/import/run-import.js';
import { InvalidRecordsError } from '../../src/records/records.js';
import { openTestDatabase } from '../helpers/db.js';
import { FIXTURES, fixtureGraph, graphChecksum, graphCounts } from './graph-fingerprint.js';
import { SHARED_CSL, SKIP_SHARED } from '../helpers/shared-samples.js';

const FIXTURE_CSV = path.join(FIXTURES, 'csl-fixture.csv');
let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

type Row = Record<string, unknown>;
const designationsOf = (id: string) =>
  db.read<Row>(
    `MATCH (d:Designation)-[:DESIGNATES]->(:Node {id: $id}) MATCH (d)-[:ON_LIST]->(l)
     OPTIONAL MATCH (d)-[:MADE_BY]->(i)
     RETURN d.id AS id, l.id AS list, d.listedOn AS listedOn, i.id AS instrument, d.sources AS sources
     ORDER BY list`,
    { id },
  );

describe('CSL import (fixture)', () => {
  it('merges by identifier and by name and country, keeps ambiguous parties apart, and reports bad rows by line', async () => {
    await fixtureGraph(db);
    const report = await runImport(db, 'csl', FIXTURE_CSV);

    const decision = (key: string) => report.decisions.find((item) => item.key === key);
    expect(decision('aa01')).toMatchObject({ outcome: 'MERGED', targetId: 'hikvision' });
    expect(decision('aa01')?.reason).toContain('USCC:91330000733796106P');
    expect(decision('aa02')).toMatchObject({ outcome: 'MERGED', targetId: 'dahua' });
    expect(decision('aa02')?.reason).toMatch(/same name .* country CN/);
    // Same name as a seed alias but no country: never merged, linked for review.
    expect(decision('aa03')).toMatchObject({ outcome: 'NEW' });
    expect(decision('aa03')?.possible.map((link) => link.id)).toEqual(['dahua']);
    // Two seed companies qualify: neither is chosen.
    expect(decision('aa08')?.outcome).toBe('NEW');
    expect(decision('aa08')?.possible.map((link) => link.id)).toEqual([
      'acme-trading-shanghai',
      'acme-trading-shenzhen',
    ]);
    // The same company on the SDN and SSI lists, once.
    expect(decision('aa07')).toMatchObject({ outcome: 'MERGED', targetId: decision('aa06')?.targetId });

    expect(report.skipped).toEqual({ 'CSL Vessel': 1 });
    expect(report.issues).toEqual([
      expect.objectContaining({
        file: 'csl-fixture.csv',
        position: 6,
        field: 'start_date',
        recordId: 'aa05',
      }),
    ]);
    // Rows without a start date make parties but no designation, each reported.
    expect(report.warnings.filter((warning) => warning.field === 'listedOn').map((w) => w.position)).toEqual([
      7, 9,
    ]);

    const hikvision = (await db.read<Row>(`MATCH (n:Company {id: 'hikvision'}) RETURN n {.*} AS n`))[0]
      ?.n as Row;
    expect(hikvision.identifiers).toEqual(['USCC:91330000733796106P', 'CSL:aa01']);
    expect(hikvision.aliases).toContain('HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD');
    expect(hikvision.sources).toEqual(expect.arrayContaining(['src-fixture-registry', 'src-trade-gov-csl']));

    // Entity List rows land on the seed's list; the notice the graph knows becomes the instrument.
    expect(await designationsOf('hikvision')).toEqual([
      expect.objectContaining({ list: 'bis-entity-list', listedOn: '2019-10-09', instrument: null }),
    ]);
    const dahua = await designationsOf('dahua');
    expect(dahua).toEqual([
      expect.objectContaining({ list: 'bis-entity-list', instrument: 'el-rule-2019-05' }),
    ]);
    expect(dahua[0]?.sources).toEqual([
      'src-trade-gov-csl',
      expect.stringMatching(/^src-url-/),
      'src-fr-85-51596',
    ]);
    const acme = report.decisions.find((item) => item.key === 'aa08')?.targetId as string;
    expect(await designationsOf(acme)).toEqual([expect.objectContaining({ list: 'ofac-ns-cmic-list' })]);

    // Lists the graph did not have are created with their authority; an unknown one keyed by its name.
    const lists = await db.read<Row>(
      `MATCH (l:RestrictedList)-[:KEPT_BY]->(a) RETURN l.id AS id, a.id AS authority ORDER BY id`,
    );
    expect(lists).toEqual([
      { id: 'bis-entity-list', authority: 'bis' },
      { id: 'bis-meu-list', authority: 'bis' },
      { id: 'csl-list-frobnication-control-list-fcl', authority: 'csl-authority-ministry-of-examples' },
      { id: 'ofac-ns-cmic-list', authority: 'ofac' },
      { id: 'ofac-sdn-list', authority: 'ofac' },
    ]);
    const links = await db.read<Row>(
      `MATCH (a)-[r:POSSIBLY_SAME_AS]->(b) RETURN a.id AS from, b.id AS to, r.reason AS reason ORDER BY from, to`,
    );
    expect(links).toHaveLength(3);
    expect(links.map((link) => `${link.from}|${link.to}`)).toContain(`acme-trading-shanghai|${acme}`);

    // Odd characters, "; and" lists, quoted line breaks and free-text ids come out clean.
    const northern = (
      await db.read<Row>(`MATCH (n:Company) WHERE 'CSL:aa06' IN n.identifiers RETURN n {.*} AS n`)
    )[0]?.n as Row;
    expect(northern.name).toBe('Northern "Star" Machinery — Export Ltd.');
    expect(northern.aliases).toEqual([
      'NSM EXPORT',
      'NORTHERN STAR EXPORT',
      'Northern Star Machinery Export Limited',
    ]);
    expect(northern.identifiers).toEqual([
      'CSL:aa06',
      'OFAC:4006',
      'REG:10102030405',
      'CSL:aa07',
      'OFAC:4007',
    ]);
    expect(northern.country).toBe('IR');
    const person = await db.read<Row>(`MATCH (p:Person) RETURN p.name AS name, p.country AS country`);
    expect(person).toEqual([{ name: 'DOE, John', country: 'GB' }]);

    const counts = await graphCounts(db);
    expect(counts).toMatchObject({
      Designation: 6,
      DESIGNATES: 6,
      ON_LIST: 6,
      MADE_BY: 1,
      POSSIBLY_SAME_AS: 3,
    });
  });

  it('writes nothing the second time: same counts, same properties', async () => {
    await fixtureGraph(db);
    await runImport(db, 'csl', FIXTURE_CSV);
    const before = await graphChecksum(db);
    const report = await runImport(db, 'csl', FIXTURE_CSV);
    expect(report.written).toBe(0);
    expect(report.nodes.every((count) => count.create === 0 && count.update === 0)).toBe(true);
    expect(await graphChecksum(db)).toBe(before);
  });

  it('records undated rows as listed by the snapshot date when one is given', async () => {
    await fixtureGraph(db);
    const report = await runImport(db, 'csl', FIXTURE_CSV, { snapshotDate: '2025-05-01' });
    expect(report.warnings.filter((warning) => warning.field === 'listedOn')).toEqual([]);
    const rows = await db.read<Row>(
      `MATCH (d:Designation)-[:ON_LIST]->(:RestrictedList {id: 'ofac-ssi-list'}) RETURN d.listedOn AS listedOn, d.note AS note`,
    );
    expect(rows).toEqual([
      { listedOn: '2025-05-01', note: expect.stringContaining('listed on or before 2025-05-01') },
    ]);
  });

  it('--dry-run reports what would change and writes nothing', async () => {
    await fixtureGraph(db);
    const before = await graphChecksum(db);
    const report = await runImport(db, 'csl', FIXTURE_CSV, { dryRun: true });
    expect(report.written).toBe(0);
    expect(report.nodes.find((count) => count.type === 'Company')).toEqual({
      type: 'Company',
      create: 4,
      update: 2,
      unchanged: 0,
    });
    expect(await graphChecksum(db)).toBe(before);
  });

  it('--strict refuses the whole file when one row is bad', async () => {
    await fixtureGraph(db);
    const before = await graphChecksum(db);
    await expect(runImport(db, 'csl', FIXTURE_CSV, { strict: true })).rejects.toThrow(InvalidRecordsError);
    await expect(runImport(db, 'csl', FIXTURE_CSV, { strict: true })).rejects.toThrow(
      /csl-fixture\.csv: record 6 \(aa05\), field "start_date"/,
    );
    expect(await graphChecksum(db)).toBe(before);
  });

  it('reads the older CSV format without _id and the JSON API shape', async () => {
    await fixtureGraph(db);
    const old = await runImport(db, 'csl', path.join(FIXTURES, 'csl-old-format.csv'));
    expect(old.issues).toEqual([]);
    expect(old.decisions.map((decision) => decision.name)).toEqual([
      'Old Format Optics Co., Ltd.',
      'Old Format Person',
    ]);
    const api = await runImport(db, 'csl', path.join(FIXTURES, 'csl-api.json'));
    expect(api.issues).toEqual([]);
    const robotics = (
      await db.read<Row>(`MATCH (n:Company {name: 'Api Shape Robotics Co., Ltd.'}) RETURN n {.*} AS n`)
    )[0]?.n as Row;
    expect(robotics).toMatchObject({
      country: 'CN',
      identifiers: ['CSL:api-0001', 'USCC:91320000API0000001'],
      addresses: ['1 Robot Road, Suzhou, 215000, CN'],
    });
    expect(await graphCounts(db)).toMatchObject({ Designation: 4 });
    // A second run of either file changes nothing.
    expect((await runImport(db, 'csl', path.join(FIXTURES, 'csl-old-format.csv'))).written).toBe(0);
    expect((await runImport(db, 'csl', path.join(FIXTURES, 'csl-api.json'))).written).toBe(0);
  });
});

describe.skipIf(SKIP_SHARED)('CSL import of the shared sample', () => {
  it('loads every row as a party on its list, with the CSL and the list page as sources', async () => {
    await fixtureGraph(db);
    const report = await runImport(db, 'csl', SHARED_CSL as string, { snapshotDate: '2025-05-01' });
    expect(report.rows).toBe(13);
    expect(report.issues).toEqual([]);
    const counts = await graphCounts(db);
    // 5 fixture companies + 9 CSL companies; 4 CSL people; 13 designations.
    expect(counts).toMatchObject({ Company: 13, Person: 4, Designation: 13, DESIGNATES: 13, ON_LIST: 13 });
    const byList = await db.read<Row>(
      `MATCH (d:Designation)-[:ON_LIST]->(l) RETURN l.id AS list, count(d) AS count ORDER BY list`,
    );
    expect(byList).toEqual([
      { list: 'bis-denied-persons-list', count: 1 },
      { list: 'bis-entity-list', count: 1 },
      { list: 'bis-meu-list', count: 1 },
      { list: 'bis-unverified-list', count: 1 },
      { list: 'ofac-fse-list', count: 1 },
      { list: 'ofac-plc-list', count: 2 },
      { list: 'ofac-sdn-list', count: 1 },
      { list: 'ofac-ssi-list', count: 3 },
      { list: 'state-isn-nonproliferation-sanctions', count: 1 },
      { list: 'state-itar-debarred-list', count: 1 },
    ]);
    const cetc = await db.read<Row>(
      `MATCH (d:Designation)-[:DESIGNATES]->(p) WHERE p.name STARTS WITH 'China Electronics Technology'
       RETURN p.aliases AS aliases, p.addresses AS addresses, d.sources AS sources, d.listedOn AS listedOn`,
    );
    expect(cetc[0]?.aliases).toEqual(
      expect.arrayContaining([
        'CETC 13',
        'Hebei Semiconductor Research Institute',
        'CETC Research Institute 13',
      ]),
    );
    expect(cetc[0]?.addresses).toHaveLength(3);
    expect(cetc[0]?.listedOn).toBe('2018-08-01');
    expect(cetc[0]?.sources).toEqual(
      expect.arrayContaining(['src-trade-gov-csl', 'src-fr-83-37423', 'src-fr-87-77505']),
    );
    const unsourced = await db.read<{ count: number }>(
      `MATCH (n:Node) WHERE NOT n:Source AND size(coalesce(n.sources, [])) = 0 RETURN count(n) AS count`,
    );
    expect(unsourced[0]?.count).toBe(0);

    const before = await graphChecksum(db);
    expect((await runImport(db, 'csl', SHARED_CSL as string, { snapshotDate: '2025-05-01' })).written).toBe(
      0,
    );
    expect(await graphChecksum(db)).toBe(before);
  });
});
