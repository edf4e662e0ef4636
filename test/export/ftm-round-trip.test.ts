import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { exportGraph } from '../../src/export/run-export.js';
import { runImport } from '../../src/import/run-import.js';
import { openTestDatabase, wipe } from '../helpers/db.js';
import { FIXTURES, fixtureGraph } from '../import/graph-fingerprint.js';
import { SHARED_FTM, SKIP_SHARED } from '../helpers/shared-samples.js';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

/** Parties, ownerships and designations as comparable text, ids included. */
async function facts(db: Database) {
  const parties = await db.read<Record<string, unknown>>(
    `MATCH (p:Party) RETURN p.id AS id, [l IN labels(p) WHERE l IN ['Company','Person','GovernmentBody']][0] AS type,
            p.name AS name, p.country AS country, coalesce(p.aliases, []) AS aliases,
            coalesce(p.identifiers, []) AS identifiers, coalesce(p.addresses, []) AS addresses
     ORDER BY id`,
  );
  const ownerships = await db.read<Record<string, unknown>>(
    `MATCH (a)-[r:OWNS]->(b) RETURN r.id AS id, a.id AS owner, b.id AS asset, r.percent AS percent,
            r.validFrom AS validFrom, r.validTo AS validTo, r.note AS note ORDER BY id`,
  );
  const designations = await db.read<Record<string, unknown>>(
    `MATCH (d:Designation)-[:DESIGNATES]->(p), (d)-[:ON_LIST]->(l)
     RETURN d.id AS id, p.id AS party, l.id AS list, d.listedOn AS listedOn, d.effectiveFrom AS effectiveFrom,
            d.removedOn AS removedOn, d.note AS note ORDER BY id`,
  );
  // FtM keeps identifiers in one property per scheme, so their order may change; as a set they must not.
  for (const party of parties) party.identifiers = [...(party.identifiers as string[])].sort();
  return { parties, ownerships, designations };
}

async function roundTrip(prepare: () => Promise<void>) {
  await prepare();
  const before = await facts(db);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-')), 'graph.ftm.jsonl');
  await exportGraph(db, 'ftm', file);
  await wipe(db);
  const report = await runImport(db, 'ftm', file);
  expect(report.issues).toEqual([]);
  return { before, after: await facts(db), report };
}

describe('FtM round trip', () => {
  it('export then import into an empty graph gives the same parties, ownerships and designations', async () => {
    const { before, after, report } = await roundTrip(async () => {
      await fixtureGraph(db);
      await runImport(db, 'csl', path.join(FIXTURES, 'csl-fixture.csv'));
      await runImport(db, 'ftm', path.join(FIXTURES, 'ftm-fixture.jsonl'));
    });
    expect(before.designations.length).toBeGreaterThan(5);
    expect(after).toEqual(before);
    // An export is one entity per party: nothing in it is merged with, or linked to, anything else.
    expect(
      report.decisions.every((decision) => decision.outcome === 'NEW' && decision.possible.length === 0),
    ).toBe(true);
  });

  it.skipIf(SKIP_SHARED)('holds for the shared OpenSanctions sample too', async () => {
    const { before, after } = await roundTrip(async () => {
      await fixtureGraph(db);
      await runImport(db, 'ftm', SHARED_FTM as string);
    });
    expect(before.ownerships).toHaveLength(15);
    expect(before.designations).toHaveLength(41);
    expect(after).toEqual(before);
  });
});
