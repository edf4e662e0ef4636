import type { Database } from '../db/database.js';
import { formatCounts } from '../db/graph-counts.js';
import { ensureSchema } from '../db/schema-setup.js';
import { seedGraph } from './seed-graph.js';

const IS_EMPTY = 'MATCH (n:Node) RETURN count(n) = 0 AS empty';

/**
 * Makes a database ready to answer questions: the model's constraints and indexes, and the seed data when the
 * database holds nothing yet. The service and the CLI's query commands both start here, so a first
 * `npm run cli -- explain Ezviz` on a fresh machine answers just as `npm start` would.
 */
export async function prepareGraph(db: Database, log: (line: string) => void): Promise<void> {
  await ensureSchema(db);
  const [state] = await db.read<{ empty: boolean }>(IS_EMPTY);
  if (!state?.empty) return;
  log('The database is empty; loading the seed data...');
  log(formatCounts(await seedGraph(db)));
}
