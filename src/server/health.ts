import type { Database } from '../db/database.js';

export interface Health {
  status: 'ok' | 'unavailable';
  database: { reachable: boolean; name: string; version?: string; edition?: string; error?: string };
}

const COMPONENTS =
  'CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition';

/** Asks Neo4j for its version; a failure means the database is unreachable, not that the service is down. */
export async function checkHealth(db: Database): Promise<Health> {
  try {
    const [kernel] = await db.read<{ version: string; edition: string }>(COMPONENTS);
    return {
      status: 'ok',
      database: { reachable: true, name: db.name, version: kernel?.version, edition: kernel?.edition },
    };
  } catch (error) {
    return {
      status: 'unavailable',
      database: { reachable: false, name: db.name, error: (error as Error).message.split('\n')[0] },
    };
  }
}
