import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { runImport } from '../../src/import/run-import.js';
import { matchNames } from '../../src/search/search-entities.js';
import { namesWithin } from '../../src/names/name-parts.js';
import { openTestDatabase } from '../helpers/db.js';
import { FIXTURES, fixtureGraph } from './graph-fingerprint.js';

let db: Database;
let folder: string;

beforeAll(async () => {
  db = await openTestDatabase();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'names-within-'));
});
afterAll(async () => {
  await db?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const aliasesOf = async (name: string) =>
  (
    await db.read<{ aliases: string[] }>('MATCH (n:Entity {name: $name}) RETURN n.aliases AS aliases', {
      name,
    })
  )[0]?.aliases;

describe('names written inside names', () => {
  it.each([
    ['Shenzhen DJI Technology Co., Ltd. (DJI)', ['DJI', 'Shenzhen DJI Technology Co., Ltd.']],
    ['Foo Ltd. (formerly Bar Ltd.)', ['Bar Ltd.', 'Foo Ltd.']],
    ['Acme Rockets formerly known as Beta Rockets Corp', ['Beta Rockets Corp', 'Acme Rockets']],
    ['Bureau of Export Administration (BXA, former name)', ['BXA', 'Bureau of Export Administration']],
    ['China Unicom (Hong Kong) Limited', []],
    ['China Communications Construction Group (Limited)', []],
    ['CSSC OFFSHORE & MARINE ENGINEERING (GROUP) COMPANY LIMITED', []],
  ])('%s holds %j', (name, expected) => {
    expect(namesWithin(name).map((part) => part.name)).toEqual(expected);
  });

  it('become aliases on CSL and FtM import, so a short name screens to its party', async () => {
    await fixtureGraph(db);
    const header = fs.readFileSync(path.join(FIXTURES, 'csl-fixture.csv'), 'utf8').split('\n')[0]!;
    const columns = header.split(',').map((column) => column.replace(/"/g, ''));
    const row = (fields: Record<string, string>) =>
      columns.map((column) => JSON.stringify(fields[column] ?? '')).join(',');
    const csl = path.join(folder, 'csl.csv');
    fs.writeFileSync(
      csl,
      [
        header,
        row({
          _id: 'nw01',
          source: 'Entity List (EL) - Bureau of Industry and Security',
          name: 'Qzxv Skyworks Technology Co., Ltd. (QZXV)',
          start_date: '2020-12-18',
          alt_names: 'Wolmar Aerial Ltd. (formerly Pelnor Aerial Ltd.)',
          source_list_url:
            'https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/entity-list',
        }),
      ].join('\n') + '\n',
    );
    await runImport(db, 'csl', csl);
    expect(await aliasesOf('Qzxv Skyworks Technology Co., Ltd. (QZXV)')).toEqual(
      expect.arrayContaining([
        'QZXV',
        'Qzxv Skyworks Technology Co., Ltd.',
        'Pelnor Aerial Ltd.',
        'Wolmar Aerial Ltd.',
      ]),
    );

    const ftm = path.join(folder, 'entities.ftm.jsonl');
    const entity = {
      id: 'NK-names-within',
      schema: 'Company',
      caption: 'Brindlecombe Optics Ltd. (formerly Harrowgate Lens Co.)',
      properties: { name: ['Brindlecombe Optics Ltd. (formerly Harrowgate Lens Co.)'], country: ['gb'] },
      datasets: ['us_ofac_sdn'],
      first_seen: '2021-02-03T10:00:00',
    };
    fs.writeFileSync(ftm, `${JSON.stringify(entity)}\n`);
    await runImport(db, 'ftm', ftm);
    expect(await aliasesOf('Brindlecombe Optics Ltd. (formerly Harrowgate Lens Co.)')).toEqual(
      expect.arrayContaining(['Harrowgate Lens Co.', 'Brindlecombe Optics Ltd.']),
    );

    const [qzxv = [], harrowgate = []] = await matchNames(db, ['QZXV', 'Harrowgate Lens'], {
      minScore: 0.88,
    });
    expect(qzxv[0]).toMatchObject({ name: 'Qzxv Skyworks Technology Co., Ltd. (QZXV)', score: 1 });
    expect(harrowgate[0]?.name).toBe('Brindlecombe Optics Ltd. (formerly Harrowgate Lens Co.)');
  }, 240_000);
});
