import { describe, expect, it } from 'vitest';
import { useSeededServer } from '../helpers/seeded-server.js';

const context = useSeededServer();
const server = () => context.server();
const db = () => context.db();

/** Runs a query and tells how many Cypher round trips it cost. */
async function roundTrips(query: string) {
  const before = db().queryCount;
  const result = await server().graphql(query);
  return { result, trips: db().queryCount - before };
}

describe('limits checked before any Cypher runs', () => {
  it('rejects a depth bomb without touching the database', async () => {
    let nested = 'id';
    for (let i = 0; i < 20; i++) nested = `owners { entity { ${nested} } }`;
    const { result, trips } = await roundTrips(`{ entity(id: "hikvision") { ${nested} } }`);
    expect(result.errors![0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(result.errors![0]!.message).toMatch(/depth/i);
    expect(result.data).toBeUndefined();
    expect(trips).toBe(0);
  });

  it('rejects an alias flood without touching the database', async () => {
    const aliases = Array.from(
      { length: 50 },
      (_, i) => `a${i}: explainRestrictions(id: "hikvision") { restricted }`,
    );
    const { result, trips } = await roundTrips(`{ ${aliases.join(' ')} }`);
    expect(result.errors![0]!.message).toMatch(/alias/i);
    expect(result.errors![0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(trips).toBe(0);
  });

  it('rejects an out-of-range page size and an unknown enum with BAD_USER_INPUT-style errors', async () => {
    const page = await server().graphql('{ search(query: "hikvision", first: 1000) { totalCount } }');
    expect(page.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(page.errors![0]!.message).toMatch(/first/);
    const kind = await server().graphql('{ search(query: "hikvision", kinds: [SPACESHIP]) { totalCount } }');
    expect(kind.errors![0]!.message).toMatch(/SPACESHIP/);
  });
});

describe('batching', () => {
  it('costs one round trip per nesting level, however many parents there are', async () => {
    const { result, trips } = await roundTrips(`{
      lists {
        members {
          party {
            designations { list { name } }
          }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const lists = (result.data as { lists: { members: unknown[] }[] }).lists;
    const members = lists.reduce((sum, list) => sum + list.members.length, 0);
    expect(members).toBeGreaterThan(100);
    // lists, members, party, designations, list: five levels.
    expect(trips).toBeLessThanOrEqual(5);
  });

  it('marks every node of a graph view restricted or not with one batched explanation', async () => {
    const plain = await roundTrips(`{ neighborhood(id: "hikvision", depth: 2) { nodes { id } } }`);
    const { result, trips } = await roundTrips(
      `{ neighborhood(id: "hikvision", depth: 2) { nodes { id kind restricted } } }`,
    );
    expect(result.errors).toBeUndefined();
    const nodes = (result.data as { neighborhood: { nodes: { id: string; restricted: boolean }[] } })
      .neighborhood.nodes;
    expect(nodes.length).toBeGreaterThan(20);
    expect(nodes.find((node) => node.id === 'brand-ezviz')?.restricted).toBe(true);
    expect(nodes.find((node) => node.id === 'sasac')?.restricted).toBe(false);
    // Paths, designations, product ties, measures and names for all nodes at once: one query, not one per node.
    expect(trips - plain.trips).toBe(1);
  });

  it('explains an entity, measures, lists and path steps named, in one round trip', async () => {
    const { result, trips } = await roundTrips(`{
      explainRestrictions(id: "brand-ezviz") {
        restricted
        entity { name }
        restrictions {
          measure { name }
          list { name }
          listedEntity { name }
          path { steps { from { name } relation to { name } percent } }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const report = (
      result.data as {
        explainRestrictions: {
          restricted: boolean;
          restrictions: { listedEntity: { name: string }; path: { steps: unknown[] } }[];
        };
      }
    ).explainRestrictions;
    expect(report.restricted).toBe(true);
    expect(report.restrictions.some((restriction) => restriction.path.steps.length > 0)).toBe(true);
    expect(trips).toBe(1);
  });

  it('answers an ownership chain, with the names at both ends of every step, in one round trip', async () => {
    const { result, trips } = await roundTrips(`{
      ownershipChain(id: "hikvision", maxDepth: 4) {
        ultimateOwners { name }
        paths { effectivePercent steps { from { name } to { name } percent } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const chain = (result.data as { ownershipChain: { paths: { steps: { to: { name: string } }[] }[] } })
      .ownershipChain;
    expect(chain.paths.length).toBeGreaterThan(0);
    expect(chain.paths.flatMap((path) => path.steps.map((step) => step.to.name))).toContain(
      'China Electronics Technology Group Corporation',
    );
    expect(trips).toBe(1);
  });

  it('still names an unknown entity when the answer costs one query', async () => {
    const explained = await server().graphql('{ explainRestrictions(id: "no-such-entity") { restricted } }');
    expect(explained.errors![0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const chain = await server().graphql(
      '{ ownershipChain(id: "no-such-entity") { paths { effectivePercent } } }',
    );
    expect(chain.errors![0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('loads sources of nested relations in one round trip per level', async () => {
    const { result, trips } = await roundTrips(`{
      entity(id: "hikrobot") {
        owners { entity { owners { entity { name } sources { url } } } sources { url } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    // entity, owners, owners of owners, sources (both levels' sources come in the same batch or the next one).
    expect(trips).toBeLessThanOrEqual(5);
  });
});
