import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { TimeLimitError } from '../../src/db/database.js';
import { loadConfig } from '../../src/config.js';
import { useSeededServer } from '../helpers/seeded-server.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const context = useSeededServer();
const server = () => context.server();
const db = () => context.db();

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  trips: number;
}

/** Posts a request and tells its HTTP status, its body and how many Cypher round trips it cost. */
async function post(
  query: string,
  variables?: Record<string, unknown>,
  to: TestServer = server(),
): Promise<Answer> {
  const before = db().queryCount;
  const response = await fetch(`${to.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as Answer['body'],
    trips: db().queryCount - before,
  };
}

// A client's mistake is not the operator's problem: nothing is logged as an unexpected error.
let logged: MockInstance;
beforeEach(() => {
  logged = vi.spyOn(console, 'error');
});
afterEach(() => {
  expect(logged).not.toHaveBeenCalled();
  logged.mockRestore();
});

describe('variables of the wrong type (D1)', () => {
  it.each([
    [
      'an Int given 1.5',
      'query($n: Int) { search(query: "hik", first: $n) { totalCount } }',
      { n: 1.5 },
      'n',
    ],
    [
      'an Int given 2^31',
      'query($n: Int) { search(query: "hik", first: $n) { totalCount } }',
      { n: 2 ** 31 },
      'n',
    ],
    ['an ID given true', 'query($id: ID!) { entity(id: $id) { name } }', { id: true }, 'id'],
    ['a required ID given null', 'query($id: ID!) { entity(id: $id) { name } }', { id: null }, 'id'],
    [
      'an enum given a number',
      'query($e: Evidence) { explainRestrictions(id: "hikvision", minEvidence: $e) { restricted } }',
      { e: 3 },
      'e',
    ],
    [
      'a list of strings given objects',
      'query($n: [String!]!) { screen(names: $n) { input } }',
      { n: [{}] },
      'n',
    ],
  ])('%s: HTTP 400, BAD_USER_INPUT naming the variable', async (_, query, variables, variable) => {
    const { status, body, trips } = await post(query, variables);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', variable });
    expect(body.errors?.[0]?.message).toContain(`"$${variable}"`);
    expect(trips).toBe(0);
  });
});

describe('strict Date and DateTime (D3)', () => {
  it.each([
    ['Date', '2021-02-30'],
    ['Date', '1'],
    ['DateTime', '2021-02-30T00:00:00Z'],
    ['DateTime', '1'],
    ['DateTime', 'March 7 2021'],
  ])('a %s variable refuses %j before any Cypher', async (type, value) => {
    const field =
      type === 'Date'
        ? 'explainRestrictions(id: "hikvision", asOf: $v) { restricted }'
        : 'changes(since: $v) { id }';
    const { status, body, trips } = await post(`query($v: ${type}) { ${field} }`, { v: value });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', variable: 'v' });
    expect(trips).toBe(0);
  });

  it.each([
    ['explainRestrictions(id: "hikvision", asOf: "2021-02-30") { restricted }', 'asOf'],
    ['changes(since: "March 7 2021") { id }', 'since'],
    ['changes(since: "2021-02-30T00:00:00Z") { id }', 'since'],
  ])('a literal %s is BAD_USER_INPUT naming the argument', async (field, argument) => {
    const { body, trips } = await post(`{ ${field} }`);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(body.errors?.[0]?.message).toMatch(new RegExp(`^${argument}: `));
    expect(trips).toBe(0);
  });

  it('still takes well-formed values', async () => {
    const { body } = await post('query($v: DateTime) { changes(since: $v) { id } }', {
      v: '2021-03-07T12:00:00+08:00',
    });
    expect(body.errors).toBeUndefined();
  });
});

describe('path bounds (D4)', () => {
  it.each([0, -1, 11])('maxDepth %d is refused before any Cypher', async (depth) => {
    for (const field of [
      `explainRestrictions(id: "hikvision", maxDepth: ${depth}) { restricted }`,
      `brandsLinkedTo(id: "hikvision", maxDepth: ${depth}) { brand { id } }`,
    ]) {
      const { body, trips } = await post(`{ ${field} }`);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'maxDepth' });
      expect(trips).toBe(0);
    }
  });

  it('maxDepth 1 and 10 answer', async () => {
    for (const depth of [1, 10]) {
      const { body } = await post(
        `{ explainRestrictions(id: "brand-ezviz", maxDepth: ${depth}) { restricted } }`,
      );
      expect(body.errors).toBeUndefined();
    }
  });

  it('a neighbourhood of depth 0 is the entity alone (the schema allows 0 to 4)', async () => {
    const { body } = await post('{ neighborhood(id: "hikvision", depth: 0) { nodes { id } } }');
    expect(body.errors).toBeUndefined();
    expect(
      (body.data as { neighborhood: { nodes: { id: string }[] } }).neighborhood.nodes.map((n) => n.id),
    ).toContain('hikvision');
  });
});

describe('GET parameters (D5)', () => {
  it.each([
    ['variables', 'notjson'],
    ['extensions', '{'],
    ['variables', '[1]'],
    ['extensions', '"text"'],
  ])('?%s=%s is HTTP 400 BAD_REQUEST naming the parameter', async (parameter, value) => {
    const url = new URL(`${server().url}/graphql`);
    url.searchParams.set('query', '{ stats { unsourcedFacts } }');
    url.searchParams.set(parameter, value);
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Answer['body'];
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST', parameter });
  });
});

describe('the request budget (D2)', () => {
  const names = (count: number) => Array.from({ length: count }, (_, i) => `Name ${i}`);

  it('refuses 15 aliased screens of 500 names before any Cypher', async () => {
    const fields = Array.from({ length: 15 }, (_, i) => `s${i}: screen(names: $names) { input }`);
    const { status, body, trips } = await post(`query($names: [String!]!) { ${fields.join(' ')} }`, {
      names: names(500),
    });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 500, items: 7500 });
    expect(trips).toBe(0);
  });

  it('counts literal lists, variables and fragments together', async () => {
    const literal = JSON.stringify(names(300));
    const { body, trips } = await post(
      `query($names: [String!]!) { a: screen(names: ${literal}) { input } ...more }
       fragment more on Query { b: screen(names: $names) { input } }`,
      { names: names(201) },
    );
    expect(body.errors?.[0]?.message).toMatch(/at most 500 list items.*passes 501/);
    expect(trips).toBe(0);
  });

  it('lets a request within the budget through', async () => {
    const { body } = await post(
      '{ a: screen(names: ["Hikvision"]) { input } b: screen(names: ["Dahua"]) { input } }',
    );
    expect(body.errors).toBeUndefined();
  });
});

describe('the per-request time limit', () => {
  it('ends the database work of a request that runs out of time', async () => {
    // A query that would run for minutes: Neo4j ends it at the limit, and nothing of it keeps running.
    const started = Date.now();
    const error = await db()
      .withTimeLimit(500)
      .read('UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 1 RETURN count(x) AS n')
      .catch((caught: unknown) => caught);
    expect((error as { code?: string }).code).toMatch(/TransactionTimedOut/);
    expect(Date.now() - started).toBeLessThan(20_000);
    const running = await db().read<{ query: string }>(
      "SHOW TRANSACTIONS YIELD currentQuery AS query WHERE query STARTS WITH 'UNWIND range(1, 2000000000)' RETURN query",
    );
    expect(running).toEqual([]);
  });

  it('starts no transaction once the time is spent, and the API says REQUEST_TIMEOUT with HTTP 503', async () => {
    const spent = db().withTimeLimit(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(spent.read('RETURN 1')).rejects.toBeInstanceOf(TimeLimitError);
    // A service whose every request has a time limit of 1 ms.
    const hurried = await startTestServer(db(), {
      config: loadConfig({ ...process.env, REQUEST_TIMEOUT_MS: '1' }),
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 5));
      // Two levels, two transactions: the first (one statement, a few ms) may finish inside Neo4j's coarse
      // timeout, but its 1 ms is then spent, so the second must not start.
      const { status, body } = await post(
        '{ explainRestrictions(id: "hikvision") { restricted entity { owners { entity { name } } } } }',
        {},
        hurried,
      );
      expect(status).toBe(503);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'REQUEST_TIMEOUT' });
      // The operator hears of a timeout (one line); it is the service's limit, not a client's mistake.
      logged.mockClear();
    } finally {
      await hurried.close();
    }
  });
});
