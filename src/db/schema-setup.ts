import { createHash } from 'node:crypto';
import { nameKeys } from '../names/name-keys.js';
import type { Database } from './database.js';
import { intParam } from './records.js';
import {
  PARTIES_WITHOUT_NAME_KEYS,
  RESOLUTION_KEYS_INDEX,
  SCHEMA_STATEMENTS,
  SET_NAME_KEYS,
  SHOW_INDEXES,
} from './queries/schema.cypher.js';

const NAME_KEYS_SLICE = 5000;

/** Creates the model's constraints and indexes if they are missing, then waits until the indexes are online. */
export async function ensureSchema(db: Database): Promise<void> {
  const indexes = await db.read<{ name: string }>(SHOW_INDEXES);
  if (!indexes.some((index) => index.name === RESOLUTION_KEYS_INDEX)) await deriveMissingNameKeys(db);
  for (const statement of SCHEMA_STATEMENTS) await db.write(statement);
  await db.write('CALL db.awaitIndexes(60)');
}

/** Identifies the schema statements above, so a database that already has them need not run them again. */
export function schemaFingerprint(): string {
  return createHash('sha256').update(SCHEMA_STATEMENTS.join('\n')).digest('hex');
}

/**
 * Gives the parties of a graph written before the writer stored name keys theirs. It runs before the
 * resolution-key index is created, so a run that was stopped half-way is taken up again by the next one.
 */
async function deriveMissingNameKeys(db: Database): Promise<void> {
  for (let after = ''; ;) {
    const parties = await db.read<{ id: string; name: string | null; aliases: string[]; done: boolean }>(
      PARTIES_WITHOUT_NAME_KEYS,
      { after, limit: intParam(NAME_KEYS_SLICE) },
    );
    const last = parties.at(-1);
    if (!last) return;
    const rows = parties
      .filter((party) => !party.done)
      .map((party) => ({ id: party.id, keys: nameKeys([party.name ?? '', ...party.aliases]) }));
    if (rows.length > 0) await db.write(SET_NAME_KEYS, { rows });
    after = last.id;
  }
}
