/**
 * Seeding and start: how long seeding the seed graph into an empty Neo4j takes, how long `npm start` takes on a
 * database that is already prepared until /health answers 200 (joining a running Neo4j, and starting the local
 * Neo4j as well), and how the first query after start compares with a warm one. Runs on a Neo4j of its own
 * (temporary folder, free loopback ports); the service is the real one (src/main.ts), started as a child process.
 *
 *   npm run bench:start [-- --starts 3]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from '../src/config.js';
import { readGraphCounts } from '../src/db/graph-counts.js';
import { prepareGraph } from '../src/records/prepare-graph.js';
import { openOwnDatabase } from './own-database.js';

const starts = Number(process.argv[process.argv.indexOf('--starts') + 1]) || 3;
const log = (line: string) => process.stdout.write(`${line}\n`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'restricted-graph-start-'));
const dataDir = path.join(work, 'neo4j');
const QUESTION =
  '{ explainRestrictions(id: "ezviz-network") { restricted restrictions { measure { id } rule } } }';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the service and waits (at most five minutes) until /health says 200; returns the time that took. */
async function startService(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; ms: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let said = '';
  child.stderr?.on('data', (chunk: Buffer) => (said += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  while (performance.now() - started < 300_000) {
    if (child.exitCode !== null) throw new Error(`the service exited (${child.exitCode}): ${said}`);
    const status = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) })
      .then((response) => response.status)
      .catch(() => 0);
    if (status === 200) return { child, url, ms: performance.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`the service was not healthy within 5 minutes: ${said}`);
}

async function ask(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUESTION }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`query failed: ${JSON.stringify(body.errors)}`);
  return performance.now() - started;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (value: number) => `${Math.round(value)} ms`;

// Seeding: the graph prepared from nothing, as `npm start` does on an empty database.
const db = await openOwnDatabase(work);
const seedStarted = performance.now();
await prepareGraph(db, () => {});
const seedMs = performance.now() - seedStarted;
const counts = await readGraphCounts(db);
const total = (rows: { count: number }[]) => rows.reduce((sum, row) => sum + row.count, 0);
log(
  `seeding an empty Neo4j: ${ms(seedMs)} (${total(counts.nodes)} nodes, ${total(counts.relationships)} relationships)`,
);

// Start, joining the running Neo4j (NEO4J_URI): the database is prepared, so nothing is seeded again.
const joined: { health: number; first: number; warm: number }[] = [];
// The local Neo4j records its address beside its data (it advertises localhost:7687 whatever its port).
const { uri } = JSON.parse(fs.readFileSync(path.join(dataDir, 'bolt.json'), 'utf8')) as { uri: string };
for (let run = 0; run < starts; run += 1) {
  const service = await startService({ NEO4J_URI: uri });
  const first = await ask(service.url);
  const warm: number[] = [];
  for (let i = 0; i < 20; i += 1) warm.push(await ask(service.url));
  joined.push({ health: service.ms, first, warm: median(warm) });
  await stop(service.child);
}
await db.close();

// Start with the local Neo4j as well (NEO4J_URI unset, the same prepared data folder): the JVM starts too.
const cold: { health: number; first: number; warm: number }[] = [];
for (let run = 0; run < starts; run += 1) {
  const service = await startService({
    NEO4J_URI: '',
    NEO4J_DATA_DIR: dataDir,
    NEO4J_BOLT_PORT: String(await freePort()),
  });
  const first = await ask(service.url);
  const warm: number[] = [];
  for (let i = 0; i < 20; i += 1) warm.push(await ask(service.url));
  cold.push({ health: service.ms, first, warm: median(warm) });
  await stop(service.child);
}

const report = (label: string, runs: typeof joined) =>
  log(
    `${label}: healthy after ${runs.map((run) => ms(run.health)).join(', ')} (median ${ms(median(runs.map((run) => run.health)))}); ` +
      `first query ${ms(median(runs.map((run) => run.first)))} vs warm ${ms(median(runs.map((run) => run.warm)))} ` +
      `(${(median(runs.map((run) => run.first)) / median(runs.map((run) => run.warm))).toFixed(1)}x)`,
  );
report('npm start joining a running Neo4j', joined);
report('npm start with the local Neo4j', cold);
log(`(${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)})`);
fs.rmSync(work, { recursive: true, force: true });
