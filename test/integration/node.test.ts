import { describe, expect, it } from 'vitest';
import { useSeededServer } from '../helpers/seeded-server.js';

const context = useSeededServer();
const server = () => context.server();

const NODE = `query($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Entity { name kind }
    ... on RestrictedList { name }
    ... on LegalInstrument { title }
    ... on Measure { name }
    ... on Designation { party { id } list { id } }
    ... on CategoryEntry { category { id } list { id } }
    ... on ProductCategory { name }
    ... on Source { url }
  }
}`;

async function node(id: string) {
  const result = await server().graphql<{ node: Record<string, unknown> | null }>(NODE, { id });
  expect(result.errors).toBeUndefined();
  return result.data!.node;
}

describe('node(id:)', () => {
  it.each([
    ['hikvision', 'Entity', { name: 'Hangzhou Hikvision Digital Technology Co., Ltd.', kind: 'COMPANY' }],
    ['brand-ezviz', 'Entity', { kind: 'BRAND' }],
    ['bis-entity-list', 'RestrictedList', {}],
    ['eo-13959', 'LegalInstrument', {}],
    ['bis-affiliates-rule', 'Measure', {}],
    ['des-cetc-dod-1260h-list', 'Designation', { party: { id: 'cetc' }, list: { id: 'dod-1260h-list' } }],
    [
      'des-category-foreign-uas-fcc-covered-list',
      'CategoryEntry',
      { category: { id: 'category-foreign-uas' }, list: { id: 'fcc-covered-list' } },
    ],
    ['category-foreign-uas', 'ProductCategory', {}],
    ['src-siw-2020-11-13', 'Source', {}],
  ])('gives %s as a %s, with the fields of its type', async (id, typename, fields) => {
    const found = await node(id);
    expect(found).toMatchObject({ __typename: typename, id, ...fields });
  });

  it('gives the same entity as entity(id:)', async () => {
    const result = await server().graphql<{ entity: Record<string, unknown> }>(
      '{ entity(id: "hikrobot") { id name kind } }',
    );
    expect(await node('hikrobot')).toEqual({ __typename: 'Entity', ...result.data!.entity });
  });

  it('is null for an id the graph does not hold, and refuses a blank id', async () => {
    expect(await node('no-such-node')).toBeNull();
    const blank = await server().graphql(NODE, { id: ' ' });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
  });
});
