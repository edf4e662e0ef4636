import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { ensureSchema } from '../../src/db/schema-setup.js';
import { runImport } from '../../src/import/run-import.js';
import { validateRecords } from '../../src/records/validate.js';
import { writeRecords } from '../../src/records/write-records.js';
import { wipe, openTestDatabase } from '../helpers/db.js';

/**
 * An import finds the parties its file may be through the indexes, and reads nothing else of the graph: every
 * row the importer reads is recorded, and the parties the file does not mention must not be among them.
 */

const SOURCE = 'src-resolution-reads';
const UNRELATED = 3000;
const COMMON = 40;

let db: Database;
let work: string;

beforeAll(async () => {
  db = await openTestDatabase();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-reads-'));
});
afterAll(async () => {
  await db?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('entity resolution reads only what the file mentions', () => {
  it('matches by identifier and by name through the indexes, caps common names, reads no other party', async () => {
    await graphOf([
      company('zebra-optics', 'Zebra Optics Holding', { identifiers: ['LEI:5493001KJTIIGC8Y1R12'] }),
      company('quokka-sensor', 'Quokka Sensor Works Co., Ltd.'),
      // The same identifier in other letters is another identifier.
      company('lei-case-decoy', 'Marmot Valve Company', { identifiers: ['LEI:5493001kjtiigc8y1r99'] }),
      ...Array.from({ length: COMMON }, (_, i) =>
        company(`common-${i}`, 'Common Name Trading', { country: 'IR' }),
      ),
      ...Array.from({ length: UNRELATED }, (_, i) =>
        company(`unrelated-${i}`, `Unrelated Widget Maker ${i}`),
      ),
    ]);
    const file = ftmFile('mentions.ftm.jsonl', [
      entity('f-lei', 'Totally Different Name', { leiCode: ['5493001KJTIIGC8Y1R12'] }),
      entity('f-name', 'QUOKKA SENSOR WORKS CO LTD'),
      entity('f-case', 'Wombat Pump Factory', { leiCode: ['5493001KJTIIGC8Y1R99'] }),
      entity('f-common', 'Common Name Trading', { country: ['ir'] }),
    ]);

    const read = recordReads(db);
    const report = await runImport(db, 'ftm', file).finally(read.stop);

    const decision = (key: string) => report.decisions.find((d) => d.key === key);
    expect(decision('f-lei')).toMatchObject({ outcome: 'MERGED', targetId: 'zebra-optics' });
    expect(decision('f-name')).toMatchObject({ outcome: 'MERGED', targetId: 'quokka-sensor' });
    expect(decision('f-case')).toMatchObject({ outcome: 'NEW', targetId: 'os-f-case', possible: [] });
    // More parties share the name than MAX_NAME_SHARERS (25): it says nothing, and is not even a possible match.
    expect(decision('f-common')).toMatchObject({
      outcome: 'NEW',
      possible: [],
      reason: 'no party with a shared identifier or the same name and country',
    });

    const ids = read.partyIds();
    expect(ids.filter((id) => id.startsWith('unrelated-'))).toEqual([]);
    expect(ids).not.toContain('lei-case-decoy');
    expect(ids).toEqual(expect.arrayContaining(['zebra-optics', 'quokka-sensor']));
    // One sharer more than the cap is enough to tell; the other fourteen stay unread.
    expect(ids.filter((id) => id.startsWith('common-'))).toHaveLength(26);
    expect(ids.length).toBeLessThan(40);
  });

  it('gives a graph written before name keys existed its keys, so its parties are found by name', async () => {
    await graphOf([company('placeholder', 'Placeholder Party')]);
    await db.write(
      `CREATE (:Node:Company:Party:Entity {id: 'legacy-lamps', name: 'Legacy Lamp Factory', country: 'CN',
               sources: [$source]})`,
      { source: SOURCE },
    );
    await db.write('DROP INDEX party_resolution_keys');
    const file = ftmFile('legacy.ftm.jsonl', [entity('f-legacy', 'LEGACY LAMP FACTORY')]);

    const report = await runImport(db, 'ftm', file);

    expect(report.decisions).toEqual([
      expect.objectContaining({ key: 'f-legacy', outcome: 'MERGED', targetId: 'legacy-lamps' }),
    ]);
    const [legacy] = await db.read<{ keys: string[] }>(
      "MATCH (n:Party {id: 'legacy-lamps'}) RETURN n.nameKeys AS keys",
    );
    expect(legacy?.keys).toEqual(['legacy lamp factory']);
  });
});

type Data = Record<string, unknown>;

function company(id: string, name: string, extra: Data = {}): Data {
  return { type: 'Company', id, name, country: 'CN', sources: [SOURCE], ...extra };
}

/** An empty graph holding these records (and their source), written through the project's writer. */
async function graphOf(records: Data[]): Promise<void> {
  await wipe(db);
  await ensureSchema(db);
  const source = {
    type: 'Source',
    id: SOURCE,
    url: 'https://example.org/reads',
    title: 'Test',
    publisher: 'test',
    evidence: 'COMMUNITY',
  };
  const result = validateRecords(
    [source, ...records].map((data, position) => ({ origin: { file: 'graph', position }, data })),
  );
  expect(result.issues).toEqual([]);
  await writeRecords(db, result, { batchSize: 1000 });
}

function entity(id: string, name: string, properties: Record<string, string[]> = {}): Data {
  return {
    id,
    schema: 'Company',
    caption: name,
    properties: { name: [name], country: ['cn'], ...properties },
    datasets: ['test_reads'],
    referents: [],
  };
}

function ftmFile(name: string, entities: Data[]): string {
  const file = path.join(work, name);
  fs.writeFileSync(file, `${entities.map((line) => JSON.stringify(line)).join('\n')}\n`);
  return file;
}

/** Records the id of every row the database's reads return, until stopped. */
function recordReads(database: Database): { partyIds: () => string[]; stop: () => void } {
  const original = database.read.bind(database);
  const ids: string[] = [];
  database.read = (async (query: string, params?: Record<string, unknown>) => {
    const rows = await original<Data>(query, params);
    for (const row of rows) {
      const properties = row.properties as Data | undefined;
      const id = properties?.id ?? row.id;
      if (typeof id === 'string') ids.push(id);
    }
    return rows;
  }) as Database['read'];
  return { partyIds: () => [...new Set(ids)], stop: () => (database.read = original) };
}
