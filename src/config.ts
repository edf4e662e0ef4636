import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder, so that commands work from any working directory. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Config {
  /** Bolt URI of an existing server; when unset, a local Neo4j is started (see src/local-neo4j/local-neo4j.ts). */
  neo4jUri: string | undefined;
  neo4jUser: string;
  neo4jPassword: string;
  neo4jDatabase: string;
  /** Where the local Neo4j keeps its files and records its Bolt address. @default .data/neo4j */
  neo4jDataDir: string;
  /** Bolt port of the local Neo4j. @default 7687 */
  neo4jBoltPort: number;
  /** Java heap of the local Neo4j. @default an eighth of the machine's memory, from 512m to 4g */
  neo4jHeap: string;
  /** Page cache of the local Neo4j (the store kept in memory). @default an eighth of the memory, from 256m to 8g */
  neo4jPageCache: string;
  /** HTTP port of the service. @default 4000 */
  port: number;
  /**
   * Score (0..1) at or above which a screening match counts; measured by `npm run bench:screening`.
   * @default 0.88
   */
  screenThreshold: number;
  /**
   * Score (0..1) from which a screening match is returned for review (verdict POSSIBLE_MATCH) although it does
   * not count; at most screenThreshold. @default 0.75
   */
  screenReviewThreshold: number;
  /**
   * API keys, from API_KEYS="key:role[:name],..." (role editor or reader). Mutations need an editor key; the
   * name (default: a digest of the key) is what the audit trail records as who made a change. @default none
   */
  apiKeys: ApiKey[];
  /** API_READS=key makes every request need a key; reads are open by default. @default false */
  readsRequireKey: boolean;
  /** Where `sync` keeps each file it fetched, named by its SHA-256. @default .data/snapshots */
  syncDir: string;
  /** The Consolidated Screening List download `sync csl` fetches. @default trade.gov's JSON download */
  cslUrl: string;
  /** Longest a sync download may take, in seconds. @default 300 */
  syncTimeoutSeconds: number;
  /** Largest file a sync accepts, in bytes. @default 500 MB */
  syncMaxBytes: number;
  /** Least severe log line written, from LOG_LEVEL (pino's levels, or silent). @default info */
  logLevel: LogLevel;
  /** NODE_ENV=production: error messages no longer tell clients the server's query limits. @default false */
  production: boolean;
  /** Timeouts of the database connection, so that an outage is an answer rather than a hang. */
  timeouts: Timeouts;
}

export interface Timeouts {
  /** NEO4J_CONNECTION_TIMEOUT_MS: opening a connection to Neo4j. @default 3000 */
  connectionMs: number;
  /** NEO4J_ACQUISITION_TIMEOUT_MS: waiting for a connection from the pool, opening included. @default 5000 */
  acquisitionMs: number;
  /** NEO4J_TRANSACTION_TIMEOUT_MS: any one transaction of the CLI, seeding and imports. @default 300000 */
  transactionMs: number;
  /**
   * REQUEST_TIMEOUT_MS: all the database work of one HTTP request; each transaction it starts gets what is left,
   * so Neo4j ends the work of a request that ran out of time. @default 30000
   */
  requestMs: number;
  /** NEO4J_RETRY_TIME_MS: how long transient errors (deadlocks, leader changes) are retried. @default 3000 */
  retryMs: number;
}

/** The official downloads of the trade.gov Consolidated Screening List (both forms are read, JSON or CSV). */
export const CSL_DOWNLOADS = {
  json: 'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json',
  csv: 'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv',
} as const;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const API_ROLES = ['editor', 'reader'] as const;

export interface ApiKey {
  key: string;
  role: (typeof API_ROLES)[number];
  name: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    neo4jUri: env.NEO4J_URI || undefined,
    neo4jUser: env.NEO4J_USER ?? 'neo4j',
    neo4jPassword: env.NEO4J_PASSWORD ?? 'neo4j',
    neo4jDatabase: env.NEO4J_DATABASE ?? 'neo4j',
    neo4jDataDir: path.resolve(PROJECT_ROOT, env.NEO4J_DATA_DIR ?? '.data/neo4j'),
    neo4jBoltPort: integer(env, 'NEO4J_BOLT_PORT', 7687),
    neo4jHeap: memorySize(env, 'NEO4J_HEAP', eighthOfMemory(512, 4096)),
    neo4jPageCache: memorySize(env, 'NEO4J_PAGECACHE', eighthOfMemory(256, 8192)),
    port: integer(env, 'PORT', 4000),
    ...screenThresholds(env),
    apiKeys: apiKeys(env.API_KEYS),
    readsRequireKey: env.API_READS === 'key',
    syncDir: path.resolve(PROJECT_ROOT, env.SYNC_DIR ?? '.data/snapshots'),
    cslUrl: env.CSL_URL || CSL_DOWNLOADS.json,
    syncTimeoutSeconds: positive(env, 'SYNC_TIMEOUT_SECONDS', 300),
    syncMaxBytes: positive(env, 'SYNC_MAX_BYTES', 500 * 1024 * 1024),
    timeouts: {
      connectionMs: milliseconds(env, 'NEO4J_CONNECTION_TIMEOUT_MS', 3_000),
      acquisitionMs: milliseconds(env, 'NEO4J_ACQUISITION_TIMEOUT_MS', 5_000),
      transactionMs: milliseconds(env, 'NEO4J_TRANSACTION_TIMEOUT_MS', 300_000),
      requestMs: milliseconds(env, 'REQUEST_TIMEOUT_MS', 30_000),
      retryMs: milliseconds(env, 'NEO4J_RETRY_TIME_MS', 3_000),
    },
    logLevel: logLevel(env.LOG_LEVEL),
    production: env.NODE_ENV === 'production',
  };
}

function apiKeys(raw: string | undefined): ApiKey[] {
  return (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [key = '', role = '', name] = entry.split(':');
      if (key.length < 8 || !(API_ROLES as readonly string[]).includes(role)) {
        throw new Error(
          'API_KEYS must be "key:role[:name]" entries (keys of 8+ characters, role editor or reader)',
        );
      }
      const digest = createHash('sha256').update(key).digest('hex').slice(0, 8);
      return { key, role: role as ApiKey['role'], name: name || `key-${digest}` };
    });
}

function logLevel(raw: string | undefined): LogLevel {
  if (raw === undefined || raw === '') return 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  }
  return raw as LogLevel;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return value;
}

function screenThresholds(env: NodeJS.ProcessEnv): Pick<Config, 'screenThreshold' | 'screenReviewThreshold'> {
  const screenThreshold = fraction(env, 'SCREEN_THRESHOLD', 0.88);
  const review = env.SCREEN_REVIEW_THRESHOLD;
  const screenReviewThreshold = fraction(env, 'SCREEN_REVIEW_THRESHOLD', Math.min(0.75, screenThreshold));
  if (review && screenReviewThreshold > screenThreshold) {
    throw new Error(
      `SCREEN_REVIEW_THRESHOLD (${review}) must not be above SCREEN_THRESHOLD (${screenThreshold}): ` +
        'the review band lies below the match threshold',
    );
  }
  return { screenThreshold, screenReviewThreshold };
}

function milliseconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number of milliseconds, got "${raw}"`);
  return value;
}

/** An eighth of the machine's memory in MiB, within the bounds: room for the service, the OS and its file cache. */
function eighthOfMemory(min: number, max: number): string {
  return `${Math.min(max, Math.max(min, Math.floor(os.totalmem() / 8 / 2 ** 20)))}m`;
}

function memorySize(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^[1-9]\d*[kmg]$/i.test(raw))
    throw new Error(`${name} must be a size such as 512m or 2g, got "${raw}"`);
  return raw.toLowerCase();
}

function fraction(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(value >= 0 && value <= 1)) throw new Error(`${name} must be a number from 0 to 1, got "${raw}"`);
  return value;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number above 0, got "${raw}"`);
  return value;
}
