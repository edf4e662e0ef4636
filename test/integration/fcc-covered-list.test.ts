import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/formats/csv-reader.js';
import { useSeededServer } from '../helpers/seeded-server.js';
import { SHARED_FCC_COVERED, SKIP_SHARED } from '../helpers/shared-samples.js';

const context = useSeededServer();

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** "March 12, 2021" (the first date of a cell such as "December 22, 2025Updated:January 7, 2026") → 2021-03-12. */
function isoDate(text: string): string {
  const match = /([A-Z][a-z]+) (\d{1,2}), (\d{4})/.exec(text)!;
  const month = String(MONTHS.indexOf(match[1]!) + 1).padStart(2, '0');
  return `${match[3]}-${month}-${match[2]!.padStart(2, '0')}`;
}
const letters = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

interface Entry {
  nameOnList: string;
  listedOn: string;
}

async function entries(): Promise<{ members: (Entry & { party: { id: string } })[]; categories: Entry[] }> {
  const result = await context.server().graphql<{
    list: { members: (Entry & { party: { id: string } })[]; categoryEntries: Entry[] };
  }>(`{ list(id: "fcc-covered-list") {
        members { nameOnList listedOn party { id } }
        categoryEntries { nameOnList listedOn }
      } }`);
  expect(result.errors).toBeUndefined();
  return { members: result.data!.list.members, categories: result.data!.list.categoryEntries };
}

describe('the FCC Covered List in the seeds', () => {
  it('holds the 13 entries naming companies and the 4 naming product categories, marked complete', async () => {
    const { members, categories } = await entries();
    // Pacific Networks and ComNet share one entry, as do DJI and Autel (the FY2025 NDAA §1709 entry).
    expect(members).toHaveLength(15);
    expect(new Set(members.map((m) => `${m.listedOn}|${m.nameOnList}`)).size).toBe(14);
    expect(categories.map((c) => c.listedOn).sort()).toEqual([
      '2025-12-22',
      '2026-03-23',
      '2026-07-28',
      '2026-07-28',
    ]);
    const [list] = await context.db().read<{ complete: boolean; asOf: string; url: string }>(
      `MATCH (l:RestrictedList {id: 'fcc-covered-list'})-[:COVERAGE_FROM]->(s:Source)
         RETURN l.coverageComplete AS complete, toString(l.coverageAsOf) AS asOf, s.url AS url`,
    );
    expect(list).toEqual({
      complete: true,
      asOf: '2026-07-28',
      url: 'https://www.fcc.gov/supplychain/coveredlist',
    });
  });

  it.skipIf(SKIP_SHARED)(
    'has every row of the shared transcription of the list page, with its date of inclusion',
    async () => {
      const { members, categories } = await entries();
      const all = [...members, ...categories];
      let rows = 0;
      let header = true;
      for await (const row of readCsv(SHARED_FCC_COVERED!)) {
        if (header) {
          header = false;
          continue;
        }
        const [text, date] = row.cells as [string, string];
        const found = all.filter(
          (entry) => entry.listedOn === isoDate(date) && letters(text).includes(letters(entry.nameOnList)),
        );
        expect({ line: row.line, found: found.length > 0 }).toEqual({ line: row.line, found: true });
        rows += 1;
      }
      expect(rows).toBe(16);
    },
  );
});

describe('category entries in explainRestrictions', () => {
  const EXPLAIN = `query($id: ID!, $asOf: Date) { explainRestrictions(id: $id, asOf: $asOf) {
      restricted
      restrictions { list { id } basis }
      productRestrictions {
        condition
        category { id name originCondition exceptions }
        entry { listedOn nameOnList instrument { citation } }
        list { id }
        measures { id }
        tie { entity { id } sources { url } }
      }
    } }`;
  type Report = {
    restricted: boolean;
    restrictions: { list: { id: string }; basis: string }[];
    productRestrictions: {
      condition: string;
      category: { id: string; originCondition: string; exceptions: string[] };
      entry: { listedOn: string; instrument: { citation: string } | null };
      list: { id: string };
      measures: { id: string }[];
      tie: { entity: { id: string }; sources: { url: string }[] };
    }[];
  };
  const explain = async (id: string, asOf: string) => {
    const result = await context.server().graphql<{ explainRestrictions: Report }>(EXPLAIN, { id, asOf });
    expect(result.errors).toBeUndefined();
    return result.data!.explainRestrictions;
  };

  it('shows DJI, a sourced drone maker, the foreign-produced UAS entry with its condition, apart from its listings', async () => {
    const report = await explain('dji', '2026-12-01');
    expect(report.productRestrictions).toHaveLength(1);
    const [uas] = report.productRestrictions;
    expect(uas!.category.id).toBe('category-foreign-uas');
    expect(uas!.condition).toMatch(/^Covered if produced in a foreign country, unless: /);
    expect(uas!.condition).toMatch(/granted a Conditional Approval by DoW or DHS/);
    expect(uas!.entry).toMatchObject({ listedOn: '2025-12-22', instrument: { citation: 'DA 25-1086' } });
    expect(uas!.measures.map((m) => m.id)).toEqual(['fcc-equipment-authorization-ban']);
    expect(uas!.tie.entity.id).toBe('dji');
    expect(uas!.tie.sources.length).toBeGreaterThan(0);
    // DJI's own listings (the §1709 entry of the Covered List, §1260H, NS-CMIC) are entity restrictions.
    expect(report.restrictions.filter((r) => r.list.id === 'fcc-covered-list')).toEqual([
      { list: { id: 'fcc-covered-list' }, basis: 'DIRECT' },
    ]);
  });

  it('shows no category entry before the entry existed, and none for a maker of no covered category', async () => {
    expect((await explain('dji', '2025-12-21')).productRestrictions).toEqual([]);
    expect((await explain('hikvision', '2026-12-01')).productRestrictions).toEqual([]);
  });
});

describe('screening the FCC entries as of 2026-12-01', () => {
  it('finds every company the Covered List names restricted', async () => {
    const { members } = await entries();
    for (const member of members) {
      const result = await context
        .server()
        .graphql<{ explainRestrictions: { restricted: boolean } }>(
          `query($id: ID!) { explainRestrictions(id: $id, asOf: "2026-12-01") { restricted } }`,
          { id: member.party.id },
        );
      expect({ id: member.party.id, restricted: result.data?.explainRestrictions.restricted }).toEqual({
        id: member.party.id,
        restricted: true,
      });
    }
  });
});
