import { createHash } from 'node:crypto';
import type { Database } from './database.js';
import { SCHEMA_STATEMENTS } from './queries/schema.cypher.js';

/** Creates the model's constraints and indexes if they are missing, then waits until the indexes are online. */
export async function ensureSchema(db: Database): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) await db.write(statement);
  await db.write('CALL db.awaitIndexes(60)');
}

/** Identifies the schema statements above, so a database that already has them need not run them again. */
export function schemaFingerprint(): string {
  return createHash('sha256').update(SCHEMA_STATEMENTS.join('\n')).digest('hex');
}
