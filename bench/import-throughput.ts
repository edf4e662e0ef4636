/**
 * Import throughput: rows per second for the shared OpenSanctions FtM sample and the shared CSL sample, and for
 * synthetic files of about 20,000 rows built from them (every id, name and alias suffixed per copy, references kept
 * inside each copy). Runs against a Neo4j of its own in a temporary folder, so it never touches your data.
 * Beside each file, the floor: the very records the importer wrote, read back and written again into an empty
 * graph by plain `UNWIND ... MERGE` statements through the bare driver, in batches of the same size.
 *
 * Then the graph arm: 1 000-row FtM files (copies of the sample no other file holds) imported into an empty graph
 * and into a graph of `--graph` synthetic companies (bench/synthetic-graph.ts, over the seed data), three files
 * each, the median time of each and their ratio: entity resolution asks the graph only about what the file
 * mentions, so the ratio should stay near 1. Beside each, the importer's peak memory: the Node process's
 * heapUsed and rss, sampled every 10 ms during the run (Neo4j runs in a process of its own and is not counted).
 *
 *   npm run bench:import -- [rows] [--graph N] [--graph-file-rows N]
 *     rows: size of the synthetic files of the first table (default 20000; needs ../shared/data)
 *     --graph: companies in the graph arm's graph (default 100000; 0 leaves the arm out)
 *     --graph-file-rows: rows of each file the graph arm imports (default 1000)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openOwnDatabase } from './own-database.js';
import type { Database } from '../src/db/database.js';
import { ensureSchema } from '../src/db/schema-setup.js';
import { runImport, type ImportFormat } from '../src/import/run-import.js';
import { seedGraph } from '../src/records/seed-graph.js';
import { planSyntheticGraph, writeSyntheticGraph } from './synthetic-graph.js';
import { SHARED_CSL, SHARED_FTM } from '../test/helpers/shared-samples.js';

const FTM_REFERENCES = [
  'owner',
  'asset',
  'entity',
  'director',
  'organization',
  'addressEntity',
  'person',
  'relative',
  'holder',
];

async function main(): Promise<void> {
  if (!SHARED_FTM || !SHARED_CSL)
    throw new Error('The shared sample folder ../shared/data is not here; nothing to measure.');
  const positional = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : undefined;
  const target = Number(positional ?? 20000);
  const graphSize = Number(option('graph', '100000'));
  const graphFileRows = Number(option('graph-file-rows', '1000'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'import-bench-'));
  // A Neo4j of its own, never NEO4J_URI: the benchmark empties the graph between files.
  const db = await openOwnDatabase(work);
  try {
    const ftm = SHARED_FTM;
    const csl = SHARED_CSL;
    const bigFtm = syntheticFtm(ftm, target, path.join(work, 'synthetic.ftm.jsonl'));
    const bigCsl = syntheticCsl(csl, target, path.join(work, 'synthetic-csl.csv'));
    console.log(`${os.cpus().length} CPU(s); batch size 500\n`);
    // One untimed run first, so that query planning and JIT warm-up are not counted against the small files.
    await runImport(db, 'ftm', ftm);
    console.log(
      'file                               rows   records   first run    rows/s   second run (no-op)' +
        '                  floor (UNWIND MERGE)   importer/floor',
    );
    for (const [format, file] of [
      ['ftm', ftm],
      ['csl', csl],
      ['ftm', bigFtm],
      ['csl', bigCsl],
    ] as [ImportFormat, string][]) {
      await wipe(db);
      await ensureSchema(db);
      const first = await timed(() => runImport(db, format, file, { snapshotDate: '2025-05-01' }));
      const second = await timed(() => runImport(db, format, file, { snapshotDate: '2025-05-01' }));
      const rows = first.result.rows;
      const floor = await floorMerge(db);
      console.log(
        `${path.basename(file).padEnd(32)} ${String(rows).padStart(6)} ${String(first.result.written).padStart(9)}` +
          ` ${seconds(first.ms).padStart(10)} ${String(Math.round(rows / (first.ms / 1000))).padStart(9)}` +
          `   ${seconds(second.ms)} (${Math.round(rows / (second.ms / 1000))} rows/s, ${second.result.written} written)` +
          `   ${seconds(floor.ms)} (${Math.round(rows / (floor.ms / 1000))} rows/s)` +
          `   ${(first.ms / floor.ms).toFixed(2)}x the time`,
      );
    }
    if (graphSize > 0) await graphArm(db, ftm, graphSize, graphFileRows, work);
  } finally {
    await db.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The same small files into an empty graph and into one of `companies` synthetic companies: does an import's
 * time grow with the graph? Three files a graph (each copies of the sample none of the others holds), so each
 * import is a first one; the median is printed.
 */
async function graphArm(
  db: Database,
  ftm: string,
  companies: number,
  rows: number,
  work: string,
): Promise<void> {
  const files = [0, 1, 2].map((n) =>
    syntheticFtm(ftm, rows, path.join(work, `graph-arm-${n}.ftm.jsonl`), (n + 1) * 100_000),
  );
  const importAll = async () => {
    const runs: Measured[] = [];
    for (const file of files) runs.push(await measured(() => runImport(db, 'ftm', file)));
    return runs;
  };
  console.log(`\nAn import of ${rows}-row FtM files into an empty graph and into ${companies} companies`);
  await wipe(db);
  await ensureSchema(db);
  const empty = await importAll();
  await wipe(db);
  await seedGraph(db);
  const plan = planSyntheticGraph(companies);
  await writeSyntheticGraph(db, plan, (line) => console.log(line));
  const full = await importAll();
  const [nodes] = await db.read<{ count: number }>('MATCH (n:Node) RETURN count(n) AS count');
  const line = (label: string, runs: Measured[]) => {
    const median = medianRun(runs);
    return (
      `${label.padEnd(34)} ${runs.map((run) => seconds(run.ms)).join(', ')}   median ${seconds(median.ms)}` +
      `   peak heapUsed ${mb(Math.max(...runs.map((run) => run.peakHeap)))}` +
      ` (+${mb(Math.max(...runs.map((run) => run.heapRise)))} during the run)` +
      `, peak rss ${mb(Math.max(...runs.map((run) => run.peakRss)))}`
    );
  };
  console.log(line('into an empty graph', empty));
  console.log(line(`into ${plan.companies} companies (${nodes?.count} nodes)`, full));
  console.log(
    `graph/empty: ${(medianRun(full).ms / medianRun(empty).ms).toFixed(2)}x the time (goal: at most 2x)`,
  );
}

interface Measured {
  ms: number;
  /** The highest heapUsed and rss of this process sampled during the run, in bytes. */
  peakHeap: number;
  peakRss: number;
  /** How far heapUsed rose above its value at the start: what the run itself held (garbage included). */
  heapRise: number;
}

async function measured(work: () => Promise<unknown>): Promise<Measured> {
  let peakHeap = 0;
  let peakRss = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    peakRss = Math.max(peakRss, usage.rss);
  };
  sample();
  const start = peakHeap;
  const timer = setInterval(sample, 10);
  try {
    const { ms } = await timed(work);
    sample();
    return { ms, peakHeap, peakRss, heapRise: peakHeap - start };
  } finally {
    clearInterval(timer);
  }
}

function medianRun(runs: Measured[]): Measured {
  return [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)] as Measured;
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MB`;
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

/**
 * The floor for the file just imported: every node and relationship now in the graph, read back with its
 * labels and typed properties, the graph emptied, and the same records written with plain UNWIND ... MERGE.
 */
async function floorMerge(db: Database): Promise<{ ms: number }> {
  const session = db.driver.session({ database: db.name });
  try {
    const nodes = (
      await session.run('MATCH (n:Node) RETURN labels(n) AS labels, properties(n) AS properties')
    ).records;
    const relationships = (
      await session.run(
        'MATCH (a:Node)-[r]->(b:Node) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS properties',
      )
    ).records;
    await wipe(db);
    await ensureSchema(db);
    const nodeGroups = groupBy(nodes, (record) => (record.get('labels') as string[]).sort().join(':'));
    const relationshipGroups = groupBy(relationships, (record) => record.get('type') as string);
    const start = performance.now();
    for (const [labels, group] of nodeGroups) {
      for (const rows of batches(group.map((record) => record.get('properties')))) {
        await session.executeWrite((tx) =>
          tx.run(`UNWIND $rows AS row MERGE (n:Node {id: row.id}) SET n = row, n:${labels}`, { rows }),
        );
      }
    }
    for (const [type, group] of relationshipGroups) {
      const all = group.map((record) => ({
        from: record.get('from'),
        to: record.get('to'),
        properties: record.get('properties'),
      }));
      for (const rows of batches(all)) {
        await session.executeWrite((tx) =>
          tx.run(
            `UNWIND $rows AS row MATCH (a:Node {id: row.from}), (b:Node {id: row.to})
             MERGE (a)-[r:${type} {id: row.properties.id}]->(b) SET r = row.properties`,
            { rows },
          ),
        );
      }
    }
    return { ms: performance.now() - start };
  } finally {
    await session.close();
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function batches<T>(items: T[], size = 500): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );
}

/** Empties the graph in slices, so a large one does not need one huge transaction. */
async function wipe(db: Database): Promise<void> {
  for (;;) {
    const [row] = await db.write<{ count: number }>(
      'MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS count',
    );
    if (!row || row.count === 0) return;
  }
}

/**
 * Copies of the FtM sample with ids, references and names suffixed per copy, up to about `target` lines; copies
 * are numbered from `first`, so files with different firsts share nothing.
 */
function syntheticFtm(file: string, target: number, out: string, first = 0): string {
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
  const copies = Math.max(1, Math.round(target / lines.length));
  const stream: string[] = [];
  for (let copy = first; copy < first + copies; copy += 1) {
    for (const line of lines) {
      const entity = JSON.parse(line);
      const suffix = (id: string) => `${id}-c${copy}`;
      entity.id = suffix(entity.id);
      entity.referents = (entity.referents ?? []).map(suffix);
      if (entity.caption) entity.caption = `${entity.caption} ${copy}`;
      for (const key of FTM_REFERENCES)
        if (entity.properties[key]) entity.properties[key] = entity.properties[key].map(suffix);
      for (const key of ['name', 'innCode', 'ogrnCode', 'permId', 'uniqueEntityId'])
        if (entity.properties[key])
          entity.properties[key] = entity.properties[key].map((v: string) => `${v} ${copy}`);
      stream.push(JSON.stringify(entity));
    }
  }
  fs.writeFileSync(out, `${stream.join('\n')}\n`);
  return out;
}

/** Copies of the CSL sample rows with `_id`, entity number and name suffixed per copy. */
function syntheticCsl(file: string, target: number, out: string): string {
  const [header, ...rows] = fs
    .readFileSync(file, 'utf8')
    .trim()
    .split(/\r?\n(?=")/);
  const copies = Math.max(1, Math.round(target / rows.length));
  const lines = [header];
  for (let copy = 0; copy < copies; copy += 1) {
    for (const row of rows) {
      // Every cell is quoted; the first is _id, the third entity_number, the sixth name.
      const cells = row.slice(1, -1).split('","');
      cells[0] = `${cells[0]}s${copy}`;
      if (cells[2]) cells[2] = `${cells[2]}${copy}`;
      cells[5] = `${cells[5]} ${copy}`;
      // Aliases too: real lists rarely repeat one, and a repeated one would only test the cap on common names.
      cells[22] = cells[22]
        ? cells[22]
            .split('; ')
            .map((alias) => `${alias} ${copy}`)
            .join('; ')
        : '';
      lines.push(`"${cells.join('","')}"`);
    }
  }
  fs.writeFileSync(out, `${lines.join('\n')}\n`);
  return out;
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

await main();
