import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { prepareGraph } from '../records/prepare-graph.js';
import { createServer } from './create-server.js';
import { waitForSignal } from './signals.js';
import { warmUp } from './warm-up.js';

/**
 * Starts (or joins) Neo4j, creates the schema, seeds an empty database, and serves until SIGINT/SIGTERM.
 */
export async function runService(): Promise<void> {
  const config = loadConfig();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const db = await openDatabase(config, log);
  await prepareGraph(db, log);
  const server = createServer(db, config);
  await warmUp(server.graphql, log);
  await new Promise<void>((resolve) => server.listen(config.port, resolve));
  log(`API and GraphiQL: http://localhost:${config.port}/graphql`);
  log(`Explorer:         http://localhost:${config.port}/`);
  log(`Health:           http://localhost:${config.port}/health`);
  await waitForSignal();
  log('Stopping...');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.close();
}
