import { describe, expect, it } from 'vitest';
import { useSeededServer } from '../helpers/seeded-server.js';

const context = useSeededServer();
const server = () => context.server();

interface Explained {
  basis: string;
  rule: string;
  listedEntity: { id: string };
  measure: { id: string };
  path: { steps: { from: { id: string }; relation: string; to: { id: string } }[] };
}
interface Reach {
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: { cursor: string; node: { id: string }; restriction: Explained }[];
}

const RESTRICTION =
  'basis rule listedEntity { id } measure { id } path { steps { from { id } relation to { id } } }';
const reach = async (args: string) => {
  const result = await server().graphql<{ reach: Reach }>(
    `{ reach(${args}) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
       edges { cursor node { id } restriction { ${RESTRICTION} } } } }`,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.reach;
};

describe('reach', () => {
  it('finds everyone the BIS affiliates rule reaches on 2025-10-15, Hikrobot included, explained as explainRestrictions explains it', async () => {
    const answer = await reach('measureId: "bis-affiliates-rule", asOf: "2025-10-15", first: 100');
    expect(answer.totalCount).toBe(answer.edges.length);
    const hikrobot = answer.edges.find((edge) => edge.node.id === 'hikrobot');
    expect(hikrobot?.restriction).toMatchObject({
      basis: 'OWNERSHIP_THRESHOLD',
      measure: { id: 'bis-affiliates-rule' },
    });
    expect(answer.edges.every((edge) => edge.restriction.measure.id === 'bis-affiliates-rule')).toBe(true);
    const explained = await server().graphql<{ explainRestrictions: { restrictions: Explained[] } }>(
      `{ explainRestrictions(id: "hikrobot", asOf: "2025-10-15") { restrictions { ${RESTRICTION} } } }`,
    );
    expect(
      explained.data!.explainRestrictions.restrictions.find((r) => r.measure.id === 'bis-affiliates-rule'),
    ).toEqual(hikrobot!.restriction);
  });

  it("says how much of the measure's list the graph holds, as the list's own coverage does", async () => {
    const result = await server().graphql<{
      reach: { coverage: { list: { id: string }; complete: boolean } };
      list: { coverage: { complete: boolean } };
    }>(
      `{ reach(measureId: "bis-affiliates-rule", asOf: "2025-10-15") { coverage { list { id } complete } }
         list(id: "bis-entity-list") { coverage { complete } } }`,
    );
    expect(result.errors).toBeUndefined();
    // The seeds hold the Entity List in part: an empty or short answer here is not "nobody else".
    expect(result.data!.reach.coverage).toEqual({ list: { id: 'bis-entity-list' }, complete: false });
    expect(result.data!.list.coverage.complete).toBe(false);
  });

  it('is empty on 2026-01-15, while the rule is suspended', async () => {
    const answer = await reach('measureId: "bis-affiliates-rule", asOf: "2026-01-15"');
    expect(answer).toMatchObject({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, startCursor: null },
    });
  });

  it('reaches only the listed parties under a named-only measure', async () => {
    const answer = await reach('measureId: "ns-cmic-securities-prohibition", asOf: "2025-10-15", first: 100');
    expect(answer.totalCount).toBeGreaterThan(0);
    expect(new Set(answer.edges.map((edge) => edge.restriction.basis))).toEqual(new Set(['DIRECT']));
  });

  it('pages with first/after and says where each page sits', async () => {
    const all = await reach('measureId: "s889-procurement-ban", asOf: "2025-10-15", first: 100');
    expect(all.totalCount).toBeGreaterThan(2);
    const first = await reach('measureId: "s889-procurement-ban", asOf: "2025-10-15", first: 2');
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.pageInfo.startCursor).toBe(first.edges[0]!.cursor);
    const second = await reach(
      `measureId: "s889-procurement-ban", asOf: "2025-10-15", first: 2, after: "${first.pageInfo.endCursor}"`,
    );
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    expect([...first.edges, ...second.edges].map((edge) => edge.node.id)).toEqual(
      all.edges.slice(0, 4).map((edge) => edge.node.id),
    );
  });

  it('names an unknown measure and a bad cursor', async () => {
    const unknown = await server().graphql('{ reach(measureId: "no-such-measure") { totalCount } }');
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const cursor = await server().graphql(
      '{ reach(measureId: "bis-affiliates-rule", after: "nonsense!") { totalCount } }',
    );
    expect(cursor.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});
