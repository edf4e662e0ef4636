import { describe, expect, it } from 'vitest';
import { useSeededServer } from '../helpers/seeded-server.js';

const context = useSeededServer();
const server = () => context.server();

const EXPLAIN = `
  query Explain($id: ID!, $asOf: Date) {
    explainRestrictions(id: $id, asOf: $asOf) {
      asOf restricted
      entity { id name }
      restrictions {
        measure { id name kind effectiveFrom effectiveTo }
        list { id name }
        designation { listedOn effectiveFrom }
        listedEntity { id name }
        instruments { id name citation signedOn effectiveOn }
        basis rule evidence effectivePercent
        path { steps { from { id } relation to { id } percent validFrom validTo evidence sources { url title publisher evidence } } }
        sources { url evidence }
      }
      notApplied { measure { id } list { id } listedEntity { id } reason explanation path { steps { from { id } relation to { id } } } }
      designations { id list { id } }
    }
  }`;

type Report = {
  restricted: boolean;
  asOf: string;
  restrictions: {
    measure: { id: string };
    list: { id: string };
    listedEntity: { id: string };
    instruments: { id: string; citation: string }[];
    basis: string;
    rule: string;
    evidence: string;
    effectivePercent: number | null;
    path: {
      steps: { from: { id: string }; relation: string; to: { id: string }; sources: { url: string }[] }[];
    };
    sources: { url: string }[];
  }[];
  notApplied: {
    measure: { id: string };
    listedEntity: { id: string };
    reason: string;
    explanation: string;
  }[];
};

async function explain(id: string, asOf?: string): Promise<Report> {
  const result = await server().graphql<{ explainRestrictions: Report }>(EXPLAIN, { id, asOf });
  expect(result.errors).toBeUndefined();
  return result.data!.explainRestrictions;
}

const measures = (report: Report) => report.restrictions.map((r) => r.measure.id).sort();
const lists = (report: Report) => [...new Set(report.restrictions.map((r) => r.list.id))].sort();
const whyNot = (report: Report, measure: string) => report.notApplied.find((n) => n.measure.id === measure);

describe('explainRestrictions over the seed data', () => {
  it('finds Hikvision restricted today through the Entity List, §889, the FCC Covered List and NS-CMIC', async () => {
    const report = await explain('hikvision');
    expect(report.restricted).toBe(true);
    expect(report.asOf).toBe(new Date().toISOString().slice(0, 10));
    expect(lists(report)).toEqual(
      expect.arrayContaining([
        'bis-entity-list',
        'ndaa-889-entities',
        'fcc-covered-list',
        'ofac-ns-cmic-list',
      ]),
    );
    for (const restriction of report.restrictions) {
      expect(restriction.basis).toBe('DIRECT');
      expect(restriction.listedEntity.id).toBe('hikvision');
      expect(restriction.instruments.length).toBeGreaterThan(0);
      expect(restriction.sources.length).toBeGreaterThan(0);
      expect(restriction.rule).toMatch(/Hikvision/);
    }
    const nsCmic = report.restrictions.find((r) => r.measure.id === 'ns-cmic-securities-prohibition')!;
    expect(nsCmic.instruments.map((i) => i.id)).toEqual(['eo-13959', 'eo-14032', 'ofac-faq-857']);
    expect(nsCmic.instruments.map((i) => i.citation)).toContain('86 FR 30145');
  });

  it('finds nothing restricting Hikvision on 2019-01-01, and says why the §889 ban did not yet apply', async () => {
    const report = await explain('hikvision', '2019-01-01');
    expect(report.restricted).toBe(false);
    expect(report.restrictions).toEqual([]);
    expect(whyNot(report, 's889-procurement-ban')).toMatchObject({ reason: 'NOT_YET_EFFECTIVE' });
    expect(whyNot(report, 's889-procurement-ban')!.explanation).toMatch(/2019-08-13/);
  });

  it("applies EO 13959's investment prohibition first on 2021-01-11", async () => {
    const before = await explain('hikvision', '2021-01-10');
    expect(measures(before)).not.toContain('eo-13959-securities-prohibition');
    expect(whyNot(before, 'eo-13959-securities-prohibition')).toMatchObject({ reason: 'NOT_YET_EFFECTIVE' });
    const on = await explain('hikvision', '2021-01-11');
    const eo = on.restrictions.find((r) => r.measure.id === 'eo-13959-securities-prohibition')!;
    expect(eo).toBeDefined();
    expect(eo.list.id).toBe('dod-1237-list');
    expect(eo.instruments.map((i) => i.id)).toEqual(expect.arrayContaining(['eo-13959']));
    const after = await explain('hikvision', '2021-08-02');
    expect(whyNot(after, 'eo-13959-securities-prohibition')).toMatchObject({ reason: 'MEASURE_ENDED' });
  });

  it('restricts Ezviz through its tie to Hikvision under §889 and the FCC Covered List, but not under NS-CMIC', async () => {
    const report = await explain('ezviz-network');
    expect(report.restricted).toBe(true);
    const s889 = report.restrictions.find((r) => r.measure.id === 's889-procurement-ban')!;
    expect(s889).toMatchObject({ basis: 'SUBSIDIARY_OR_AFFILIATE', listedEntity: { id: 'hikvision' } });
    expect(s889.path.steps.at(-1)!.to.id).toBe('hikvision');
    expect(s889.path.steps.every((step) => step.sources.length > 0)).toBe(true);
    expect(s889.rule).toMatch(/subsidiar/i);
    expect(measures(report)).toContain('fcc-equipment-authorization-ban');
    expect(measures(report)).not.toContain('ns-cmic-securities-prohibition');
    const nsCmic = report.notApplied.find(
      (n) => n.measure.id === 'ns-cmic-securities-prohibition' && n.listedEntity.id === 'hikvision',
    )!;
    expect(nsCmic.reason).toBe('NAMED_ONLY_RULE');
    expect(nsCmic.explanation).toMatch(/FAQ 857|named/);
  });

  it('ties Lorex to Dahua while Dahua owned it, and not by ownership after the sale', async () => {
    const during = await explain('lorex-technology', '2020-06-01');
    const owned = during.restrictions.find((r) => r.measure.id === 's889-procurement-ban')!;
    expect(owned.listedEntity.id).toBe('dahua');
    expect(owned.basis).toBe('SUBSIDIARY_OR_AFFILIATE');
    const after = await explain('lorex-technology', '2023-06-01');
    expect(after.restrictions.filter((r) => r.listedEntity.id === 'dahua')).toEqual([]);
    const ended = after.notApplied.find(
      (n) => n.measure.id === 's889-procurement-ban' && n.listedEntity.id === 'dahua',
    )!;
    expect(ended.reason).toBe('RELATION_ENDED');
    expect(ended.explanation).toMatch(/2022-11-24/);
  });

  it('catches a 60 %-owned Hikvision subsidiary under the BIS affiliates rule on 2025-10-15 but not on 2026-01-15', async () => {
    const caught = await explain('hikrobot', '2025-10-15');
    const affiliates = caught.restrictions.find((r) => r.measure.id === 'bis-affiliates-rule')!;
    expect(affiliates).toMatchObject({
      basis: 'OWNERSHIP_THRESHOLD',
      effectivePercent: 60,
      listedEntity: { id: 'hikvision' },
    });
    expect(affiliates.path.steps[0]).toMatchObject({ relation: 'OWNED_BY', to: { id: 'hikvision' } });
    const suspended = await explain('hikrobot', '2026-01-15');
    expect(measures(suspended)).not.toContain('bis-affiliates-rule');
    expect(whyNot(suspended, 'bis-affiliates-rule')).toMatchObject({ reason: 'SUSPENDED' });
    expect(whyNot(suspended, 'bis-affiliates-rule')!.explanation).toMatch(
      /suspended from 2025-11-10 until 2026-11-10 \(One-year suspension of the BIS affiliates rule\)/,
    );
  });

  it('traces a reported OEM brand to its maker with the evidence grade of the report', async () => {
    const report = await explain('brand-amcrest', '2024-01-01');
    const oem = report.restrictions.find((r) => r.measure.id === 's889-procurement-ban')!;
    expect(oem.basis).toBe('PRODUCT_OF');
    expect(oem.path.steps[0]).toMatchObject({ relation: 'MADE_BY_OEM', to: { id: 'dahua' } });
    expect(oem.evidence).toBe('COMMUNITY');
    const strictOnly = await server().graphql<{ explainRestrictions: Report }>(
      `{ explainRestrictions(id: "brand-amcrest", asOf: "2024-01-01", minEvidence: SECONDARY) { restricted } }`,
    );
    expect(strictOnly.data!.explainRestrictions.restricted).toBe(false);
  });

  it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for a bad date', async () => {
    const missing = await server().graphql(`{ explainRestrictions(id: "no-such-company") { restricted } }`);
    expect(missing.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const badDate = await server().graphql(
      `{ explainRestrictions(id: "hikvision", asOf: "2021-13-01") { restricted } }`,
    );
    expect(badDate.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(badDate.errors![0]!.message).toMatch(/YYYY-MM-DD/);
    const badDepth = await server().graphql(
      `{ explainRestrictions(id: "hikvision", maxDepth: 50) { restricted } }`,
    );
    expect(badDepth.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(badDepth.errors![0]!.message).toMatch(/maxDepth/);
  });
});
