import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import type { Database } from '../db/database.js';
import { RECORD_PREPARATION } from '../db/queries/preparation.cypher.js';
import { ensureSchema, schemaFingerprint } from '../db/schema-setup.js';
import { readGraphCounts, type GraphCounts } from '../db/graph-counts.js';
import { readSeedFolder } from './read-seeds.js';
import { InvalidRecordsError } from './records.js';
import { validateRecords } from './validate.js';
import { writeRecords, type WriteOptions } from './write-records.js';

export const SEED_FOLDER = path.join(PROJECT_ROOT, 'seeds');

/** Reads and validates every seed file; throws InvalidRecordsError naming file, record and field. */
export function loadSeeds(folder = SEED_FOLDER) {
  const result = validateRecords(readSeedFolder(folder));
  if (result.issues.length > 0) throw new InvalidRecordsError(result.issues);
  return result;
}

/**
 * Validates all seed files before writing anything, then writes them in one transaction. Running it twice
 * changes nothing. Returns the graph's counts afterwards.
 */
export async function seedGraph(
  db: Database,
  folder = SEED_FOLDER,
  options: WriteOptions = {},
): Promise<GraphCounts> {
  const records = loadSeeds(folder);
  await ensureSchema(db);
  await writeRecords(db, records, options);
  await db.write(RECORD_PREPARATION, { schema: schemaFingerprint(), seeds: seedsFingerprint(folder) });
  return readGraphCounts(db);
}

/** The seed files' names and bytes; seeds are a few hundred kilobytes, so hashing them costs milliseconds. */
export function seedsFingerprint(folder = SEED_FOLDER): string {
  const hash = createHash('sha256');
  for (const name of fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .sort()) {
    hash.update(name).update(fs.readFileSync(path.join(folder, name)));
  }
  return hash.digest('hex');
}
