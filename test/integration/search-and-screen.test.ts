import { describe, expect, it } from 'vitest';
import { useSeededServer } from '../helpers/seeded-server.js';

const context = useSeededServer();
const server = () => context.server();

type Search = {
  totalCount: number;
  edges: { score: number; cursor: string; node: { id: string; kind: string } }[];
};

async function search(query: string, extra = ''): Promise<Search> {
  const result = await server().graphql<{ search: Search }>(
    `query Q($query: String!) { search(query: $query${extra}) { totalCount edges { score cursor node { id kind } } } }`,
    { query },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.search;
}

describe('search', () => {
  it.each([
    ['a typo', 'hikvison', 'hikvision'],
    ['a long legal name with suffixes', 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD', 'hikvision'],
    ['a Chinese name', '海康威视', 'hikvision'],
    ['punctuation', 'Huawei Technologies Co., Ltd.', 'huawei'],
    ['a misspelt two-word name', 'Dahau Technology', 'dahua'],
  ])('finds the right company from %s', async (_, query, id) => {
    const result = await search(query);
    expect(result.edges[0]!.node.id).toBe(id);
    expect(result.edges[0]!.score).toBeGreaterThan(0.9);
  });

  it('marks as weak the matches below the review threshold, which screening would not report', async () => {
    const weak = async (query: string) => {
      const result = await server().graphql<{ search: { edges: { score: number; weak: boolean }[] } }>(
        `query Q($query: String!) { search(query: $query) { edges { score weak } } }`,
        { query },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.search.edges;
    };
    const [strong] = await weak('hikvison');
    expect(strong).toMatchObject({ weak: false });
    const loose = await weak('China Tech');
    expect(loose.length).toBeGreaterThan(0);
    // The service's default review threshold (SCREEN_REVIEW_THRESHOLD) is 0.75.
    for (const edge of loose) expect(edge.weak).toBe(edge.score < 0.75);
    expect(loose.some((edge) => edge.weak)).toBe(true);
  });

  it('filters by kind and pages with cursors', async () => {
    const brands = await search('ezviz', ', kinds: [BRAND]');
    expect(brands.edges.map((edge) => edge.node.kind)).toEqual(['BRAND']);
    const first = await search('china', ', first: 2');
    expect(first.edges).toHaveLength(2);
    expect(first.totalCount).toBeGreaterThan(2);
    const next = await server().graphql<{ search: Search }>(
      `query Q($after: String) { search(query: "china", first: 2, after: $after) { edges { node { id } } } }`,
      { after: first.edges[1]!.cursor },
    );
    const nextIds = next.data!.search.edges.map((edge) => edge.node.id);
    expect(nextIds).toHaveLength(2);
    expect(nextIds).not.toContain(first.edges[0]!.node.id);
  });

  it.each(['") OR 1=1 //', '*', '~~~', 'name:hikvision AND', '\\', '[', '" OR "', 'NOT', '((((', '/.*/', ''])(
    'survives the hostile string %j',
    async (query) => {
      const result = await server().graphql(
        `query Q($query: String!) { search(query: $query) { totalCount } }`,
        { query },
      );
      expect(result.errors).toBeUndefined();
    },
  );

  it('refuses an over-long query with BAD_USER_INPUT', async () => {
    const result = await server().graphql(
      `query Q($query: String!) { search(query: $query) { totalCount } }`,
      {
        query: 'x'.repeat(501),
      },
    );
    expect(result.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('screen', () => {
  const SCREEN = `query S($names: [String!]!) {
    screen(names: $names, asOf: "2026-11-25") { input matches { entity { id } score restricted restrictions { measure { id } } } }
  }`;
  type Screen = {
    input: string;
    matches: { entity: { id: string }; score: number; restricted: boolean }[];
  }[];

  it('matches restricted names, misspelt ones included, and returns nothing for unrelated names', async () => {
    const names = [
      'Hikvision',
      'dahau technology',
      'ZTE Corp',
      'Siemens AG',
      'Acme Widgets Inc',
      'Axis Communications AB',
    ];
    const result = await server().graphql<{ screen: Screen }>(SCREEN, { names });
    expect(result.errors).toBeUndefined();
    const byInput = new Map(result.data!.screen.map((row) => [row.input, row.matches]));
    expect(byInput.get('Hikvision')![0]).toMatchObject({ entity: { id: 'hikvision' }, restricted: true });
    expect(byInput.get('dahau technology')![0]).toMatchObject({ entity: { id: 'dahua' }, restricted: true });
    expect(byInput.get('ZTE Corp')![0]!.entity.id).toBe('zte');
    for (const unrelated of ['Siemens AG', 'Acme Widgets Inc', 'Axis Communications AB']) {
      expect(byInput.get(unrelated)).toEqual([]);
    }
    for (const row of result.data!.screen)
      for (const match of row.matches) expect(match.score).toBeLessThanOrEqual(1);
  });

  it('refuses more than 500 names', async () => {
    const result = await server().graphql(SCREEN, {
      names: Array.from({ length: 501 }, (_, i) => `name ${i}`),
    });
    expect(result.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});
