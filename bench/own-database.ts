import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/database.js';

/**
 * A local Neo4j of the benchmark's own, in `work` on a free loopback port, never NEO4J_URI: benchmarks empty and
 * rebuild the graph, which must not happen to a server somebody uses.
 */
export function openOwnDatabase(work: string): Promise<Database> {
  return openDatabase({
    ...loadConfig(),
    neo4jUri: undefined,
    neo4jDataDir: path.join(work, 'neo4j'),
    neo4jBoltPort: 0,
  });
}
