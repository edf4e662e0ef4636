import { describe, expect, it } from 'vitest';
import { useSeededServer } from '../helpers/seeded-server.js';

const context = useSeededServer();
const server = () => context.server();
const db = () => context.db();

type Link = {
  brand: { id: string };
  relation: string;
  evidence: string;
  path: { steps: { relation: string; to: { id: string } }[] };
};

describe('brandsLinkedTo', () => {
  it("lists Hikvision's own brands, its subsidiary's brand and reported OEM brands with their evidence", async () => {
    const result = await server().graphql<{ brandsLinkedTo: Link[] }>(
      `{ brandsLinkedTo(id: "hikvision") { brand { id } relation evidence path { steps { relation to { id } } } sources { url } } }`,
    );
    expect(result.errors).toBeUndefined();
    const links = result.data!.brandsLinkedTo;
    const find = (id: string) => links.find((link) => link.brand.id === id);
    expect(find('brand-hilook')).toMatchObject({ relation: 'OWN_BRAND' });
    expect(find('brand-ezviz')).toMatchObject({ relation: 'SUBSIDIARY_BRAND' });
    expect(find('brand-ezviz')!.path.steps.map((step) => step.to.id)).toEqual(['ezviz-network', 'hikvision']);
    expect(find('brand-annke')).toMatchObject({ relation: 'OEM_REPORTED', evidence: 'COMMUNITY' });
  });

  it('says which brands are restricted on the date asked', async () => {
    const restricted = async (asOf: string) => {
      const result = await server().graphql<{
        brandsLinkedTo: { brand: { id: string }; restricted: boolean }[];
      }>(`{ brandsLinkedTo(id: "hikvision", asOf: "${asOf}") { brand { id } restricted } }`);
      expect(result.errors).toBeUndefined();
      return Object.fromEntries(result.data!.brandsLinkedTo.map((link) => [link.brand.id, link.restricted]));
    };
    // EZVIZ is restricted through Hikvision's listings; before the first of them (2018-08-13), nothing was.
    expect((await restricted('2025-06-01'))['brand-ezviz']).toBe(true);
    expect(Object.values(await restricted('2018-01-01'))).not.toContain(true);
  });

  it('drops weakly sourced links when asked for stronger evidence', async () => {
    const result = await server().graphql<{ brandsLinkedTo: Link[] }>(
      `{ brandsLinkedTo(id: "hikvision", minEvidence: SECONDARY) { brand { id } evidence } }`,
    );
    const ids = result.data!.brandsLinkedTo.map((link) => link.brand.id);
    expect(ids).toContain('brand-ezviz');
    expect(ids).not.toContain('brand-annke');
  });

  it("shows Lorex as Dahua's brand in 2020 and no longer by ownership in 2024", async () => {
    const query = (asOf: string) =>
      server().graphql<{ brandsLinkedTo: Link[] }>(
        `{ brandsLinkedTo(id: "dahua", asOf: "${asOf}") { brand { id } relation } }`,
      );
    const in2020 = (await query('2020-01-01')).data!.brandsLinkedTo.filter(
      (link) => link.brand.id === 'brand-lorex',
    );
    expect(in2020.map((link) => link.relation)).toContain('OWN_BRAND');
    const in2024 = (await query('2024-01-01')).data!.brandsLinkedTo.filter(
      (link) => link.brand.id === 'brand-lorex',
    );
    expect(in2024.map((link) => link.relation)).not.toContain('OWN_BRAND');
    expect(in2024.map((link) => link.relation)).not.toContain('SUBSIDIARY_BRAND');
  });

  it('traces a brand back to its owners and makers, and refuses a party id for brandOrigins', async () => {
    const origins = await server().graphql<{
      brandOrigins: { entity: { id: string }; relation: string; restricted: boolean }[];
    }>(`{ brandOrigins(id: "brand-ezviz") { entity { id } relation restricted } }`);
    const ids = origins.data!.brandOrigins.map((origin) => origin.entity.id);
    expect(ids).toEqual(expect.arrayContaining(['ezviz-network', 'hikvision']));
    expect(origins.data!.brandOrigins.find((origin) => origin.entity.id === 'hikvision')!.restricted).toBe(
      true,
    );
    const before = await server().graphql<{
      brandOrigins: { entity: { id: string }; restricted: boolean }[];
    }>(`{ brandOrigins(id: "brand-ezviz", asOf: "2018-01-01") { entity { id } restricted } }`);
    // Hikvision's first listing (§889) dates from 2018-08-13: on the date asked, its maker was not yet restricted.
    expect(before.data!.brandOrigins.find((origin) => origin.entity.id === 'hikvision')!.restricted).toBe(
      false,
    );
    const wrong = await server().graphql(`{ brandOrigins(id: "hikvision") { relation } }`);
    expect(wrong.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('ownershipChain', () => {
  type Chain = {
    paths: { effectivePercent: number | null; end: { id: string }; steps: { percent: number | null }[] }[];
    ultimateOwners: { id: string }[];
    cyclesFound: boolean;
  };

  it("multiplies percentages up Hikvision's chain and names SASAC as the ultimate owner", async () => {
    const result = await server().graphql<{ ownershipChain: Chain }>(
      `{ ownershipChain(id: "hikvision") { paths { effectivePercent end { id } steps { percent } } ultimateOwners { id } cyclesFound } }`,
    );
    const chain = result.data!.ownershipChain;
    expect(
      chain.paths.find((path) => path.end.id === 'cetc' && path.effectivePercent !== null)!.effectivePercent,
    ).toBe(38.88);
    expect(chain.ultimateOwners.map((owner) => owner.id)).toEqual(['sasac']);
    expect(chain.cyclesFound).toBe(false);
  });

  it('means today without asOf, like every other asOf: holdings Dahua sold are gone, and back on a 2020 date', async () => {
    const holdings = async (asOf: string) => {
      const result = await server().graphql<{ ownershipChain: Chain }>(
        `{ ownershipChain(id: "dahua", direction: DOWN${asOf}) { paths { end { id } } } }`,
      );
      expect(result.errors).toBeUndefined();
      return result.data!.ownershipChain.paths.map((path) => path.end.id);
    };
    const today = await holdings('');
    expect(today).not.toContain('dahua-technology-usa');
    expect(today).not.toContain('lorex-technology');
    expect(await holdings(', asOf: "2020-06-01"')).toEqual(
      expect.arrayContaining(['dahua-technology-usa', 'lorex-technology']),
    );
  });

  it('stops at a cycle and says so', async () => {
    await db().write(`
      MERGE (a:Node:Company:Party:Entity {id: 'test-cycle-a'}) SET a.name = 'Cycle A', a.sources = ['src-test']
      MERGE (b:Node:Company:Party:Entity {id: 'test-cycle-b'}) SET b.name = 'Cycle B', b.sources = ['src-test']
      MERGE (a)-[:OWNS {id: 'test-cycle-ab', percent: 50.0, sources: ['src-test']}]->(b)
      MERGE (b)-[:OWNS {id: 'test-cycle-ba', percent: 40.0, sources: ['src-test']}]->(a)`);
    try {
      const result = await server().graphql<{ ownershipChain: Chain }>(
        `{ ownershipChain(id: "test-cycle-a", maxDepth: 10) { paths { effectivePercent end { id } } cyclesFound } }`,
      );
      const chain = result.data!.ownershipChain;
      expect(chain.cyclesFound).toBe(true);
      expect(chain.paths).toEqual([{ effectivePercent: 40, end: { id: 'test-cycle-b' } }]);
    } finally {
      await db().write("MATCH (n:Node) WHERE n.id STARTS WITH 'test-cycle-' DETACH DELETE n");
    }
  });

  it('filters by minPercent and goes down as well as up', async () => {
    const result = await server().graphql<{ ownershipChain: Chain }>(
      `{ ownershipChain(id: "hikvision", direction: DOWN, minPercent: 50) { paths { effectivePercent end { id } } } }`,
    );
    const ends = result.data!.ownershipChain.paths.map((path) => path.end.id);
    expect(ends).toContain('hikrobot');
    const bad = await server().graphql(
      `{ ownershipChain(id: "hikvision", minPercent: 150) { cyclesFound } }`,
    );
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('neighborhood', () => {
  it('returns nodes and labelled edges ready to draw, with restricted parties marked', async () => {
    const result = await server().graphql<{
      neighborhood: {
        nodes: { id: string; kind: string; restricted: boolean }[];
        edges: { source: string; target: string; type: string; label: string }[];
        truncated: boolean;
      };
    }>(
      `{ neighborhood(id: "ezviz-network", depth: 1) { nodes { id kind restricted } edges { id source target type label } truncated } }`,
    );
    const view = result.data!.neighborhood;
    const node = (id: string) => view.nodes.find((item) => item.id === id);
    expect(node('ezviz-network')).toMatchObject({ kind: 'COMPANY', restricted: true });
    expect(node('hikvision')).toMatchObject({ restricted: true });
    expect(node('brand-ezviz')).toMatchObject({ kind: 'BRAND' });
    const ids = new Set(view.nodes.map((item) => item.id));
    for (const edge of view.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    }
    expect(view.edges.find((edge) => edge.type === 'OWNS' && edge.target === 'ezviz-network')).toBeDefined();
    expect(view.edges.some((edge) => edge.type === 'DESIGNATED_ON' && edge.source === 'hikvision')).toBe(
      true,
    );
    expect(view.nodes.some((item) => item.kind === 'LIST')).toBe(true);
    expect(view.truncated).toBe(false);
  });

  it('cuts the view at the limit and says so', async () => {
    const result = await server().graphql<{ neighborhood: { nodes: unknown[]; truncated: boolean } }>(
      `{ neighborhood(id: "ofac-ns-cmic-list", limit: 5) { nodes { id } truncated } }`,
    );
    expect(result.data!.neighborhood.truncated).toBe(true);
  });
});
