import { describe, expect, it } from 'vitest';
import { useSeededServer } from '../helpers/seeded-server.js';

const context = useSeededServer();
const server = () => context.server();

type Step = { from: { id: string }; to: { id: string }; relation: string; type: string; label: string };

describe('the words the API serves', () => {
  it('labels each path step both ways, with the relationship type it walks', async () => {
    const result = await server().graphql<{
      explainRestrictions: { restrictions: { path: { steps: (Step & { reverseLabel: string })[] } }[] };
    }>(
      `{ explainRestrictions(id: "brand-ezviz", asOf: "2024-01-01") {
          restrictions { path { steps { from { id } to { id } relation type label reverseLabel } } } } }`,
    );
    const steps = result.data!.explainRestrictions.restrictions.flatMap((r) => r.path.steps);
    expect(steps).toContainEqual({
      from: { id: 'brand-ezviz' },
      to: { id: 'ezviz-network' },
      relation: 'BRAND_OF',
      type: 'BRAND_OF',
      label: 'brand of',
      reverseLabel: 'owns the brand',
    });
    expect(
      steps.find((step) => step.from.id === 'ezviz-network' && step.type === 'SUBSIDIARY_OF'),
    ).toMatchObject({ relation: 'SUBSIDIARY_OF', label: 'subsidiary of', reverseLabel: 'parent of' });
  });

  it("labels an entity's relations as they read from it", async () => {
    type Labelled = { label: string; entity: { id: string } }[];
    const result = await server().graphql<{
      entity: { owners: Labelled; subsidiaries: Labelled; brands: Labelled };
      brand: { brandOwners: Labelled };
    }>(
      `{ entity(id: "hikvision") { owners { label entity { id } } subsidiaries { label entity { id } } brands { label entity { id } } }
         brand: entity(id: "brand-ezviz") { brandOwners { label entity { id } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const { entity, brand } = result.data!;
    expect(entity.owners).toContainEqual({ label: 'owned by', entity: { id: 'cethik' } });
    expect(entity.subsidiaries).toContainEqual({ label: 'owns', entity: { id: 'hikrobot' } });
    expect(brand.brandOwners).toContainEqual({ label: 'brand of', entity: { id: 'ezviz-network' } });
    for (const relation of entity.brands) expect(relation.label).toBe('owns the brand');
  });

  it('labels neighbourhood edges from source to target and says which point up the hierarchy', async () => {
    const result = await server().graphql<{
      neighborhood: {
        edges: {
          source: string;
          target: string;
          type: string;
          label: string;
          pointsUp: boolean;
          percent: number | null;
        }[];
      };
    }>(
      `{ neighborhood(id: "ezviz-network", depth: 1) { edges { source target type label pointsUp percent } } }`,
    );
    const edges = result.data!.neighborhood.edges;
    const owns = edges.filter((edge) => edge.type === 'OWNS');
    expect(owns.some((edge) => edge.percent !== null)).toBe(true);
    for (const edge of owns) {
      expect(edge).toMatchObject({
        label: edge.percent === null ? 'owns' : `owns ${edge.percent} %`,
        pointsUp: false,
      });
    }
    expect(edges.find((edge) => edge.type === 'BRAND_OF')).toMatchObject({
      label: 'brand of',
      pointsUp: true,
    });
    expect(edges.find((edge) => edge.type === 'DESIGNATED_ON')).toMatchObject({ pointsUp: true });
  });

  it('names every kind and brand relation, and says which kinds are entities', async () => {
    const result = await server().graphql<{
      vocabulary: {
        kinds: { kind: string; label: string; entity: boolean }[];
        brandRelations: { relation: string; label: string }[];
      };
    }>(`{ vocabulary { kinds { kind label entity } brandRelations { relation label } } }`);
    const { kinds, brandRelations } = result.data!.vocabulary;
    expect(kinds).toContainEqual({ kind: 'GOVERNMENT_BODY', label: 'Government body', entity: true });
    expect(kinds).toContainEqual({ kind: 'LIST', label: 'List', entity: false });
    expect(kinds).toHaveLength(7);
    expect(brandRelations).toContainEqual({ relation: 'SUBSIDIARY_BRAND', label: "subsidiary's brand" });
  });

  it('names the identifier schemes the graph holds and screening matches on', async () => {
    const result = await server().graphql<{ vocabulary: { identifierSchemes: string[] } }>(
      '{ vocabulary { identifierSchemes } }',
    );
    const schemes = result.data!.vocabulary.identifierSchemes;
    expect(schemes).toEqual(expect.arrayContaining(['LEI', 'USCC', 'ISIN', 'TICKER', 'CSL']));
    // Screening matches on them: Hikvision's USCC finds Hikvision.
    const screened = await server().graphql<{ screenEntries: { matches: { entity: { id: string } }[] }[] }>(
      `{ screenEntries(entries: [{ identifiers: [{ scheme: "USCC", value: "91330000733796106P" }] }]) { matches { entity { id } } } }`,
    );
    expect(screened.data!.screenEntries[0]!.matches.map((match) => match.entity.id)).toEqual(['hikvision']);
  });
});
