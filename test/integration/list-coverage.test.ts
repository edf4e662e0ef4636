import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase, reseed } from '../helpers/db.js';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await reseed(db);
});

afterAll(() => db.close());

interface ListCoverage {
  id: string;
  complete: boolean | null;
  asOf: string | null;
  note: string | null;
  source: string | null;
  entries: number;
}

async function coverage(): Promise<ListCoverage[]> {
  return db.read<ListCoverage>(
    `MATCH (l:RestrictedList)
     RETURN l.id AS id, l.coverageComplete AS complete, toString(l.coverageAsOf) AS asOf, l.coverageNote AS note,
            head(COLLECT { MATCH (l)-[:COVERAGE_FROM]->(s:Source) RETURN s.id }) AS source,
            COUNT { (l)<-[:ON_LIST]-(:Designation) } AS entries
     ORDER BY id`,
  );
}

describe('coverage of the seeded lists', () => {
  it('says on every list whether the graph holds all of it, and what a partial list lacks', async () => {
    const lists = await coverage();
    expect(lists.length).toBeGreaterThanOrEqual(6);
    for (const list of lists) {
      expect({ id: list.id, complete: typeof list.complete }).toEqual({ id: list.id, complete: 'boolean' });
      expect(list.note, list.id).toBeTruthy();
    }
    const entityList = lists.find((list) => list.id === 'bis-entity-list')!;
    expect(entityList.complete).toBe(false);
    expect(entityList.note).toMatch(/missing/);
  });

  it('marks complete only the lists whose whole edition is seeded, each with its edition and source', async () => {
    const complete = Object.fromEntries(
      (await coverage()).filter((list) => list.complete).map((list) => [list.id, list]),
    );
    expect(complete['dod-1237-list']).toMatchObject({ entries: 44, asOf: '2021-01-14' });
    expect(complete['ofac-ns-cmic-list']).toMatchObject({ entries: 68, asOf: '2023-11-30' });
    expect(complete['ndaa-889-entities']).toMatchObject({ entries: 5, asOf: '2018-08-13' });
    for (const list of Object.values(complete)) expect(list.source, list.id).toBeTruthy();
  });
});

describe('facts corrected by the seed audit', () => {
  it('dates the §1260H listings of Huawei, Hikvision, CETC and China Mobile from the first edition that names them', async () => {
    const rows = await db.read<{ party: string; listedOn: string; removedOn: string | null }>(
      `MATCH (p:Party)<-[:DESIGNATES]-(d:Designation)-[:ON_LIST]->(:RestrictedList {id: 'dod-1260h-list'})
       WHERE p.id IN ['huawei', 'huawei-investment-holding', 'hikvision', 'cetc', 'china-mobile', 'china-mobile-ltd']
       RETURN p.id AS party, toString(d.listedOn) AS listedOn, toString(d.removedOn) AS removedOn ORDER BY party`,
    );
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row).toMatchObject({ listedOn: '2021-06-03', removedOn: null });
  });

  it("gives China Mobile's Dahua stake no percentage, since no source states the post-issue share", async () => {
    const [stake] = await db.read<{ percent: number | null; validFrom: string; note: string }>(
      `MATCH (:Company {id: 'china-mobile'})-[r:OWNS]->(:Company {id: 'dahua'})
       RETURN r.percent AS percent, toString(r.validFrom) AS validFrom, r.note AS note`,
    );
    expect(stake).toMatchObject({ percent: null, validFrom: '2023-04-14' });
    expect(stake!.note).toMatch(/293,103,400 shares at 17\.40 yuan/);
  });

  it('names Dahua, as the 2018 sources do, as the buyer of Lorex', async () => {
    const owners = await db.read<{ owner: string; validFrom: string | null }>(
      `MATCH (o:Company)-[r:OWNS]->(:Company {id: 'lorex-technology'})
       RETURN o.id AS owner, toString(r.validFrom) AS validFrom ORDER BY owner`,
    );
    expect(owners).toEqual(
      expect.arrayContaining([
        { owner: 'dahua', validFrom: '2018-02-06' },
        { owner: 'dahua-europe', validFrom: null },
      ]),
    );
  });

  it('cites the suspension of the BIS affiliates rule by its Federal Register document', async () => {
    const [rule] = await db.read<{ citation: string; publishedOn: string; effectiveOn: string }>(
      `MATCH (i:LegalInstrument {id: 'bis-affiliates-suspension'})
       RETURN i.citation AS citation, toString(i.publishedOn) AS publishedOn, toString(i.effectiveOn) AS effectiveOn`,
    );
    expect(rule).toEqual({ citation: '90 FR 50857', publishedOn: '2025-11-12', effectiveOn: '2025-11-10' });
  });
});
