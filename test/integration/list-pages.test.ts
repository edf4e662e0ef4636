import { describe, expect, it } from 'vitest';
import { useSeededServer } from '../helpers/seeded-server.js';

const context = useSeededServer();
const server = () => context.server();

interface Page {
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: { cursor: string; node: { id: string } }[];
}

const PAGE = `query($first: Int, $after: String, $asOf: Date) {
  list(id: "dod-1260h-list") {
    members(asOf: $asOf) { id }
    memberConnection(asOf: $asOf, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }
    }
  }
}`;

async function page(variables: Record<string, unknown>) {
  const result = await server().graphql<{ list: { members: { id: string }[]; memberConnection: Page } }>(
    PAGE,
    variables,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.list;
}

describe("a list's designations, a page at a time", () => {
  it('pages through the same designations as members, in the same order, with no gap or repeat', async () => {
    const first = await page({ first: 10, asOf: '2026-12-01' });
    expect(first.memberConnection.totalCount).toBe(first.members.length);
    expect(first.members.length).toBeGreaterThan(20);
    const seen: string[] = [];
    let after: string | null = null;
    let hasPrevious = false;
    for (let pages = 0; pages < 50; pages += 1) {
      const { memberConnection: connection }: { memberConnection: Page } = await page({
        first: 10,
        after,
        asOf: '2026-12-01',
      });
      expect(connection.pageInfo.hasPreviousPage).toBe(hasPrevious);
      expect(connection.pageInfo.startCursor).toBe(connection.edges[0]?.cursor ?? null);
      seen.push(...connection.edges.map((edge) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
      hasPrevious = true;
    }
    expect(seen).toEqual(first.members.map((member) => member.id));
  });

  it('refuses a page size out of range and a cursor it did not give, naming the argument', async () => {
    const big = await server().graphql(PAGE, { first: 501 });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    const forged = await server().graphql(PAGE, { after: 'not-a-cursor' });
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});
