import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Config } from '../config.js';
import { startLocalNeo4j, type LocalNeo4j } from '../local-neo4j/local-neo4j.js';
import { toPlain } from './records.js';

export type Params = Record<string, unknown>;
export type QueryObserver = (query: { mode: 'READ' | 'WRITE'; seconds: number; ok: boolean }) => void;
export type Row = Record<string, unknown>;

/**
 * One driver per process and one way to run Cypher: managed read and write transactions (retried on transient
 * errors), plain rows out, sessions closed in `finally`. `queryCount` counts round trips, so tests can check
 * that a GraphQL request costs one query per nesting level.
 */
export class Database {
  queryCount = 0;
  /** Sessions open right now: each holds one of the driver's pooled connections while its transaction runs. */
  activeSessions = 0;
  private readonly observers: QueryObserver[] = [];

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

  /** Calls `observer` after every transaction, e.g. to export its latency as a metric. */
  observe(observer: QueryObserver): void {
    this.observers.push(observer);
  }

  async close(): Promise<void> {
    await this.driver.close();
    await this.local?.stop();
  }

  private async run<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    this.queryCount += 1;
    this.activeSessions += 1;
    const started = performance.now();
    let ok = false;
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session[mode] });
    try {
      const result = mode === 'READ' ? await session.executeRead(work) : await session.executeWrite(work);
      ok = true;
      return result;
    } finally {
      await session.close();
      this.activeSessions -= 1;
      const seconds = (performance.now() - started) / 1000;
      for (const observer of this.observers) observer({ mode, seconds, ok });
    }
  }
}

/** The driver's connection pool size (its default), exported with the sessions in use as /metrics. */
export const MAX_POOL_SIZE = 100;

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
        ...(log ? { log } : {}),
      });
  const uri = config.neo4jUri ?? local?.uri ?? '';
  const driver = neo4j.driver(uri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword), {
    maxConnectionPoolSize: MAX_POOL_SIZE,
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
