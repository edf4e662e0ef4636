import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { runImport } from '../../src/import/run-import.js';
import { openTestDatabase } from '../helpers/db.js';
import { FIXTURES, fixtureGraph, graphChecksum, graphCounts } from './graph-fingerprint.js';
import { SHARED_FTM, SKIP_SHARED } from '../helpers/shared-samples.js';

let db: Database;
type Row = Record<string, unknown>;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe('FtM import (fixture)', () => {
  it('maps parties, ownership, directorship and sanctions, and meets CSL rows on shared ids', async () => {
    await fixtureGraph(db);
    await runImport(db, 'csl', path.join(FIXTURES, 'csl-fixture.csv'));
    const report = await runImport(db, 'ftm', path.join(FIXTURES, 'ftm-fixture.jsonl'));

    // The OpenSanctions referent "ofac-4006" is the OFAC entity number a CSL row carried.
    const northern = report.decisions.find((decision) => decision.key === 'NK-fixture1');
    expect(northern).toMatchObject({ outcome: 'MERGED' });
    expect(northern?.reason).toContain('OFAC:4006');
    expect(report.decisions.find((decision) => decision.key === 'NK-fixture2')).toMatchObject({
      outcome: 'MERGED',
      targetId: 'dahua',
    });
    expect(report.decisions.find((decision) => decision.key === 'NK-fixture3')).toMatchObject({
      outcome: 'NEW',
      targetId: 'os-NK-fixture3',
    });

    expect(report.skipped).toEqual({ Family: 1 });
    expect(report.issues).toEqual([
      expect.objectContaining({
        file: 'ftm-fixture.jsonl',
        position: 11,
        message: expect.stringMatching(/not valid JSON/),
      }),
    ]);
    expect(report.warnings.map((warning) => `${warning.position} ${warning.field}`)).toEqual([
      '1 addressEntity',
      '5 endDate',
      '8 entity',
    ]);

    const target = northern?.targetId as string;
    const owns = await db.read<Row>(
      `MATCH (a)-[r:OWNS {id: 'os-own-1'}]->(b) RETURN a.id AS owner, b.id AS asset, r.percent AS percent,
              r.validFrom AS validFrom, r.validTo AS validTo, r.sources AS sources`,
    );
    expect(owns).toEqual([
      {
        owner: 'dahua',
        asset: target,
        percent: 25,
        validFrom: '2020-01-01',
        validTo: null,
        sources: ['src-os-ext-example'],
      },
    ]);
    const director = await db.read<Row>(
      `MATCH (a)-[r:DIRECTOR_OF]->(b) RETURN a.id AS director, b.id AS organization, r.role AS role`,
    );
    expect(director).toEqual([{ director: 'os-NK-fixture3', organization: target, role: 'Director' }]);

    const designations = await db.read<Row>(
      `MATCH (d:Designation)-[:ON_LIST]->(l) WHERE d.id STARTS WITH 'os-'
       MATCH (d)-[:DESIGNATES]->(p) MATCH (l)-[:KEPT_BY]->(a)
       RETURN d.id AS id, p.id AS party, l.id AS list, a.id AS authority, d.listedOn AS listedOn, d.sources AS sources
       ORDER BY id`,
    );
    expect(designations).toEqual([
      {
        id: 'os-san-1',
        party: target,
        list: 'bis-entity-list',
        authority: 'bis',
        listedOn: '2021-01-01',
        sources: ['src-os-us-trade-csl', expect.stringMatching(/^src-url-/), 'src-fr-86-1234'],
      },
      {
        id: 'os-san-2',
        party: 'os-NK-fixture3',
        list: 'os-list-ministry-of-examples-ex-1',
        // The authority the CSL import created for the same name is found, not made twice.
        authority: 'csl-authority-ministry-of-examples',
        listedOn: '2022-04-01',
        sources: ['src-os-gb-example'],
      },
    ]);
    const address = await db.read<Row>(`MATCH (n {id: $id}) RETURN n.addresses AS addresses`, { id: target });
    expect(address[0]?.addresses).toContain('1 Example Street, Tehran');

    const before = await graphChecksum(db);
    expect((await runImport(db, 'ftm', path.join(FIXTURES, 'ftm-fixture.jsonl'))).written).toBe(0);
    expect(await graphChecksum(db)).toBe(before);
  });
});

describe.skipIf(SKIP_SHARED)('FtM import of the shared OpenSanctions sample', () => {
  it('loads parties, ownerships, directorships and 41 sanctions onto their lists, every fact sourced', async () => {
    await fixtureGraph(db);
    const report = await runImport(db, 'ftm', SHARED_FTM as string);
    expect(report.rows).toBe(91);
    expect(report.issues).toEqual([]);
    expect(report.skipped).toEqual({ Family: 4, Passport: 1 });
    // 16 addressEntity references point at Address entities the file does not hold.
    expect(report.warnings.filter((warning) => warning.field === 'addressEntity')).toHaveLength(16);
    expect(report.decisions.every((decision) => decision.outcome === 'NEW')).toBe(true);

    const counts = await graphCounts(db);
    expect(counts).toMatchObject({
      Company: 4 + 11,
      Person: 6,
      Designation: 41,
      DESIGNATES: 41,
      ON_LIST: 41,
      OWNS: 1 + 14,
      DIRECTOR_OF: 3,
    });
    // The CSL's Entity List sanction of LLC CST lands on the seed's Entity List.
    const entityList = await db.read<Row>(
      `MATCH (d:Designation)-[:ON_LIST]->(:RestrictedList {id: 'bis-entity-list'}) MATCH (d)-[:DESIGNATES]->(p)
       RETURN p.id AS party, d.listedOn AS listedOn, d.sources AS sources`,
    );
    expect(entityList).toEqual([
      {
        party: 'os-NK-abdzbEBkqyT29GyREbiURZ',
        listedOn: '2023-11-02',
        sources: expect.arrayContaining(['src-os-us-trade-csl', 'src-fr-88-76128']),
      },
    ]);
    const sdn = await db.read<Row>(
      `MATCH (d:Designation)-[:ON_LIST]->(:RestrictedList {id: 'ofac-sdn-list'}) RETURN count(d) AS count`,
    );
    expect(sdn[0]?.count).toBe(3);
    const zala = (
      await db.read<Row>(`MATCH (n:Company {id: 'os-NK-abdzbEBkqyT29GyREbiURZ'}) RETURN n {.*} AS n`)
    )[0]?.n as Row;
    expect(zala).toMatchObject({ name: 'LLC CST', country: 'RU' });
    expect(zala.identifiers).toEqual(
      expect.arrayContaining([
        'OPENSANCTIONS:NK-abdzbEBkqyT29GyREbiURZ',
        'INN:1841015504',
        'PERMID:5062453043',
      ]),
    );
    const unsourced = await db.read<{ count: number }>(
      `CALL () {
         MATCH (n:Node) WHERE NOT n:Source AND size(coalesce(n.sources, [])) = 0 RETURN n.id AS id
         UNION ALL
         MATCH ()-[r]->() WHERE size(coalesce(r.sources, [])) = 0 RETURN r.id AS id
       } RETURN count(*) AS count`,
    );
    expect(unsourced[0]?.count).toBe(0);
    // The two "CST" companies share a name but not their tax numbers: kept apart, not even linked.
    expect(await db.read(`MATCH ()-[r:POSSIBLY_SAME_AS]->() RETURN r`)).toEqual([]);

    const before = await graphChecksum(db);
    const again = await runImport(db, 'ftm', SHARED_FTM as string);
    expect(again.written).toBe(0);
    expect(again.decisions.every((decision) => decision.outcome === 'SAME')).toBe(true);
    expect(await graphChecksum(db)).toBe(before);
  });
});
