import { describe, expect, it } from 'vitest';
import { useSeededServer } from '../helpers/seeded-server.js';

const context = useSeededServer();
const server = () => context.server();

describe('instruments, lists, entities and stats', () => {
  it('shows EO 13959 with its dates, issuer, amendments and the measures it imposes', async () => {
    const result = await server().graphql<{ instrument: Record<string, unknown> }>(`{
      instrument(id: "eo-13959") {
        kind citation signedOn publishedOn effectiveOn issuedBy { id }
        amendedBy { id } measures { id } sources { evidence }
      }
    }`);
    expect(result.data!.instrument).toMatchObject({
      kind: 'EXECUTIVE_ORDER',
      citation: '85 FR 73185',
      signedOn: '2020-11-12',
      effectiveOn: '2021-01-11',
      issuedBy: { id: 'president' },
    });
    const amendedBy = (result.data!.instrument.amendedBy as { id: string }[]).map((item) => item.id);
    expect(amendedBy).toEqual(expect.arrayContaining(['eo-13974', 'eo-14032']));
    const measures = (result.data!.instrument.measures as { id: string }[]).map((item) => item.id);
    expect(measures).toEqual(
      expect.arrayContaining(['eo-13959-securities-prohibition', 'ns-cmic-securities-prohibition']),
    );
  });

  it('links the suspension order to the measure it suspends, with its period', async () => {
    const result = await server().graphql<{
      instrument: { suspends: { id: string; suspensions: unknown[] }[] };
    }>(`{
      instrument(id: "bis-affiliates-suspension") { suspends { id suspensions { instrument { id } from to } } }
    }`);
    const [measure] = result.data!.instrument.suspends;
    expect(measure!.id).toBe('bis-affiliates-rule');
    expect(measure!.suspensions).toEqual([
      { instrument: { id: 'bis-affiliates-suspension' }, from: '2025-11-10', to: '2026-11-10' },
    ]);
  });

  it('lists NS-CMIC members over time: none in 2020, the 59 of the annex in mid-2021, more later', async () => {
    const count = async (asOf: string) => {
      const result = await server().graphql<{ list: { members: unknown[] } }>(
        `{ list(id: "ofac-ns-cmic-list") { members(asOf: "${asOf}") { id } } }`,
      );
      return result.data!.list.members.length;
    };
    expect(await count('2020-01-01')).toBe(0);
    expect(await count('2021-07-01')).toBe(59);
    expect(await count('2022-06-01')).toBeGreaterThan(59);
    const lists = await server().graphql<{
      lists: { id: string; authority: { id: string }; measures: unknown[] }[];
    }>('{ lists { id authority { id } measures { id } } }');
    expect(lists.data!.lists.map((list) => list.id)).toEqual(
      expect.arrayContaining([
        'bis-entity-list',
        'fcc-covered-list',
        'ndaa-889-entities',
        'ofac-ns-cmic-list',
      ]),
    );
  });

  it("shows an entity's identifiers, owners with percentages, brands and designations on a date", async () => {
    const result = await server().graphql<{ entity: Record<string, unknown> }>(`{
      entity(id: "hikvision") {
        kind identifiers { scheme value } aliases
        owners(asOf: "2024-01-01") { type percent entity { id } sources { url } }
        brands { entity { id } }
        designations(asOf: "2019-01-01") { list { id } listedOn }
      }
    }`);
    const entity = result.data!.entity;
    expect(entity.kind).toBe('COMPANY');
    expect(entity.identifiers).toEqual(
      expect.arrayContaining([{ scheme: 'USCC', value: '91330000733796106P' }]),
    );
    expect(entity.aliases).toEqual(expect.arrayContaining(['海康威视']));
    expect(entity.owners).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'OWNS', percent: 38.88, entity: { id: 'cethik' } }),
      ]),
    );
    expect((entity.brands as { entity: { id: string } }[]).map((brand) => brand.entity.id)).toContain(
      'brand-hilook',
    );
    expect(entity.designations).toEqual([{ list: { id: 'ndaa-889-entities' }, listedOn: '2018-08-13' }]);
    const missing = await server().graphql<{ entity: null }>('{ entity(id: "nobody") { id } }');
    expect(missing.data!.entity).toBeNull();
  });

  it('counts nodes and relationships and finds no fact without a source', async () => {
    const result = await server().graphql<{
      stats: { nodes: { type: string; count: number }[]; unsourcedFacts: number };
    }>(
      '{ stats { nodes { type count } relationships { type count } unsourcedFacts factsByEvidence { evidence count } } }',
    );
    expect(result.data!.stats.unsourcedFacts).toBe(0);
    expect(result.data!.stats.nodes.find((row) => row.type === 'Designation')!.count).toBeGreaterThan(100);
  });
});
