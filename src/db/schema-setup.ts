import type { Database } from './database.js';
import { SCHEMA_STATEMENTS } from './queries/schema.cypher.js';

/** Creates the model's constraints and indexes if they are missing, then waits until the indexes are online. */
export async function ensureSchema(db: Database): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) await db.write(statement);
  await db.write('CALL db.awaitIndexes(60)');
}
