import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/local-neo4j/local-neo4j.js';
import { seedGraph } from '../../src/records/seed-graph.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * A Neo4j of this test's own, so it can be stopped and started again under a running service.
 */
let dataDir: string;
let neo4j: LocalNeo4j;
let port: number;
let db: Database;
let server: TestServer;

async function startNeo4j(): Promise<LocalNeo4j> {
  return startLocalNeo4j({ dataDir, port, heap: '512m', log: () => {} });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'restricted-graph-outage-'));
  port = 0;
  neo4j = await startNeo4j();
  port = Number(new URL(neo4j.uri).port);
  db = await openDatabase({ ...loadConfig(), neo4jUri: neo4j.uri });
  await seedGraph(db);
  server = await startTestServer(db);
});

afterAll(async () => {
  await server?.close();
  await db?.close();
  await neo4j?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const health = async () => {
  const response = await fetch(`${server.url}/health`);
  return { status: response.status, body: (await response.json()) as { database: Record<string, unknown> } };
};

describe('health and database outages', () => {
  it('reports Neo4j 5.x Community as reachable', async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.database).toMatchObject({ reachable: true, edition: 'community' });
    expect(String(body.database.version)).toMatch(/^5\.\d+/);
  });

  it('answers 503 and DATABASE_UNAVAILABLE while the database is down, and recovers without a restart', async () => {
    await neo4j.stop();
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body.database.reachable).toBe(false);
    const failed = await server.graphql('{ explainRestrictions(id: "hikvision") { restricted } }');
    expect(failed.errors![0]!.extensions!.code).toBe('DATABASE_UNAVAILABLE');
    expect(JSON.stringify(failed)).not.toMatch(/at .*\.js|Neo4jError|bolt:\/\//);

    neo4j = await startNeo4j();
    // /health gives the database under a second, and a freshly started one may need a few tries to answer that
    // fast on a busy machine: wait for it, with a generous bound.
    let up = await health();
    for (const started = Date.now(); up.status !== 200 && Date.now() - started < 60_000;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      up = await health();
    }
    expect(up.status).toBe(200);
    const recovered = await server.graphql<{ explainRestrictions: { restricted: boolean } }>(
      '{ explainRestrictions(id: "hikvision") { restricted } }',
    );
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data!.explainRestrictions.restricted).toBe(true);
    // Stopping and starting a JVM takes well over a minute on a busy 2-core machine.
  }, 240_000);
});
