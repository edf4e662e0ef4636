import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { readCsv } from '../../src/formats/csv-reader.js';
import { explainRestrictions } from '../../src/restrictions/explain.js';
import { openTestDatabase, reseed } from '../helpers/db.js';
import { SHARED_DOD_1260H, SKIP_SHARED } from '../helpers/shared-samples.js';

const EDITIONS = ['2021-06-03', '2022-10-05', '2024-01-31', '2025-01-07', '2026-06-08'];

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await reseed(db);
});

afterAll(() => db.close());

interface Listing {
  party: string;
  names: string[];
  listedOn: string;
  removedOn: string | null;
}

async function listings(): Promise<Listing[]> {
  return db.read<Listing>(
    `MATCH (p:Party)<-[:DESIGNATES]-(d:Designation)-[:ON_LIST]->(:RestrictedList {id: 'dod-1260h-list'})
     RETURN p.id AS party, [p.name] + coalesce(p.aliases, []) AS names, toString(d.listedOn) AS listedOn,
            toString(d.removedOn) AS removedOn
     ORDER BY party, listedOn`,
  );
}

const inForce = (listing: Listing, date: string) =>
  listing.listedOn <= date && (listing.removedOn === null || date < listing.removedOn);

describe('the DoD §1260H list in the seeds', () => {
  it('holds each edition at the size the sources give (47 in 2021, 13 added in 2022, 16 added and 3 removed in 2024, 188 in 2026)', async () => {
    const all = await listings();
    const size = (date: string) => new Set(all.filter((l) => inForce(l, date)).map((l) => l.party)).size;
    expect(size('2021-06-03')).toBe(47);
    expect(size('2022-10-05')).toBe(60);
    expect(size('2024-01-31')).toBe(73);
    expect(size('2026-06-08')).toBe(188);
  });

  it('is marked complete as of the 2026-06-08 edition, citing its DoD PDF', async () => {
    const [list] = await db.read<{ complete: boolean; asOf: string; url: string }>(
      `MATCH (l:RestrictedList {id: 'dod-1260h-list'})-[:COVERAGE_FROM]->(s:Source)
       RETURN l.coverageComplete AS complete, toString(l.coverageAsOf) AS asOf, s.url AS url`,
    );
    expect(list).toMatchObject({ complete: true, asOf: '2026-06-08' });
    expect(list!.url).toMatch(/^https:\/\/media\.defense\.gov\/2026\/Jun\/08\//);
  });

  it('cites every edition as an instrument implementing §1260H', async () => {
    const rows = await db.read<{ publishedOn: string }>(
      `MATCH (i:LegalInstrument)-[:IMPLEMENTS]->(:LegalInstrument {id: 'ndaa-fy2021-s1260h'})
       RETURN toString(i.publishedOn) AS publishedOn ORDER BY publishedOn`,
    );
    expect(rows.map((row) => row.publishedOn)).toEqual(EDITIONS);
  });

  it('reuses seeded companies instead of adding duplicates', async () => {
    const all = await listings();
    const parties = new Set(all.map((l) => l.party));
    for (const seeded of [
      'hikvision',
      'dahua',
      'huawei',
      'cetc',
      'china-mobile',
      'dji',
      'avic',
      'smic',
      'crrc',
    ]) {
      expect(parties, seeded).toContain(seeded);
    }
    const [duplicates] = await db.read<{ count: number }>(
      `MATCH (a:Company), (b:Company) WHERE a.id < b.id AND toLower(a.name) = toLower(b.name) RETURN count(*) AS count`,
    );
    expect(duplicates!.count).toBe(0);
  });

  it('turns the parents the list names into SUBSIDIARY_OF relations sourced to the DoD list', async () => {
    const [hikvision] = await db.read<{ sources: string[] }>(
      `MATCH (:Company {id: 'chengdu-dahua-wisdom-information-technology'})-[r:SUBSIDIARY_OF]->(:Company {id: 'dahua'})
       RETURN r.sources AS sources`,
    );
    expect(hikvision!.sources).toEqual(expect.arrayContaining(['src-dod-1260h-2026-pdf']));
  });
});

describe.skipIf(SKIP_SHARED)('every row of the shared §1260H transcription', () => {
  it('is in the graph, in force on its edition, ended where a later edition drops it, first listed on its first edition', async () => {
    const all = await listings();
    const byName = new Map<string, Set<string>>();
    for (const listing of all) {
      for (const name of listing.names) byName.set(name, (byName.get(name) ?? new Set()).add(listing.party));
    }
    const firstStart = new Map<string, string>();
    let rows = 0;
    let header: string[] | undefined;
    for await (const row of readCsv(SHARED_DOD_1260H!)) {
      if (!header) {
        header = row.cells;
        continue;
      }
      const cell = (column: string) => (row.cells[header!.indexOf(column)] ?? '').trim();
      const name = cell('Clean Name').replace(/\s*\([^()]*\)\s*$/, '');
      const [start, end] = [cell('Start date'), cell('End date')];
      const parties = [...(byName.get(name) ?? [])];
      expect({ line: row.line, name, parties: parties.length }).toEqual({ line: row.line, name, parties: 1 });
      const party = parties[0]!;
      const own = all.filter((l) => l.party === party);
      expect({ line: row.line, name, start, listed: own.some((l) => inForce(l, start)) }).toMatchObject({
        listed: true,
      });
      if (EDITIONS.includes(end)) {
        expect({ line: row.line, name, end, listed: own.some((l) => inForce(l, end)) }).toMatchObject({
          listed: false,
        });
      }
      if (!firstStart.has(party) || start < firstStart.get(party)!) firstStart.set(party, start);
      rows += 1;
    }
    expect(rows).toBe(397);
    for (const [party, start] of firstStart) {
      const first = all
        .filter((l) => l.party === party)
        .map((l) => l.listedOn)
        .sort()[0];
      expect({ party, first }).toEqual({ party, first: start });
    }
  });
});

describe('screening as of 2026-12-01', () => {
  it('finds the companies of the 2025 and 2026 editions barred from DoD contracts by §805, and not those dropped in 2026', async () => {
    const ids = [
      'tencent-holdings',
      'dji',
      'hikvision',
      'yangtze-memory-technologies',
      'costar-group',
      'hikrobot',
    ];
    const reports = await explainRestrictions(
      db,
      ids.map((id) => ({ id, asOf: '2026-12-01', depth: 4 })),
    );
    const s805 = (index: number) =>
      reports[index]!.restrictions.filter((r) => r.measure.id === 's805-dod-contracting-ban');
    for (const index of [0, 1, 2, 3]) {
      expect({ id: ids[index], basis: s805(index)[0]?.basis }).toEqual({ id: ids[index], basis: 'DIRECT' });
    }
    expect(s805(4)).toEqual([]);
    expect(reports[4]!.notApplied.find((n) => n.measure.id === 's805-dod-contracting-ban')?.reason).toBe(
      'REMOVED_FROM_LIST',
    );
    // Hikrobot is not listed, but 60 % owned by Hikvision: "subject to the control of" a listed entity.
    expect(s805(5)[0]).toMatchObject({ basis: 'CONTROL', listedId: 'hikvision' });
  });

  it('does not apply §805 before 2026-06-30', async () => {
    const [report] = await explainRestrictions(db, [
      { id: 'tencent-holdings', asOf: '2026-06-29', depth: 2 },
    ]);
    expect(report!.restrictions.filter((r) => r.measure.id === 's805-dod-contracting-ban')).toEqual([]);
  });
});
