import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { readGraphCounts } from '../../src/db/graph-counts.js';
import { SCHEMA_OBJECTS, SHOW_CONSTRAINTS, SHOW_INDEXES } from '../../src/db/queries/schema.cypher.js';
import { NODE_TYPES } from '../../src/model/model.js';
import { readSeedFolder } from '../../src/records/read-seeds.js';
import { InvalidRecordsError } from '../../src/records/records.js';
import { SEED_FOLDER, seedGraph } from '../../src/records/seed-graph.js';
import { openTestDatabase, reseed } from '../helpers/db.js';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await reseed(db);
});

afterAll(() => db.close());

/** A copy of the real seed folder with one record changed, to show that one bad fact stops the whole import. */
function brokenSeeds(file: string, change: (records: Record<string, unknown>[]) => void): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'broken-seeds-'));
  for (const name of fs.readdirSync(SEED_FOLDER).filter((item) => item.endsWith('.json'))) {
    fs.copyFileSync(path.join(SEED_FOLDER, name), path.join(folder, name));
  }
  const records = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
  change(records);
  fs.writeFileSync(path.join(folder, file), JSON.stringify(records));
  return folder;
}

async function importError(folder: string): Promise<InvalidRecordsError> {
  const error = await seedGraph(db, folder).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(InvalidRecordsError);
  return error as InvalidRecordsError;
}

describe('seed import', () => {
  it('creates the uniqueness constraints and the full-text index', async () => {
    const constraints = (await db.read<{ name: string }>(SHOW_CONSTRAINTS)).map((row) => row.name);
    const indexes = await db.read<{ name: string; state: string }>(SHOW_INDEXES);
    expect(constraints).toEqual(expect.arrayContaining([...SCHEMA_OBJECTS.constraints]));
    for (const name of SCHEMA_OBJECTS.indexes) {
      expect(indexes.find((index) => index.name === name)).toMatchObject({ state: 'ONLINE' });
    }
  });

  it('loads as many nodes of each type as the seed files hold', async () => {
    const records = readSeedFolder(SEED_FOLDER).map((record) => record.data);
    const counts = await readGraphCounts(db);
    for (const type of Object.keys(NODE_TYPES)) {
      const inFiles = records.filter((record) => record.type === type).length;
      const inGraph = counts.nodes.find((row) => row.type === type)?.count ?? 0;
      expect({ type, count: inGraph }).toEqual({ type, count: inFiles });
    }
    const owns = records.filter((record) => record.type === 'OWNS').length;
    expect(counts.relationships.find((row) => row.type === 'OWNS')?.count).toBe(owns);
  });

  it('changes nothing when run a second time', async () => {
    const before = await readGraphCounts(db);
    const snapshot = async () => [
      await db.read('MATCH (n:Node) RETURN n {.*} AS properties ORDER BY n.id'),
      await db.read(
        'MATCH (:Node)-[r]->(:Node) RETURN type(r) AS type, properties(r) AS properties ORDER BY r.id',
      ),
    ];
    const propertiesBefore = await snapshot();
    await seedGraph(db);
    expect(await readGraphCounts(db)).toEqual(before);
    expect(await snapshot()).toEqual(propertiesBefore);
  });

  it('gives every node and relationship at least one existing source', async () => {
    expect((await readGraphCounts(db)).unsourcedFacts).toBe(0);
    const [unsourced] = await db.read<{ count: number }>(
      'MATCH (n:Node) WHERE NOT n:Source AND size(coalesce(n.sources, [])) = 0 RETURN count(n) AS count',
    );
    expect(unsourced!.count).toBe(0);
  });

  it('rejects a fact without a source, naming file, record and field, and writes nothing', async () => {
    const before = await readGraphCounts(db);
    const folder = brokenSeeds('hikvision.json', (records) => {
      const hikrobot = records.find((record) => record.type === 'OWNS' && record.to === 'hikrobot')!;
      hikrobot.sources = [];
      hikrobot.percent = 61;
    });
    const error = await importError(folder);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ file: 'hikvision.json', field: 'sources' });
    expect(error.message).toMatch(/hikvision\.json: record \d+.*field "sources"/);
    expect(await readGraphCounts(db)).toEqual(before);
    const [stake] = await db.read<{ percent: number }>(
      "MATCH (:Company {id: 'hikvision'})-[r:OWNS]->(:Company {id: 'hikrobot'}) RETURN r.percent AS percent",
    );
    expect(stake!.percent).toBe(60);
  });

  it('rejects a bad date with the record id and field', async () => {
    const folder = brokenSeeds('designations.json', (records) => {
      records[0]!.listedOn = '2019-02-30';
    });
    const error = await importError(folder);
    expect(error.issues[0]).toMatchObject({ file: 'designations.json', position: 1, field: 'listedOn' });
    expect(error.issues[0]!.recordId).toBeTruthy();
    expect(error.message).toMatch(/YYYY-MM-DD/);
  });

  it('rejects a relationship whose end is not defined', async () => {
    const folder = brokenSeeds('dahua.json', (records) => {
      records.push({
        type: 'OWNS',
        from: 'dahua',
        to: 'no-such-company',
        percent: 10,
        sources: ['src-ipvm-china-mobile-dahua'],
      });
    });
    const error = await importError(folder);
    const issue = error.issues.find((item) => item.field === 'to')!;
    expect(issue.file).toBe('dahua.json');
    expect(issue.message).toMatch(/"no-such-company", which is not defined/);
  });
});
