import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSync } from '../../src/sync/run-sync.js';
import { useSeededServer } from '../helpers/seeded-server.js';

const context = useSeededServer();
const server = () => context.server();
const syncDir = fs.mkdtempSync(path.join(os.tmpdir(), 'restricted-graph-coverage-'));
afterAll(() => fs.rmSync(syncDir, { recursive: true, force: true }));

type Coverage = {
  list: { id: string };
  complete: boolean;
  asOf: string | null;
  entries: number;
  note: string | null;
  source: { url: string } | null;
};
const COVERAGE = 'list { id } complete asOf entries note source { url }';

async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await server().graphql<T>(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data as T;
}

describe('coverage', () => {
  it('every list answers coverage; a list whose coverage was never recorded is incomplete and says so', async () => {
    const { lists } = await data<{ lists: { id: string; coverage: Coverage }[] }>(
      `{ lists { id coverage { ${COVERAGE} } } }`,
    );
    expect(lists.length).toBeGreaterThan(3);
    for (const list of lists) {
      expect(list.coverage.list.id).toBe(list.id);
      expect(list.coverage.entries).toBeGreaterThanOrEqual(0);
      if (!list.coverage.complete) expect(list.coverage.note).toBeTruthy();
    }
    const entityList = lists.find((list) => list.id === 'bis-entity-list')?.coverage;
    // The seeds hold a handful of the Entity List's parties: never presented as complete.
    expect(entityList).toMatchObject({ complete: false });
    expect(entityList?.entries).toBeGreaterThanOrEqual(4);
  });

  it('explainRestrictions names the lists it judged against with their coverage', async () => {
    const { explainRestrictions: report } = await data<{
      explainRestrictions: { restricted: boolean; coverage: Coverage[] };
    }>(
      `{ explainRestrictions(id: "hikvision", asOf: "2026-12-01") { restricted coverage { ${COVERAGE} } } }`,
    );
    expect(report.restricted).toBe(true);
    const ids = report.coverage.map((item) => item.list.id);
    expect(ids).toEqual(expect.arrayContaining(['bis-entity-list', 'fcc-covered-list', 'ndaa-889-entities']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a synced list takes its date and source from its snapshot; a listing on a list without a measure is shown', async () => {
    await runSync(context.db(), {
      feed: 'csl',
      location: { file: path.resolve(import.meta.dirname, '../fixtures/sync/csl.csv') },
      folder: syncDir,
      limits: { timeoutMs: 60_000, maxBytes: 10_000_000 },
      now: new Date('2026-11-30T08:00:00Z'),
    });
    const { list } = await data<{ list: { coverage: Coverage; snapshots: { rows: number }[] } }>(
      `{ list(id: "ofac-sdn-list") { coverage { ${COVERAGE} } snapshots { rows } } }`,
    );
    expect(list.coverage).toMatchObject({
      complete: true,
      asOf: '2026-11-30',
      entries: 1,
      source: { url: 'https://www.trade.gov/consolidated-screening-list' },
    });
    expect(list.snapshots).toEqual([{ rows: 11 }]);

    const [party] = await context
      .db()
      .read<{ id: string }>(
        `MATCH (:Designation {id: 'csl-52291-listing'})-[:DESIGNATES]->(p) RETURN p.id AS id`,
      );
    const { explainRestrictions: report } = await data<{
      explainRestrictions: {
        restricted: boolean;
        listedWithoutMeasure: { list: { id: string } }[];
        coverage: Coverage[];
      };
    }>(
      `query ($id: ID!) { explainRestrictions(id: $id, asOf: "2026-12-01") {
         restricted listedWithoutMeasure { list { id } } coverage { ${COVERAGE} } } }`,
      { id: party?.id },
    );
    // The SDN list carries no modelled measure: designated, not restricted, and the listing does not vanish.
    expect(report.restricted).toBe(false);
    expect(report.listedWithoutMeasure).toEqual([{ list: { id: 'ofac-sdn-list' } }]);
    expect(report.coverage.find((item) => item.list.id === 'ofac-sdn-list')).toMatchObject({
      complete: true,
    });
  });
});

describe('listingChanges', () => {
  type Page = {
    listingChanges: {
      totalCount: number;
      pageInfo: {
        hasNextPage: boolean;
        hasPreviousPage: boolean;
        startCursor: string | null;
        endCursor: string | null;
      };
      edges: {
        node: { kind: string; on: string; party: { id: string }; list: { id: string }; fields: string[] };
      }[];
    };
  };
  const FEED = `query ($since: Date, $until: Date, $lists: [ID!], $first: Int, $after: String) {
    listingChanges(since: $since, until: $until, lists: $lists, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { kind on party { id } list { id } fields snapshot { id } } }
    } }`;

  it('derives ADDED and REMOVED from seeded designations, pages through them, and filters by list and dates', async () => {
    const added = await data<Page>(FEED, {
      since: '2021-12-01',
      until: '2021-12-31',
      lists: ['ofac-ns-cmic-list'],
      first: 5,
    });
    const first = added.listingChanges;
    expect(first.edges[0]?.node).toMatchObject({
      kind: 'ADDED',
      on: '2021-12-10',
      party: { id: 'sensetime' },
      list: { id: 'ofac-ns-cmic-list' },
    });
    expect(first.edges).toHaveLength(5);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (
      await data<Page>(FEED, {
        since: '2021-12-01',
        until: '2021-12-31',
        lists: ['ofac-ns-cmic-list'],
        first: 100,
        after: first.pageInfo.endCursor,
      })
    ).listingChanges;
    expect(first.edges.length + rest.edges.length).toBe(first.totalCount);
    const parties = [...first.edges, ...rest.edges].map((edge) => edge.node.party.id);
    expect(parties).toEqual(expect.arrayContaining(['sensetime', 'cloudwalk', 'dji', 'megvii', 'yitu']));
    expect(new Set(parties).size).toBe(parties.length);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    // Relay's page info both ways (the feed's pages gave no previous page or start cursor before).
    expect(first.pageInfo).toMatchObject({ hasPreviousPage: false });
    expect(first.pageInfo.startCursor).toEqual(expect.any(String));
    expect(rest.pageInfo.hasPreviousPage).toBe(true);

    const removed = await data<Page>(FEED, {
      since: '2017-01-01',
      until: '2017-12-31',
      lists: ['bis-entity-list'],
    });
    expect(
      removed.listingChanges.edges.map((edge) => [edge.node.kind, edge.node.on, edge.node.party.id]),
    ).toEqual([
      ['REMOVED', '2017-03-29', 'zte'],
      ['REMOVED', '2017-03-29', 'zte-kangxun'],
    ]);
  });

  it('refuses a bad cursor and a since after until as bad input', async () => {
    const bad = await server().graphql(FEED, { after: 'nonsense!' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const backwards = await server().graphql(FEED, { since: '2026-01-02', until: '2026-01-01' });
    expect(backwards.errors?.[0]?.message).toMatch(/since/);
  });
});

describe('restrictionChanges', () => {
  it('reports the BIS affiliates rule lost for Hikrobot between 2025-10-15 and 2026-01-15 because it was suspended', async () => {
    const { restrictionChanges } = await data<{
      restrictionChanges: {
        entity: { id: string };
        lost: { cause: string; explanation: string | null; restriction: { measure: { id: string } } }[];
        gained: { cause: string }[];
      }[];
    }>(`{ restrictionChanges(ids: ["hikrobot"], from: "2025-10-15", to: "2026-01-15") {
          entity { id } gained { cause } lost { cause explanation restriction { measure { id } } } } }`);
    const [hikrobot] = restrictionChanges;
    expect(hikrobot?.entity.id).toBe('hikrobot');
    expect(hikrobot?.lost).toContainEqual(
      expect.objectContaining({
        cause: 'SUSPENDED',
        restriction: { measure: { id: 'bis-affiliates-rule' } },
      }),
    );
    expect(hikrobot?.lost.find((item) => item.cause === 'SUSPENDED')?.explanation).toMatch(/suspend/i);
  });

  it('refuses an unknown id and from after to', async () => {
    const unknown = await server().graphql(
      `{ restrictionChanges(ids: ["no-such-entity"], from: "2025-01-01", to: "2026-01-01") { entity { id } } }`,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const backwards = await server().graphql(
      `{ restrictionChanges(ids: ["hikrobot"], from: "2026-01-01", to: "2025-01-01") { entity { id } } }`,
    );
    expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
