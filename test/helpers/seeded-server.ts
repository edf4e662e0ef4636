import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase, reseed } from './db.js';
import { startTestServer, type TestServer } from './server.js';

/**
 * Registers hooks that load the real seed data and start the real HTTP service for a test file. Returns getters,
 * since both exist only once the hooks have run.
 */
export function useSeededServer(): { db: () => Database; server: () => TestServer } {
  let db: Database | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    db = await openTestDatabase();
    await reseed(db);
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });
  return { db: () => db!, server: () => server! };
}
