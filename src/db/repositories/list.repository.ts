import type { Database } from '../database.js';
import { INCOMPLETE_LISTS } from '../queries/search.cypher.js';

/** Ids of the lists that do not say they are complete. */
export async function findIncompleteLists(db: Database): Promise<string[]> {
  const rows = await db.read<{ id: string }>(INCOMPLETE_LISTS);
  return rows.map((row) => row.id);
}
