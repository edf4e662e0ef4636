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
  /** Name similarity (0..1) a screening match needs; chosen so that unrelated names match nothing. @default 0.88 */
  screenThreshold: number;
  /**
   * API keys, from API_KEYS="key:role[:name],..." (role editor or reader). Mutations need an editor key; the
   * name (default: a digest of the key) is what the audit trail records as who made a change. @default none
   */
  apiKeys: ApiKey[];
  /** API_READS=key makes every request need a key; reads are open by default. @default false */
  readsRequireKey: boolean;
}

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
    screenThreshold: fraction(env, 'SCREEN_THRESHOLD', 0.88),
    apiKeys: apiKeys(env.API_KEYS),
    readsRequireKey: env.API_READS === 'key',
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

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a whole number from 0 to 65535, got "${raw}"`);
  }
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
