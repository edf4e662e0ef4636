import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { formatCounts } from '../db/graph-counts.js';
import { ensureSchema } from '../db/schema-setup.js';
import { seedGraph } from '../seed/seed-graph.js';
import { createServer } from './create-server.js';
import { waitForSignal } from './signals.js';

const IS_EMPTY = 'MATCH (n:Node) RETURN count(n) = 0 AS empty';

/**
 * Starts (or joins) Neo4j, creates the schema, seeds an empty database, and serves until SIGINT/SIGTERM.
 */
export async function runService(): Promise<void> {
  const config = loadConfig();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const db = await openDatabase(config, log);
  await ensureSchema(db);
  const [state] = await db.read<{ empty: boolean }>(IS_EMPTY);
  if (state?.empty) {
    log('The database is empty; loading the seed data...');
    log(formatCounts(await seedGraph(db)));
  }
  const server = createServer(db);
  await new Promise<void>((resolve) => server.listen(config.port, resolve));
  log(`API and GraphiQL: http://localhost:${config.port}/graphql`);
  log(`Explorer:         http://localhost:${config.port}/`);
  log(`Health:           http://localhost:${config.port}/health`);
  await waitForSignal();
  log('Stopping...');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.close();
}
