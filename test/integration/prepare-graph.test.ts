import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { prepareGraph } from '../../src/records/prepare-graph.js';
import { openTestDatabase, reseed } from '../helpers/db.js';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await reseed(db);
});

afterAll(async () => {
  await db.close();
});

async function preparing(options: { trustRecorded?: boolean } = {}) {
  const logged: string[] = [];
  const before = db.queryCount;
  await prepareGraph(db, (line) => logged.push(line), options);
  return { queries: db.queryCount - before, logged };
}

describe('preparing a graph', () => {
  it('costs one read for the CLI when the database holds this schema and these seeds', async () => {
    expect(await preparing({ trustRecorded: true })).toEqual({ queries: 1, logged: [] });
  });

  it('runs the schema statements again when they changed, and then records them', async () => {
    await db.write(`MATCH (p:GraphPreparation) SET p.schema = 'an older schema'`);
    const stale = await preparing({ trustRecorded: true });
    expect(stale.queries).toBeGreaterThan(5);
    expect(stale.logged).toEqual([]);
    expect((await preparing({ trustRecorded: true })).queries).toBe(1);
  });

  it('says when the seed files changed since the database was seeded, without writing them', async () => {
    await db.write(`MATCH (p:GraphPreparation) SET p.seeds = 'older seeds'`);
    const [before] = await db.read<{ nodes: number }>('MATCH (n:Node) RETURN count(n) AS nodes');
    const { logged } = await preparing({ trustRecorded: true });
    expect(logged).toEqual([
      'The seed files changed since this database was seeded; `npm run seed` loads them.',
    ]);
    const [after] = await db.read<{ nodes: number }>('MATCH (n:Node) RETURN count(n) AS nodes');
    expect(after).toEqual(before);
  });

  it('lets the service check the schema at every start, so a dropped index comes back', async () => {
    await reseed(db);
    await db.write('DROP INDEX entity_name IF EXISTS');
    await preparing();
    const indexes = await db.read<{ name: string }>('SHOW INDEXES YIELD name RETURN name');
    expect(indexes.map((index) => index.name)).toContain('entity_name');
  });
});
