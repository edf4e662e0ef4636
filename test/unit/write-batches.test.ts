import { describe, expect, it } from 'vitest';
import { UPSERT_NODES, UPSERT_RELATIONSHIPS } from '../../src/db/queries/write.cypher.js';
import { labelsOf } from '../../src/model/model.js';
import { planBatches } from '../../src/records/write-records.js';

const company = (id: string) => ({ type: 'Company', id, properties: { id, name: id, sources: ['src'] } });

describe('planBatches', () => {
  it('gives each node row the labels of its model type, and each relationship row its type', () => {
    const batches = planBatches(
      {
        nodes: [company('a'), company('b'), { type: 'Brand', id: 'x', properties: { id: 'x', name: 'X' } }],
        relationships: [
          { type: 'OWNS', id: 'a>b', from: 'a', to: 'b', properties: { percent: 60, sources: ['src'] } },
        ],
      } as never,
      2,
    );
    expect(batches.map((batch) => [batch.query, batch.rows.length])).toEqual([
      [UPSERT_NODES, 2],
      [UPSERT_NODES, 1],
      [UPSERT_RELATIONSHIPS, 1],
    ]);
    expect(batches[0]?.rows[0]).toMatchObject({ id: 'a', labels: ['Node', 'Company', 'Party', 'Entity'] });
    expect(batches[1]?.rows[0]).toMatchObject({ id: 'x', labels: labelsOf('Brand') });
    expect(batches[2]?.rows[0]).toMatchObject({ id: 'a>b', from: 'a', to: 'b', type: 'OWNS' });
  });

  it('refuses a relationship type the model does not have, since the statement takes the type as a parameter', () => {
    expect(() =>
      planBatches(
        {
          nodes: [],
          relationships: [
            { type: 'OWNS]->() DETACH DELETE a //', id: 'r', from: 'a', to: 'b', properties: {} },
          ],
        } as never,
        500,
      ),
    ).toThrow(/Not a relationship type of the model: OWNS\]/);
  });
});
