/**
 * Full CSL sync time: a Consolidated Screening List JSON of the real one's size (about 12,500 rows; default
 * 12500), built from the sync fixture's rows with every id, name and alias suffixed per copy, served from a local
 * HTTP server and synced into the seeded graph as `sync csl` does. Then the same file again (unchanged), and a
 * copy that lost 100 rows (diff, import, ended designations). Runs against a Neo4j of its own in a temporary
 * folder, so it never touches your data.
 *
 *   npx tsx bench/sync-csl.ts [rows]
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openOwnDatabase } from './own-database.js';
import { PROJECT_ROOT } from '../src/config.js';
import { seedGraph } from '../src/records/seed-graph.js';
import { runSync, type SyncReport } from '../src/sync/run-sync.js';

const FIXTURE = path.join(PROJECT_ROOT, 'test/fixtures/sync/csl.json');

async function main(): Promise<void> {
  const target = Number(process.argv[2] ?? 12500);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-bench-'));
  const full = syntheticCsl(target);
  const files: Record<string, Buffer> = {
    '/full': Buffer.from(JSON.stringify({ total: full.length, results: full })),
    '/less': Buffer.from(JSON.stringify({ total: full.length - 100, results: full.slice(100) })),
  };
  const server = http.createServer((request, response) => {
    const body = files[request.url ?? ''];
    if (!body) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const db = await openOwnDatabase(work);
  try {
    await seedGraph(db);
    console.log(
      `${os.cpus().length} CPU(s), load ${os
        .loadavg()
        .map((value) => value.toFixed(1))
        .join(' ')}; ` + `${full.length} rows, ${(files['/full']!.length / 1e6).toFixed(1)} MB JSON\n`,
    );
    const sync = (route: string) =>
      runSync(db, {
        feed: 'csl',
        location: { url: `${base}${route}` },
        folder: path.join(work, 'snapshots'),
        limits: { timeoutMs: 600_000, maxBytes: 200_000_000 },
      });
    for (const [label, route] of [
      ['first sync (seeded graph)', '/full'],
      ['same file again', '/full'],
      ['100 rows fewer', '/less'],
    ] as const) {
      const { result, ms } = await timed(() => sync(route));
      console.log(`${label.padEnd(28)} ${(ms / 1000).toFixed(1).padStart(7)} s   ${summary(result)}`);
    }
  } finally {
    await db.close();
    server.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Copies of the fixture's entries with id, entity number, name and aliases suffixed per copy. */
function syntheticCsl(target: number): Record<string, unknown>[] {
  const entries = (JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as { results: Record<string, unknown>[] })
    .results;
  const copies = Math.ceil(target / entries.length);
  const out: Record<string, unknown>[] = [];
  for (let copy = 0; copy < copies; copy += 1) {
    for (const entry of entries) {
      out.push({
        ...entry,
        id: `${String(entry.id)}s${copy}`,
        entity_number: entry.entity_number ? `${String(entry.entity_number)}${copy}` : null,
        name: `${String(entry.name)} ${copy}`,
        alt_names: (entry.alt_names as string[]).map((alias) => `${alias} ${copy}`),
      });
    }
  }
  return out.slice(0, target);
}

function summary(report: SyncReport): string {
  const written = report.import?.written ?? 0;
  return `${report.outcome}, ${written} records written, changes ${JSON.stringify(report.changes)}, ended ${report.ended}`;
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

await main();
