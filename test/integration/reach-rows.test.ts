import { describe, expect, it } from 'vitest';
import { REACH } from '../../src/db/queries/restriction.cypher.js';
import { intParam } from '../../src/db/records.js';
import { loadReach } from '../../src/restrictions/load-reach.js';
import { useSeededServer } from '../helpers/seeded-server.js';

const context = useSeededServer();
const db = () => context.db();

/** A Bolt chunk holds at most 64 KiB; a record larger than a few of them decodes slowly (see REACH). */
const SMALL_RECORD = 64 * 1024;

describe('REACH for many entities', () => {
  it('streams small rows, one per part, and loadReach puts them back together', async () => {
    const ids = (await db().read<{ id: string }>('MATCH (n:Entity) RETURN n.id AS id ORDER BY id')).map(
      (row) => row.id,
    );
    expect(ids.length).toBeGreaterThan(200);
    const rows = await db().read<{ part: Record<string, unknown> }>(REACH[6]!, {
      ids,
      limit: intParam(2000),
    });
    const sizes = rows.map((row) => JSON.stringify(row.part).length);
    const total = sizes.reduce((sum, size) => sum + size, 0);
    // Everything together is well over a record's worth, yet no single row is.
    expect(total).toBeGreaterThan(4 * SMALL_RECORD);
    expect(Math.max(...sizes)).toBeLessThan(SMALL_RECORD);
    expect(rows.every((row) => Object.keys(row.part).length === 1)).toBe(true);

    const reach = await loadReach(db(), ids, 6);
    const ezviz = reach.find((data) => data.entityId === 'brand-ezviz')!;
    expect(ezviz.paths.length).toBeGreaterThan(0);
    expect(ezviz.designations.map((designation) => designation.listId)).toContain('fcc-covered-list');
    expect(ezviz.nodes.get('hikvision')?.name).toMatch(/Hikvision/);
  });
});
