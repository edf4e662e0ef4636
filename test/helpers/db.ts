import { inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { seedGraph } from '../../src/records/seed-graph.js';

/** Connects to the test run's Neo4j (started in test/global-setup.ts). */
export function openTestDatabase(): Promise<Database> {
  return openDatabase({ ...loadConfig(), neo4jUri: inject('neo4jUri') });
}

export async function wipe(db: Database): Promise<void> {
  await db.write('MATCH (n) DETACH DELETE n');
}

/** An empty graph with the real seed data loaded. */
export async function reseed(db: Database): Promise<void> {
  await wipe(db);
  await seedGraph(db);
}
