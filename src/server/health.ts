import type { Database } from '../db/database.js';

export interface Health {
  /** `warming`: the database answers, but the service is still asking its first questions after a restart. */
  status: 'ok' | 'warming' | 'unavailable';
  database: { reachable: boolean; name: string; version?: string; edition?: string; error?: string };
}

const COMPONENTS =
  'CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition';

/** A health check answers within this, whatever state the database is in. */
const HEALTH_LIMIT_MS = 800;

/**
 * Asks Neo4j for its version; a failure, or no answer within HEALTH_LIMIT_MS, means the database is
 * unreachable, not that the service is down.
 */
export async function checkHealth(db: Database): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_LIMIT_MS} ms`)), HEALTH_LIMIT_MS);
  });
  try {
    const [kernel] = await Promise.race([
      db.withTimeLimit(HEALTH_LIMIT_MS).read<{ version: string; edition: string }>(COMPONENTS),
      late,
    ]);
    return {
      status: 'ok',
      database: { reachable: true, name: db.name, version: kernel?.version, edition: kernel?.edition },
    };
  } catch (error) {
    return {
      status: 'unavailable',
      database: { reachable: false, name: db.name, error: (error as Error).message.split('\n')[0] },
    };
  } finally {
    clearTimeout(timer);
  }
}
