import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { openTestDatabase, reseed } from '../helpers/db.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let db: Database;
let server: TestServer;
/** Every line the service logged, parsed. */
const lines: Record<string, unknown>[] = [];

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  db = await openTestDatabase();
  await reseed(db);
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  server = await startTestServer(db, {
    config: loadConfig({}),
    logger: createLogger({ logLevel: 'info' }, sink),
  });
});

afterAll(async () => {
  delete process.env.API_READS;
  await server?.close();
  await db?.close();
});

describe('operations', () => {
  it('logs one JSON line per request: request id, operation, status, duration, error codes, no stack for client errors', async () => {
    const ok = await post(
      { query: 'query Explain { explainRestrictions(id: "hikvision") { restricted } }' },
      { 'x-request-id': 'trace-42' },
    );
    expect(ok.headers.get('x-request-id')).toBe('trace-42');
    await post({
      query:
        'query Missing { entity(id: "no-such-id") { id } explainRestrictions(id: "no-such-id") { restricted } }',
    });
    await expect.poll(() => lines.length).toBeGreaterThanOrEqual(2);
    const explain = lines.find((line) => line.reqId === 'trace-42')!;
    expect(explain).toMatchObject({
      level: 'info',
      msg: 'request',
      operation: 'Explain',
      status: 200,
      method: 'POST',
    });
    expect(explain.durationMs).toBeTypeOf('number');
    expect(explain.errorCodes).toBeUndefined();
    const missing = lines.find((line) => line.operation === 'Missing')!;
    expect(missing).toMatchObject({ level: 'info', errorCodes: ['NOT_FOUND'] });
    expect(missing.reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(missing)).not.toMatch(/stack|\.ts:\d+/);
  });

  it('serves Prometheus metrics: requests, errors by code, latency per operation, Neo4j latency and pool use', async () => {
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(
      /^graphql_errors_total\{code="NOT_FOUND",phase="execute",operationName="Missing"\} [1-9]/m,
    );
    expect(text).toMatch(
      /^graphql_envelop_request_duration_count\{operationName="Explain",operationType="query"\} [1-9]/m,
    );
    expect(text).toMatch(/^graphql_yoga_http_duration_count\{.*operationName="Explain".*\} [1-9]/m);
    expect(text).toMatch(/^neo4j_transaction_duration_seconds_count\{mode="read",outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^neo4j_pool_connections_in_use 0$/m);
    expect(text).toMatch(/^neo4j_pool_connections_max 100$/m);
  });

  it('reads its configuration once, at start: a changed environment does not change a running server', async () => {
    process.env.API_READS = 'key';
    const response = await post({ query: '{ entity(id: "hikvision") { name } }' });
    expect(((await response.json()) as { data: unknown }).data).toEqual({
      entity: { name: 'Hangzhou Hikvision Digital Technology Co., Ltd.' },
    });
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of fatal, error/);
  });

  it('tells clients the query limits in development but not in production', async () => {
    const deep = `{ ${'entity(id: "hikvision") { subsidiaries { entity { '.repeat(4)}id${' } } }'.repeat(4)} }`;
    const production = await startTestServer(db, { config: loadConfig({ NODE_ENV: 'production' }) });
    try {
      const hidden = await production.graphql(deep);
      const shown = await server.graphql(deep);
      expect(shown.errors![0]!.message).toMatch(/depth limit of 12/i);
      expect(hidden.errors![0]).toMatchObject({
        message: 'Syntax Error: Query validation error.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    } finally {
      await production.close();
    }
  });
});
