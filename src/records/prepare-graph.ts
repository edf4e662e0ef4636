import type { Database } from '../db/database.js';
import { formatCounts } from '../db/graph-counts.js';
import { READ_PREPARATION, RECORD_PREPARATION } from '../db/queries/preparation.cypher.js';
import { ensureSchema, schemaFingerprint } from '../db/schema-setup.js';
import { seedGraph, seedsFingerprint } from './seed-graph.js';

/**
 * Makes a database ready to answer questions: the model's constraints and indexes, and the seed data when the
 * database holds nothing yet. The service and the CLI's query commands both start here, so a first
 * `npm run cli -- explain Ezviz` on a fresh machine answers just as `npm start` would. With `trustRecorded` (the
 * CLI), a database recorded as prepared with the same schema and seeds costs one read, so a command on a running
 * Neo4j stays fast; the service checks the schema itself at every start, which also repairs a dropped index.
 *
 * Seeds are written into an empty database only: on a database in use, writing them again could bring back facts
 * a curator retracted, so a change of the seed files is reported and `npm run seed` left to the user.
 */
export async function prepareGraph(
  db: Database,
  log: (line: string) => void,
  { trustRecorded = false } = {},
): Promise<void> {
  const wanted = { schema: schemaFingerprint(), seeds: seedsFingerprint() };
  const [state] = await db.read<{ empty: boolean; schema: string | null; seeds: string | null }>(
    READ_PREPARATION,
  );
  const upToDate = state && !state.empty && state.schema === wanted.schema && state.seeds === wanted.seeds;
  if (upToDate && trustRecorded) return;
  if (state?.empty) {
    log('The database is empty; loading the seed data...');
    log(formatCounts(await seedGraph(db)));
    return;
  }
  await ensureSchema(db);
  if (upToDate) return;
  if (state?.seeds && state.seeds !== wanted.seeds) {
    log('The seed files changed since this database was seeded; `npm run seed` loads them.');
  }
  await db.write(RECORD_PREPARATION, { schema: wanted.schema, seeds: state?.seeds ?? null });
}
