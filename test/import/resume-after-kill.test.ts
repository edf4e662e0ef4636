import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { runImport, type ImportFormat } from '../../src/import/run-import.js';
import { openTestDatabase } from '../helpers/db.js';
import { FIXTURES, fixtureGraph, graphChecksum, graphCounts } from './graph-fingerprint.js';
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
      // tsx's loader in this very process: through tsx's CLI, the import would run in a grandchild that
      // outlives the kill and goes on writing beside the re-run.
      ['--import', 'tsx', 'src/cli/index.ts', 'import', 'ftm', file, '--batch-size', '1'],
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

/** Stops an import after `cut` records, as a kill between two transactions would. */
async function importUntil(format: ImportFormat, file: string, cut: number): Promise<number> {
  let total = 0;
  await runImport(db, format, file, {
    batchSize: 1,
    snapshotDate: '2025-05-01',
    onProgress: (done, all) => {
      total = all;
      if (done === cut) throw new Error('stopped');
    },
  }).catch((error: Error) => {
    if (error.message !== 'stopped') throw error;
  });
  return total;
}

describe('an import stopped after any one of its transactions', () => {
  it.each([
    ['ftm', 'ftm-fixture.jsonl'],
    ['csl', 'csl-fixture.csv'],
  ] as [ImportFormat, string][])(
    'reaches the clean graph when run again, wherever it stopped (%s)',
    async (format, name) => {
      const file = path.join(FIXTURES, name);
      await fixtureGraph(db);
      await runImport(db, format, file, { snapshotDate: '2025-05-01' });
      const clean = await graphChecksum(db);
      const different: number[] = [];
      let total = Infinity;
      for (let cut = 1; cut < total; cut += 1) {
        await fixtureGraph(db);
        total = await importUntil(format, file, cut);
        await runImport(db, format, file, { snapshotDate: '2025-05-01' });
        if ((await graphChecksum(db)) !== clean) different.push(cut);
      }
      expect(total).toBeGreaterThan(20);
      expect(different).toEqual([]);
    },
    240_000,
  );
});
