import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Config } from '../config.js';
import { startLocalNeo4j, type LocalNeo4j } from '../local-neo4j/local-neo4j.js';
import { toPlain } from './records.js';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/**
 * One driver per process and one way to run Cypher: managed read and write transactions (retried on transient
 * errors), plain rows out, sessions closed in `finally`. `queryCount` counts round trips, so tests can check
 * that a GraphQL request costs one query per nesting level.
 */
export class Database {
  queryCount = 0;

  constructor(
    readonly driver: Driver,
    readonly name: string,
    private readonly local?: LocalNeo4j,
  ) {}

  read<T = Row>(query: string, params: Params = {}): Promise<T[]> {
    return this.run('READ', (tx) => runRows<T>(tx, query, params));
  }

  write<T = Row>(query: string, params: Params = {}): Promise<T[]> {
    return this.run('WRITE', (tx) => runRows<T>(tx, query, params));
  }

  /** Several statements in one write transaction: all of them or none. */
  transaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.run('WRITE', work);
  }

  async close(): Promise<void> {
    await this.driver.close();
    await this.local?.stop();
  }

  private async run<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    this.queryCount += 1;
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session[mode] });
    try {
      return mode === 'READ' ? await session.executeRead(work) : await session.executeWrite(work);
    } finally {
      await session.close();
    }
  }
}

export async function runRows<T>(tx: ManagedTransaction, query: string, params: Params): Promise<T[]> {
  const result = await tx.run(query, params);
  return result.records.map((record) => toPlain(record.toObject()) as T);
}

/**
 * Connects to NEO4J_URI when it is set; otherwise starts (or joins) the project's local Neo4j.
 */
export async function openDatabase(config: Config, log?: (line: string) => void): Promise<Database> {
  const local = config.neo4jUri
    ? undefined
    : await startLocalNeo4j({
        dataDir: config.neo4jDataDir,
        port: config.neo4jBoltPort,
        heap: config.neo4jHeap,
        pageCache: config.neo4jPageCache,
        ...(log ? { log } : {}),
      });
  const uri = config.neo4jUri ?? local?.uri ?? '';
  const driver = neo4j.driver(uri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword), {
    connectionAcquisitionTimeout: 10_000,
    maxTransactionRetryTime: 5_000,
    connectionTimeout: 5_000,
  });
  try {
    await driver.verifyConnectivity({ database: config.neo4jDatabase });
  } catch (error) {
    await driver.close();
    await local?.stop();
    throw new Error(`Cannot reach Neo4j at ${uri}: ${(error as Error).message}`, { cause: error });
  }
  return new Database(driver, config.neo4jDatabase, local);
}
