import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { cli, useTestNeo4j } from '../cli/run-cli.js';
import { openTestDatabase } from '../helpers/db.js';
import { FIXTURES, fixtureGraph, graphChecksum, graphCounts } from '../import/graph-fingerprint.js';

const SYNC_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/sync');
const CSL_JSON = fs.readFileSync(path.join(SYNC_FIXTURES, 'csl.json'), 'utf8');
const CSL_CSV = fs.readFileSync(path.join(SYNC_FIXTURES, 'csl.csv'), 'utf8');
const FTM = fs.readFileSync(path.join(FIXTURES, 'ftm-fixture.jsonl'), 'utf8');

type Entry = Record<string, unknown>;
const entries = (JSON.parse(CSL_JSON) as { results: Entry[] }).results;
const withEntries = (list: Entry[]) => JSON.stringify({ total: list.length, results: list });
/** The row the "one row removed" copy loses: the Entity List row for CETC 13th Research Institute. */
const removedEntry = entries.find((entry) => String(entry.id).startsWith('99ed1b052f')) as Entry;

/** Each path: body, Last-Modified (the snapshot's publication date), and whether to cut the body short. */
const ROUTES: Record<string, { body: string; published?: string; truncate?: boolean }> = {
  '/csl': { body: CSL_JSON, published: 'Mon, 30 Nov 2026 12:00:00 GMT' },
  '/csl-csv': { body: CSL_CSV, published: 'Mon, 30 Nov 2026 12:00:00 GMT' },
  '/csl-minus-one': {
    body: withEntries(entries.filter((entry) => entry !== removedEntry)),
    published: 'Tue, 01 Dec 2026 12:00:00 GMT',
  },
  '/csl-truncated': { body: withEntries(entries.slice(0, 8)), truncate: true },
  '/csl-wrong-columns': {
    body: CSL_CSV.replace('"addresses"', '"address_lines"').replace('"name"', '"party"'),
  },
  '/csl-drop': {
    body: withEntries(entries.filter((entry) => entry !== removedEntry).slice(0, 4)),
    published: 'Wed, 02 Dec 2026 12:00:00 GMT',
  },
  '/ftm': { body: FTM },
};

let db: Database;
let server: http.Server;
let base: string;
let syncDir: string;

beforeAll(async () => {
  useTestNeo4j();
  db = await openTestDatabase();
  await fixtureGraph(db);
  syncDir = fs.mkdtempSync(path.join(os.tmpdir(), 'restricted-graph-sync-'));
  process.env.SYNC_DIR = syncDir;
  server = http.createServer((request, response) => {
    const route = ROUTES[request.url ?? ''];
    if (!route) return void response.writeHead(404).end();
    const body = Buffer.from(route.body);
    response.writeHead(200, {
      'content-length': body.length,
      ...(route.published ? { 'last-modified': route.published } : {}),
    });
    if (!route.truncate) return void response.end(body);
    // Half the promised bytes, then the connection drops.
    response.write(body.subarray(0, body.length / 2), () => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.SYNC_DIR;
  await new Promise((resolve) => server?.close(resolve));
  await db?.close();
  if (syncDir) fs.rmSync(syncDir, { recursive: true, force: true });
});

const sync = (...args: string[]) => cli('sync', ...args);
const fingerprint = async () => ({ counts: await graphCounts(db), checksum: await graphChecksum(db) });
const snapshots = () =>
  db.read<{
    id: string;
    rows: number;
    sha256: string;
    file: string;
    publishedOn: string | null;
    lists: string[];
  }>(
    `MATCH (s:ListSnapshot)
     RETURN s.id AS id, s.rows AS rows, s.sha256 AS sha256, s.file AS file, s.publishedOn AS publishedOn,
            COLLECT { MATCH (s)-[:COVERS]->(l) RETURN l.id ORDER BY l.id } AS lists
     ORDER BY s.fetchedAt`,
  );
const changes = () =>
  db.read<{ kind: string; on: string; designation: string; fields: string[] | null }>(
    `MATCH (c:ListingChange)-[:CHANGE_OF]->(d:Designation)
     RETURN c.kind AS kind, c.on AS on, d.id AS designation, c.fields AS fields ORDER BY c.id`,
  );
const designation = async (id: string) =>
  (
    await db.read<{ listedOn: string; removedOn: string | null; list: string }>(
      `MATCH (d:Designation {id: $id})-[:ON_LIST]->(l) RETURN d.listedOn AS listedOn, d.removedOn AS removedOn, l.id AS list`,
      { id },
    )
  )[0];
const removedDesignation = `csl-${String(removedEntry.id)}-listing`;

describe('sync csl', () => {
  it('imports the CSL JSON download with its lists and records a ListSnapshot with the raw file kept', async () => {
    const run = await sync('csl', '--url', `${base}/csl`);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('First snapshot of this source');

    const [snapshot] = await snapshots();
    expect(snapshot).toMatchObject({ rows: 11, publishedOn: '2026-11-30' });
    expect(snapshot?.sha256).toBe(createHash('sha256').update(CSL_JSON).digest('hex'));
    expect(fs.readFileSync(path.join(syncDir, 'csl', snapshot?.file ?? ''), 'utf8')).toBe(CSL_JSON);
    // Every list the file carries, seeded (bis-entity-list) or new, with its keeper.
    expect(snapshot?.lists).toEqual(
      expect.arrayContaining([
        'bis-entity-list',
        'bis-meu-list',
        'bis-unverified-list',
        'bis-denied-persons-list',
        'ofac-sdn-list',
        'ofac-ssi-list',
        'ofac-fse-list',
        'ofac-plc-list',
        'state-itar-debarred-list',
        'state-isn-nonproliferation-sanctions',
      ]),
    );
    const keepers = await db.read<{ list: string; keeper: string | null }>(
      `MATCH (:ListSnapshot)-[:COVERS]->(l) OPTIONAL MATCH (l)-[:KEPT_BY]->(k) RETURN l.id AS list, k.id AS keeper`,
    );
    expect(keepers.filter((row) => !row.keeper)).toEqual([]);
    // A dated row keeps its date; an undated one is listed on or before the snapshot's publication date.
    expect(await designation(removedDesignation)).toMatchObject({ listedOn: '2018-08-01', removedOn: null });
    expect(
      await designation('csl-1b5979e8fd3920a1a0985bf5088dad930a6a5562d1513f9e4b015e42-listing'),
    ).toMatchObject({
      listedOn: '2026-11-30',
      list: 'bis-unverified-list',
    });
  });

  it('writes nothing when the snapshot is the same as the last one', async () => {
    const before = await fingerprint();
    const run = await sync('csl', '--url', `${base}/csl`);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Unchanged since the last sync');
    expect(await fingerprint()).toEqual(before);
  });

  it('reads the CSV download too, telling it from JSON by its content, and finds the same listings', async () => {
    const run = await sync('csl', '--url', `${base}/csl-csv`, '--json');
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.outcome).toBe('SYNCED');
    expect(report.snapshot.file).toMatch(/\.csv$/);
    expect(report.changes).toMatchObject({ ADDED: 0, REMOVED: 0 });
    expect(await snapshots()).toHaveLength(2);
  });

  for (const [route, problem] of [
    ['/csl-truncated', /ended early|truncated/],
    ['/csl-wrong-columns', /lacks column\(s\) name, addresses/],
    ['/csl-drop', /has 4 rows, the previous one .* had 11: it lost more than half/],
  ] as const) {
    it(`refuses ${route.slice(5)} with a message naming the problem and leaves the graph unchanged`, async () => {
      const before = await fingerprint();
      const run = await sync('csl', '--url', `${base}${route}`);
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(problem);
      expect(await fingerprint()).toEqual(before);
      expect(fs.readdirSync(path.join(syncDir, 'csl')).filter((name) => name.startsWith('.'))).toEqual([]);
    });
  }

  it('--dry-run reports the listing changes and writes nothing, keeping no file', async () => {
    const before = await fingerprint();
    const files = fs.readdirSync(path.join(syncDir, 'csl')).sort();
    const run = await sync('csl', '--url', `${base}/csl-minus-one`, '--dry-run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('0 added, 1 removed, 0 changed.');
    expect(run.stdout).toContain('Dry run: nothing was written.');
    expect(await fingerprint()).toEqual(before);
    expect(fs.readdirSync(path.join(syncDir, 'csl')).sort()).toEqual(files);
  });

  it('records a REMOVED change for a row the new snapshot lost and ends that designation, keeping it', async () => {
    const run = await sync('csl', '--url', `${base}/csl-minus-one`);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('0 added, 1 removed, 0 changed; 1 designation(s) ended');
    expect(await changes()).toEqual([
      { kind: 'REMOVED', on: '2026-12-01', designation: removedDesignation, fields: null },
    ]);
    expect(await designation(removedDesignation)).toMatchObject({
      listedOn: '2018-08-01',
      removedOn: '2026-12-01',
      list: 'bis-entity-list',
    });
    // Undated rows keep the date of the snapshot that first held them.
    expect(
      await designation('csl-1b5979e8fd3920a1a0985bf5088dad930a6a5562d1513f9e4b015e42-listing'),
    ).toMatchObject({
      listedOn: '2026-11-30',
    });
  });

  it('accepts a large drop with --force and ends the designations it lost', async () => {
    const run = await sync('csl', '--url', `${base}/csl-drop`, '--force');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('accepted (--force)');
    const removed = (await changes()).filter((change) => change.on === '2026-12-02');
    expect(removed).toHaveLength(6);
    expect(removed.every((change) => change.kind === 'REMOVED')).toBe(true);
    const ended = await db.read<{ count: number }>(
      `MATCH (d:Designation) WHERE d.id STARTS WITH 'csl-' AND d.removedOn = date('2026-12-02') RETURN count(d) AS count`,
    );
    expect(ended[0]?.count).toBe(6);
  });
});

describe('sync ftm', () => {
  it('imports a FollowTheMoney file by URL through the importer, and a second sync writes nothing', async () => {
    const run = await sync('ftm', '--url', `${base}/ftm`);
    expect(run.code, run.stderr).toBe(0);
    const [snapshot] = await db.read<{ rows: number; complete: boolean }>(
      `MATCH (s:ListSnapshot {feed: 'ftm'}) RETURN s.rows AS rows, s.complete AS complete`,
    );
    // Ten entities; the broken last line is reported, not counted.
    expect(snapshot).toEqual({ rows: 10, complete: false });
    const party = await db.read(`MATCH (p:Party) WHERE 'NSM Export' IN p.aliases RETURN p.id AS id`);
    expect(party).toHaveLength(1);

    const before = await fingerprint();
    expect((await sync('ftm', '--url', `${base}/ftm`)).stdout).toContain('Unchanged');
    expect(await fingerprint()).toEqual(before);
  });

  it('needs a URL or a file', async () => {
    const run = await sync('ftm');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('needs --url or --file');
  });
});
