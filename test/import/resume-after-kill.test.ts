import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { runImport } from '../../src/import/run-import.js';
import { openTestDatabase } from '../helpers/db.js';
import { fixtureGraph, graphChecksum, graphCounts } from './graph-fingerprint.js';
import { SHARED_FTM, SKIP_SHARED } from '../helpers/shared-samples.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

/**
 * Runs the real CLI import in a child process with one record per transaction and kills it (SIGKILL, no
 * clean-up) once a third of the records are written. Resolves to the number of records it reported written.
 */
function importUntilKilled(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
        'src/cli/index.ts',
        'import',
        'ftm',
        file,
        '--batch-size',
        '1',
      ],
      {
        cwd: ROOT,
        env: { ...process.env, NEO4J_URI: inject('neo4jUri') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let written = 0;
    child.stderr.on('data', (chunk: Buffer) => {
      const done = [...chunk.toString().matchAll(/Importing \[[#.]+\] (\d+)\/(\d+)/g)].pop();
      // Past a third: parties are in, designations and relationships are not yet.
      if (done && Number(done[1]) >= Number(done[2]) / 3 && written === 0) {
        written = Number(done[1]);
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve(written));
  });
}

describe.skipIf(SKIP_SHARED)('an import killed half-way', () => {
  it('reaches the same graph as a clean run when it is run again', async () => {
    await fixtureGraph(db);
    await runImport(db, 'ftm', SHARED_FTM as string);
    const clean = { checksum: await graphChecksum(db), counts: await graphCounts(db) };

    await fixtureGraph(db);
    const written = await importUntilKilled(SHARED_FTM as string);
    expect(written).toBeGreaterThan(0);
    const partial = await graphCounts(db);
    // The kill left a graph somewhere between the seeds and the full import.
    expect(partial).not.toEqual(clean.counts);

    const resumed = await runImport(db, 'ftm', SHARED_FTM as string);
    expect(resumed.written).toBeGreaterThan(0);
    expect(await graphCounts(db)).toEqual(clean.counts);
    expect(await graphChecksum(db)).toBe(clean.checksum);
  });
});
