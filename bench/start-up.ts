/**
 * Seeding and start: how long seeding the seed graph into an empty Neo4j takes, how long `npm start` takes on a
 * database that is already prepared until /health answers 200 (joining a running Neo4j, and starting the local
 * Neo4j as well), and how the first query after start compares with a warm one. Runs on a Neo4j of its own
 * (temporary folder, free loopback ports); the service is the real one (src/main.ts), started as a child process.
 *
 *   npm run bench:start [-- --starts 3]
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readGraphCounts } from '../src/db/graph-counts.js';
import { freePort } from '../src/local-neo4j/local-neo4j.js';
import { prepareGraph } from '../src/records/prepare-graph.js';
import { startServiceProcess } from '../test/helpers/service-process.js';
import { openOwnDatabase } from './own-database.js';

const starts = Number(process.argv[process.argv.indexOf('--starts') + 1]) || 3;
const log = (line: string) => process.stdout.write(`${line}\n`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'restricted-graph-start-'));
const dataDir = path.join(work, 'neo4j');
const QUESTION =
  '{ explainRestrictions(id: "ezviz-network") { restricted restrictions { measure { id } rule } } }';

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

/** `starts` starts of the service with this environment: until healthy, its first question, and warm ones. */
async function measureStarts(env: () => Promise<Record<string, string>>) {
  const runs: { health: number; first: number; warm: number }[] = [];
  for (let run = 0; run < starts; run += 1) {
    const service = await startServiceProcess({ LOG_LEVEL: 'silent', ...(await env()) });
    const first = await ask(service.url);
    const warm: number[] = [];
    for (let i = 0; i < 20; i += 1) warm.push(await ask(service.url));
    runs.push({ health: service.startedInMs, first, warm: median(warm) });
    await stop(service.child);
  }
  return runs;
}

// Start, joining the running Neo4j (NEO4J_URI): the database is prepared, so nothing is seeded again. The local
// Neo4j records its address beside its data (it advertises localhost:7687 whatever its port).
const { uri } = JSON.parse(fs.readFileSync(path.join(dataDir, 'bolt.json'), 'utf8')) as { uri: string };
const joined = await measureStarts(async () => ({ NEO4J_URI: uri }));
await db.close();

// Start with the local Neo4j as well (NEO4J_URI unset, the same prepared data folder): the JVM starts too.
const cold = await measureStarts(async () => ({
  NEO4J_URI: '',
  NEO4J_DATA_DIR: dataDir,
  NEO4J_BOLT_PORT: String(await freePort()),
}));

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
