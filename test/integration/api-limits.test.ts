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
    // Paths, designations, product ties, measures and names for all nodes at once: five queries, not five per node.
    expect(trips - plain.trips).toBeLessThanOrEqual(5);
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
