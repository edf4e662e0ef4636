import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { reseed } from '../helpers/db.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * The service as it runs against a cluster or Aura: through the routing scheme (neo4j://), which asks the server
 * for a routing table and sends reads to readers and writes to the leader. Against the test's single Neo4j the
 * table names that one server for both; what can be checked here is that the service works through it, and that
 * queries go out as read transactions (which a cluster routes to followers) and mutations as write ones.
 */
const EDITOR_KEY = 'routing-editor-key-0123';
let db: Database;
let server: TestServer;
const modes: string[] = [];

beforeAll(async () => {
  const bolt = new URL(inject('neo4jUri'));
  const routing = `neo4j://${bolt.host}`;
  const config = loadConfig({ ...process.env, NEO4J_URI: routing, API_KEYS: `${EDITOR_KEY}:editor:router` });
  db = await openDatabase(config);
  await reseed(db);
  db.observe(({ mode }) => modes.push(mode));
  server = await startTestServer(db, { config });
});

afterAll(async () => {
  await db.write("MATCH (n {id: 'routing-fixture'}) DETACH DELETE n");
  await db.write("MATCH (c:ChangeRecord {targetId: 'routing-fixture'}) DETACH DELETE c");
  await server?.close();
  await db?.close();
});

async function post(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR_KEY}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

describe('NEO4J_URI with the routing scheme (neo4j://)', () => {
  it('connects through a routing table that names the server for reads, writes and routing', async () => {
    // One server holds every role. (A standalone server names its advertised address here, localhost:7687 by
    // default; the driver, having reached it at another address, keeps using that one.)
    const info = await db.driver.getServerInfo({ database: db.name });
    const [table] = await db.read<{ servers: { role: string; addresses: string[] }[] }>(
      'CALL dbms.routing.getRoutingTable({}, $database) YIELD servers RETURN servers',
      { database: db.name },
    );
    const roles = Object.fromEntries(table!.servers.map((server) => [server.role, server.addresses]));
    expect(Object.keys(roles).sort()).toEqual(['READ', 'ROUTE', 'WRITE']);
    for (const addresses of Object.values(roles)) expect(addresses).toHaveLength(1);
    expect(info.protocolVersion).toBeDefined();
  });

  it('answers a question through read transactions only', async () => {
    modes.length = 0;
    const answer = await post('{ explainRestrictions(id: "hikrobot", asOf: "2025-10-15") { restricted } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ explainRestrictions: { restricted: true } });
    expect(modes.length).toBeGreaterThan(0);
    expect(new Set(modes)).toEqual(new Set(['READ']));
  });

  it('writes a curator change through a write transaction, and reads it back', async () => {
    modes.length = 0;
    const written = await post(
      `mutation($input: EntityInput!) { upsertEntity(input: $input) { targetId } }`,
      {
        input: {
          id: 'routing-fixture',
          kind: 'COMPANY',
          name: 'Routing Fixture Co., Ltd.',
          sources: ['src-siw-2020-11-13'],
          reason: 'Checks writes through the routing scheme',
        },
      },
    );
    expect(written.errors).toBeUndefined();
    expect(modes).toContain('WRITE');
    const read = await post('{ entity(id: "routing-fixture") { name } }');
    expect(read.data).toEqual({ entity: { name: 'Routing Fixture Co., Ltd.' } });
  });
});
