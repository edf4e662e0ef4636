import neo4j, { type Driver, type ManagedTransaction, type Neo4jError, type Transaction } from 'neo4j-driver';
import type { Config } from '../config.js';
import { startLocalNeo4j, type LocalNeo4j } from '../local-neo4j/local-neo4j.js';
import { toPlain } from './records.js';

export type Params = Record<string, unknown>;
/** One transaction: its mode, when it began (epoch ms; retries included), how long it took, whether it succeeded. */
export type QueryObserver = (query: {
  mode: 'READ' | 'WRITE';
  startedAt: number;
  seconds: number;
  ok: boolean;
}) => void;
export type Row = Record<string, unknown>;

/** Raised at once while the local Neo4j this process started is down or restarting. */
export class DatabaseDownError extends Error {
  constructor() {
    super('The local Neo4j is restarting.');
  }
}

/** Raised when a request has used up its time: no further transaction starts for it. */
export class TimeLimitError extends Error {
  constructor(readonly limitMs: number) {
    super(`The request ran out of its ${limitMs} ms for database work.`);
  }
}

interface RunLimits {
  /** Longest any one transaction may run (Neo4j ends it). */
  transactionMs: number;
  /** How long transient errors are retried. */
  retryMs: number;
  /** For a request's view: when its time is up (epoch ms), and how long it had. */
  deadline?: { at: number; limitMs: number };
  /**
   * False while a local Neo4j is known to be down: while it restarts, its Bolt port may accept connections
   * before the database answers, and each request would wait out its whole timeout.
   */
  isUp?: () => boolean;
}

/** What a database and the time-limited views made of it share. */
interface Counter {
  queries: number;
  activeSessions: number;
  observers: QueryObserver[];
}

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

/**
 * One driver per process and one way to run Cypher: managed read and write transactions, plain rows out,
 * sessions closed in `finally`. Every transaction has a timeout, so Neo4j ends work nobody waits for any more.
 * `queryCount` counts round trips, so tests can check that a GraphQL request costs one query per nesting level.
 *
 * Retries are done here rather than by the driver, whose loop retries an unreachable server for its whole
 * retry time, so that every request waited seconds during an outage: a lost connection is tried once more at
 * once (a pooled connection may predate a restart), and only transient errors such as deadlocks are retried
 * with back-off.
 */
export class Database {
  constructor(
    readonly driver: Driver,
    readonly name: string,
    private readonly local: LocalNeo4j | undefined,
    private readonly limits: RunLimits,
    private readonly counter: Counter = { queries: 0, activeSessions: 0, observers: [] },
    /** For a rehearsal: the open transaction every statement runs in, rolled back at its end. */
    private readonly rehearsal?: Transaction,
  ) {}

  get queryCount(): number {
    return this.counter.queries;
  }

  /** Sessions open right now: each holds one of the driver's pooled connections while its transaction runs. */
  get activeSessions(): number {
    return this.counter.activeSessions;
  }

  /**
   * The same database for work that must end within `ms` (one HTTP request, a health probe): each transaction
   * gets the time that is left as its timeout, and none starts once it is spent. Never close a view.
   */
  withTimeLimit(ms: number): Database {
    return new Database(
      this.driver,
      this.name,
      undefined,
      { ...this.limits, deadline: { at: Date.now() + ms, limitMs: ms } },
      this.counter,
    );
  }

  /**
   * Runs `work` against the graph as it would be after writes that are never kept: every read and write of the
   * database `work` is given runs in one transaction, which is rolled back at the end, whatever happens. This is
   * how "what if" questions are answered by the same queries and rules as real ones, with nothing written.
   */
  async rehearse<T>(work: (db: Database) => Promise<T>): Promise<T> {
    if (this.rehearsal) return work(this);
    if (this.limits.isUp?.() === false) throw new DatabaseDownError();
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE });
    this.counter.activeSessions += 1;
    try {
      const tx = session.beginTransaction({ timeout: this.transactionTimeout() });
      try {
        return await work(new Database(this.driver, this.name, undefined, this.limits, this.counter, tx));
      } finally {
        if (tx.isOpen()) await tx.rollback();
      }
    } finally {
      this.counter.activeSessions -= 1;
      await session.close();
    }
  }

  /** The same database without a request's time limit, for work a request only starts (a cache refresh). */
  unbounded(): Database {
    const { deadline: _spent, ...limits } = this.limits;
    return new Database(this.driver, this.name, undefined, limits, this.counter);
  }

  /**
   * Waits for work started without this view's time limit (see unbounded), but no longer than the limit: when it
   * is spent the wait ends with TimeLimitError and the work goes on for whoever asks next.
   */
  async awaitWithin<T>(work: Promise<T>): Promise<T> {
    const deadline = this.limits.deadline;
    if (!deadline) return work;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new TimeLimitError(deadline.limitMs)),
        Math.max(0, deadline.at - Date.now()),
      );
    });
    try {
      return await Promise.race([work, expired]);
    } finally {
      clearTimeout(timer);
    }
  }

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

  /** Calls `listener` whenever the local Neo4j this process started is running again after dying. */
  onRestart(listener: () => void): void {
    this.local?.onRestart(listener);
  }

  /** Calls `observer` after every transaction, e.g. to export its latency as a metric. */
  observe(observer: QueryObserver): void {
    this.counter.observers.push(observer);
  }

  async close(): Promise<void> {
    await this.driver.close();
    await this.local?.stop();
  }

  private async run<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    this.counter.queries += 1;
    this.counter.activeSessions += 1;
    const started = Date.now();
    let ok = false;
    try {
      const result = await this.attempt(mode, work, started);
      ok = true;
      return result;
    } finally {
      this.counter.activeSessions -= 1;
      const seconds = (Date.now() - started) / 1000;
      for (const observer of this.counter.observers) observer({ mode, startedAt: started, seconds, ok });
    }
  }

  private async attempt<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: ManagedTransaction) => Promise<T>,
    started: number,
  ): Promise<T> {
    // A rehearsal's statements share its one transaction; a retry would lose what it wrote before.
    // (An open transaction offers everything of a managed one that `work` may call: run.)
    if (this.rehearsal) return work(this.rehearsal as unknown as ManagedTransaction);
    for (let attempt = 1; ; attempt += 1) {
      if (this.limits.isUp?.() === false) throw new DatabaseDownError();
      const timeout = this.transactionTimeout();
      const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session[mode] });
      let delay: number | undefined;
      try {
        return await inTransaction(session, work, timeout);
      } catch (error) {
        delay = this.retryDelay(error, attempt, started);
        if (delay === undefined) throw error;
      } finally {
        await session.close();
      }
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  private transactionTimeout(): number {
    const deadline = this.limits.deadline;
    if (!deadline) return this.limits.transactionMs;
    const left = deadline.at - Date.now();
    if (left <= 0) throw new TimeLimitError(deadline.limitMs);
    return Math.min(left, this.limits.transactionMs);
  }

  /** Milliseconds to wait before trying again, or undefined to give up. */
  private retryDelay(error: unknown, attempt: number, started: number): number | undefined {
    const code = (error as Partial<Neo4jError>).code ?? '';
    if (UNAVAILABLE.has(code)) return attempt === 1 ? 0 : undefined;
    if (!neo4j.isRetryableError(error as Error)) return undefined;
    const delay = 50 * 2 ** attempt * (0.8 + Math.random() * 0.4);
    const end = Math.min(started + this.limits.retryMs, this.limits.deadline?.at ?? Infinity);
    return Date.now() + delay < end ? delay : undefined;
  }
}

/**
 * Runs `work` in one explicit transaction, committed when it succeeds and rolled back when it fails. Not the
 * driver's executeRead/executeWrite: they retry a failed transaction at least once, about a second later, even
 * with maxTransactionRetryTime 0 (the driver gives every transaction a second chance), so a request in flight
 * when Neo4j died waited a second for its DATABASE_UNAVAILABLE, and each transient error cost a second more.
 * Database.run's policy is the only retry.
 */
async function inTransaction<T>(
  session: ReturnType<Driver['session']>,
  work: (tx: ManagedTransaction) => Promise<T>,
  timeout: number,
): Promise<T> {
  const tx = session.beginTransaction({ timeout });
  try {
    const result = await work(neo4j.ManagedTransaction.fromTransaction(tx));
    await tx.commit();
    return result;
  } catch (error) {
    // The error that ended the work is the one to report; a rollback over a lost connection fails as well.
    if (tx.isOpen()) await tx.rollback().catch(() => {});
    throw error;
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
export async function openDatabase(
  config: Config,
  log?: (line: string) => void,
  logJoined?: (line: string) => void,
): Promise<Database> {
  const local = config.neo4jUri
    ? undefined
    : await startLocalNeo4j({
        dataDir: config.neo4jDataDir,
        port: config.neo4jBoltPort,
        heap: config.neo4jHeap,
        pageCache: config.neo4jPageCache,
        ...(log ? { log } : {}),
        ...(logJoined ? { logJoined } : {}),
      });
  const uri = config.neo4jUri ?? local?.uri ?? '';
  const { timeouts } = config;
  const driver = neo4j.driver(uri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword), {
    maxConnectionPoolSize: MAX_POOL_SIZE,
    connectionAcquisitionTimeout: timeouts.acquisitionMs,
    connectionTimeout: timeouts.connectionMs,
    // Database.run retries, with a policy of its own; no transaction runs through the driver's (inTransaction).
    maxTransactionRetryTime: 0,
  });
  try {
    await driver.verifyConnectivity({ database: config.neo4jDatabase });
  } catch (error) {
    await driver.close();
    await local?.stop();
    throw new Error(`Cannot reach Neo4j at ${uri}: ${(error as Error).message}`, { cause: error });
  }
  return new Database(driver, config.neo4jDatabase, local, {
    transactionMs: timeouts.transactionMs,
    retryMs: timeouts.retryMs,
    ...(local ? { isUp: () => local.isUp() } : {}),
  });
}
