import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { createYoga } from '../../src/graphql/create-yoga.js';
import { createLogger } from '../../src/logger.js';
import { runImport } from '../../src/import/run-import.js';
import { openTestDatabase } from '../helpers/db.js';
import { FIXTURES, fixtureGraph } from '../import/graph-fingerprint.js';

const EDITOR_KEY = 'editor-key-0123456789';
const READER_KEY = 'reader-key-0123456789';
let db: Database;
let yoga: ReturnType<typeof createYoga>;
const savedKeys = process.env.API_KEYS;

// Response data is checked field by field below; its shape is the schema's, not a TypeScript type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Result = { data?: Record<string, any>; errors?: { message: string; extensions?: { code?: string } }[] };

async function graphql(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Result;
}
const asEditor = { authorization: `Bearer ${EDITOR_KEY}` };

const UPSERT = `mutation ($input: EntityInput!) {
  upsertEntity(input: $input) { id action targetId targetType actor at reason before after sources { id } }
}`;
const ADD_RELATIONSHIP = `mutation ($input: RelationshipInput!) {
  addRelationship(input: $input) { id targetId targetType before after }
}`;
const ADD_DESIGNATION = `mutation ($input: DesignationInput!) {
  addDesignation(input: $input) { id targetId targetType after }
}`;
const RETRACT = `mutation ($id: ID!, $reason: String!) {
  retractFact(id: $id, reason: $reason) { id action targetId targetType actor before after }
}`;
const CHANGES = `query ($since: DateTime) { changes(since: $since) { id action targetId actor reason } }`;
const CHANGE_PAGES = `query ($first: Int, $after: String) {
  changeConnection(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { action targetId } }
  }
}`;

const newCompany = {
  id: 'fixture-optics',
  kind: 'COMPANY',
  name: 'Fixture Optics Co., Ltd.',
  country: 'CN',
  sources: [],
  newSources: [
    {
      id: 'src-curator-note',
      url: 'https://example.org/filing',
      title: 'Annual report 2024',
      publisher: 'Fixture Optics',
      evidence: 'SECONDARY',
    },
  ],
  reason: 'Named as a subsidiary in the parent company annual report.',
};

beforeAll(async () => {
  process.env.API_KEYS = `${EDITOR_KEY}:editor:alice,${READER_KEY}:reader`;
  db = await openTestDatabase();
  yoga = createYoga(db, loadConfig(), createLogger({ logLevel: 'silent' }));
});
// Each test starts from the fixture graph and makes the changes it builds on itself, so it passes alone and in
// any order.
beforeEach(() => fixtureGraph(db));
afterAll(async () => {
  if (savedKeys === undefined) delete process.env.API_KEYS;
  else process.env.API_KEYS = savedKeys;
  await db?.close();
});

/** The editor's changes the tests build on, each checked to have gone through. */
async function succeeds(query: string, variables: Record<string, unknown>) {
  const result = await graphql(query, variables, asEditor);
  expect(result.errors).toBeUndefined();
  return result;
}
const OWNERSHIP = {
  type: 'OWNS',
  from: 'hikvision',
  to: 'fixture-optics',
  percent: 60,
  validFrom: '2020-01-01',
  sources: ['src-curator-note'],
  reason: 'Shareholding in the annual report.',
};
const LISTING = {
  party: 'fixture-optics',
  list: 'bis-entity-list',
  listedOn: '2024-05-01',
  instrument: 'el-rule-2019-05',
  sources: ['src-curator-note'],
  reason: 'Listed in the May 2024 rule.',
};
const createCompany = () => succeeds(UPSERT, { input: newCompany });
const addOwnership = () => succeeds(ADD_RELATIONSHIP, { input: OWNERSHIP });
const addListing = () => succeeds(ADD_DESIGNATION, { input: LISTING });

describe('curation', () => {
  it('refuses mutations without a key, with an unknown key and with a reader key, and changes nothing', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer not-a-configured-key' },
      { 'x-api-key': READER_KEY },
    ];
    for (const headers of attempts) {
      const result = await graphql(UPSERT, { input: newCompany }, headers);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await db.read(`MATCH (n {id: 'fixture-optics'}) RETURN n`)).toEqual([]);
    expect(await db.read(`MATCH (c:ChangeRecord) RETURN c`)).toEqual([]);
    // Reads stay open.
    expect(
      (
        await graphql(`
          {
            entity(id: "hikvision") {
              name
            }
          }
        `)
      ).data?.entity.name,
    ).toBe('Hangzhou Hikvision Digital Technology Co., Ltd.');
  });

  it('creates an entity with an editor key and records who, when, why and the sources', async () => {
    const started = new Date().toISOString();
    const result = await graphql(UPSERT, { input: newCompany }, asEditor);
    expect(result.errors).toBeUndefined();
    const change = result.data?.upsertEntity;
    expect(change).toMatchObject({
      action: 'UPSERT_ENTITY',
      targetId: 'fixture-optics',
      targetType: 'Company',
      actor: 'alice',
      reason: newCompany.reason,
      before: null,
      sources: [{ id: 'src-curator-note' }],
    });
    expect(change.at >= started).toBe(true);
    expect(JSON.parse(change.after).properties).toMatchObject({
      name: 'Fixture Optics Co., Ltd.',
      country: 'CN',
    });
    const entity = await graphql(`
      {
        entity(id: "fixture-optics") {
          name
          kind
          sources {
            id
            evidence
          }
        }
      }
    `);
    expect(entity.data?.entity).toEqual({
      name: 'Fixture Optics Co., Ltd.',
      kind: 'COMPANY',
      sources: [{ id: 'src-curator-note', evidence: 'SECONDARY' }],
    });
  });

  it('updates only the fields given and keeps the earlier version in the change record', async () => {
    await createCompany();
    const result = await graphql(
      UPSERT,
      {
        input: {
          id: 'hikvision',
          kind: 'COMPANY',
          aliases: ['Hikvision', 'HIKVISION'],
          sources: ['src-curator-note'],
          reason: 'Add the upper-case spelling used on lists.',
        },
      },
      { 'x-api-key': EDITOR_KEY },
    );
    expect(result.errors).toBeUndefined();
    const change = result.data?.upsertEntity;
    expect(JSON.parse(change.before).properties.aliases).toEqual(['Hikvision']);
    const node = (
      await db.read<{ n: Record<string, unknown> }>(`MATCH (n:Company {id: 'hikvision'}) RETURN n {.*} AS n`)
    )[0]?.n;
    expect(node).toMatchObject({
      name: 'Hangzhou Hikvision Digital Technology Co., Ltd.',
      aliases: ['Hikvision', 'HIKVISION'],
      identifiers: ['USCC:91330000733796106P'],
      sources: ['src-fixture-registry', 'src-curator-note'],
    });
  });

  it('validates input against the model and names the field', async () => {
    await createCompany();
    const badCountry = await graphql(
      UPSERT,
      {
        input: { ...newCompany, id: 'x-co', country: 'China', newSources: [], sources: ['src-curator-note'] },
      },
      asEditor,
    );
    expect(badCountry.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(badCountry.errors?.[0]?.message).toMatch(/^input\.country: must be an ISO 3166 alpha-2 code/);
    const unknownSource = await graphql(
      ADD_RELATIONSHIP,
      {
        input: {
          type: 'OWNS',
          from: 'hikvision',
          to: 'fixture-optics',
          sources: ['src-nowhere'],
          reason: 'x',
        },
      },
      asEditor,
    );
    expect(unknownSource.errors?.[0]?.message).toMatch(/^input\.sources: "src-nowhere" is not a Source/);
    const wrongKind = await graphql(
      UPSERT,
      { input: { ...newCompany, kind: 'PERSON', newSources: [], sources: ['src-curator-note'] } },
      asEditor,
    );
    expect(wrongKind.errors?.[0]?.message).toMatch(
      /^input\.kind: "fixture-optics" exists and is not a Person/,
    );
  });

  it("holds curation to the model's length limits and refuses impossible relations, storing nothing", async () => {
    const changes = async () => (await db.read(`MATCH (c:ChangeRecord) RETURN c.id`)).length;
    const changesBefore = await changes();
    const cited = { ...newCompany, id: 'x-long', newSources: [], sources: ['src-curator-note'] };
    const attempts: [string, Record<string, unknown>, string, RegExp][] = [
      [UPSERT, { ...cited, name: 'n'.repeat(1_000_000) }, 'input.name', /at most 500 characters/],
      [UPSERT, { ...cited, reason: 'r'.repeat(1_000_000) }, 'input.reason', /at most 5000 characters/],
      [
        UPSERT,
        { ...cited, aliases: Array.from({ length: 10_000 }, (_, i) => `alias ${i}`) },
        'input.aliases',
        /at most 500 items/,
      ],
      [
        ADD_RELATIONSHIP,
        {
          type: 'OWNS',
          from: 'hikvision',
          to: 'hikvision',
          percent: 50,
          sources: ['src-curator-note'],
          reason: 'x',
        },
        'input.to',
        /same as "from"/,
      ],
    ];
    for (const [mutation, input, argument, message] of attempts) {
      const result = await graphql(mutation, { input }, asEditor);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(result.errors?.[0]?.message).toMatch(message);
      expect(result.errors?.[0]?.message.length).toBeLessThan(300);
    }
    expect(await db.read(`MATCH (n {id: 'x-long'}) RETURN n`)).toEqual([]);
    expect(
      await db.read(`MATCH (:Party {id: 'hikvision'})-[r:OWNS]->(:Party {id: 'hikvision'}) RETURN r`),
    ).toEqual([]);
    expect(await changes()).toBe(changesBefore);
  });

  it('gives change records ids no entity can have', async () => {
    await createCompany();
    const [change] = await db.read<{ id: string }>(`MATCH (c:ChangeRecord) RETURN c.id AS id LIMIT 1`);
    expect(change?.id).toMatch(/^change\//);
    const taken = await graphql(
      UPSERT,
      { input: { ...newCompany, id: change!.id, newSources: [], sources: ['src-curator-note'] } },
      asEditor,
    );
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.id' });
  });

  it('adds a relationship and a designation, each with its own change record', async () => {
    await createCompany();
    const owns = await addOwnership();
    expect(owns.data?.addRelationship).toMatchObject({
      targetId: 'hikvision-OWNS-fixture-optics@2020-01-01',
      targetType: 'OWNS',
      before: null,
    });
    const owners = await graphql(`
      {
        entity(id: "fixture-optics") {
          owners {
            entity {
              id
            }
            percent
            validFrom
          }
        }
      }
    `);
    expect(owners.data?.entity.owners).toEqual([
      { entity: { id: 'hikvision' }, percent: 60, validFrom: '2020-01-01' },
    ]);

    const designation = await addListing();
    expect(designation.data?.addDesignation.targetId).toBe('fixture-optics-on-bis-entity-list-2024-05-01');
    const listed = await graphql(`
      {
        entity(id: "fixture-optics") {
          designations {
            list {
              id
            }
            listedOn
          }
        }
      }
    `);
    expect(listed.data?.entity.designations).toEqual([
      { list: { id: 'bis-entity-list' }, listedOn: '2024-05-01' },
    ]);
  });

  it('retracts a relationship: it leaves the graph, its full record stays in the audit trail', async () => {
    await createCompany();
    await addOwnership();
    const result = await graphql(
      RETRACT,
      { id: 'hikvision-OWNS-fixture-optics@2020-01-01', reason: 'The report was misread.' },
      asEditor,
    );
    expect(result.errors).toBeUndefined();
    const change = result.data?.retractFact;
    expect(change).toMatchObject({ action: 'RETRACT', targetType: 'OWNS', actor: 'alice', after: null });
    expect(JSON.parse(change.before)).toMatchObject({
      type: 'OWNS',
      from: 'hikvision',
      to: 'fixture-optics',
      properties: { percent: 60, validFrom: '2020-01-01', sources: ['src-curator-note'] },
    });
    const owners = await graphql(`
      {
        entity(id: "fixture-optics") {
          owners {
            entity {
              id
            }
          }
        }
      }
    `);
    expect(owners.data?.entity.owners).toEqual([]);
  });

  it('refuses to retract a party that facts still refer to, then retracts it after its designation', async () => {
    await createCompany();
    await addListing();
    const refused = await graphql(RETRACT, { id: 'fixture-optics', reason: 'Duplicate entry.' }, asEditor);
    expect(refused.errors?.[0]?.message).toMatch(
      /other facts refer to "fixture-optics": fixture-optics-on-bis-entity-list-2024-05-01/,
    );
    const designation = await graphql(
      RETRACT,
      { id: 'fixture-optics-on-bis-entity-list-2024-05-01', reason: 'Wrong party.' },
      asEditor,
    );
    expect(designation.data?.retractFact.targetType).toBe('Designation');
    const party = await graphql(RETRACT, { id: 'fixture-optics', reason: 'Duplicate entry.' }, asEditor);
    expect(party.errors).toBeUndefined();
    expect(JSON.parse(party.data?.retractFact.before)).toMatchObject({
      labels: expect.arrayContaining(['Company', 'Party']),
      properties: { name: 'Fixture Optics Co., Ltd.' },
    });
    expect(
      (
        await graphql(`
          {
            entity(id: "fixture-optics") {
              id
            }
          }
        `)
      ).data?.entity,
    ).toBeNull();
    // Kept aside, not deleted.
    const kept = await db.read(
      `MATCH (n:Retracted {id: 'fixture-optics'}) RETURN n.retractedLabels AS labels`,
    );
    expect(kept).toEqual([{ labels: expect.arrayContaining(['Node', 'Company']) }]);
    const reuse = await graphql(
      UPSERT,
      { input: { ...newCompany, newSources: [], sources: ['src-curator-note'] } },
      asEditor,
    );
    expect(reuse.errors?.[0]?.message).toMatch(/^input\.id: was retracted/);
  });

  it('lists the audit trail oldest first, and from a given time, to key holders only', async () => {
    await createCompany();
    await succeeds(UPSERT, {
      input: {
        id: 'hikvision',
        kind: 'COMPANY',
        aliases: ['Hikvision', 'HIKVISION'],
        sources: ['src-curator-note'],
        reason: 'Add the upper-case spelling.',
      },
    });
    await addOwnership();
    await addListing();
    for (const id of [
      'hikvision-OWNS-fixture-optics@2020-01-01',
      'fixture-optics-on-bis-entity-list-2024-05-01',
      'fixture-optics',
    ]) {
      await succeeds(RETRACT, { id, reason: 'Undone.' });
    }
    const anonymous = await graphql(CHANGES);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(anonymous.data).toBeNull();
    const asReader = { 'x-api-key': READER_KEY };
    const all = (await graphql(CHANGES, {}, asReader)).data?.changes as {
      action: string;
      targetId: string;
      actor: string;
    }[];
    expect(all.map((change) => `${change.action} ${change.targetId}`)).toEqual([
      'UPSERT_ENTITY fixture-optics',
      'UPSERT_ENTITY hikvision',
      'ADD_RELATIONSHIP hikvision-OWNS-fixture-optics@2020-01-01',
      'ADD_DESIGNATION fixture-optics-on-bis-entity-list-2024-05-01',
      'RETRACT hikvision-OWNS-fixture-optics@2020-01-01',
      'RETRACT fixture-optics-on-bis-entity-list-2024-05-01',
      'RETRACT fixture-optics',
    ]);
    expect(all.every((change) => change.actor === 'alice')).toBe(true);
    // The same trail a page at a time: three pages of at most three, in the same order, no gap, no repeat.
    const paged: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const answer = await graphql(CHANGE_PAGES, { first: 3, after }, asReader);
      expect(answer.errors).toBeUndefined();
      const connection = answer.data?.changeConnection as {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
        edges: { node: { action: string; targetId: string } }[];
      };
      expect(connection.totalCount).toBe(all.length);
      expect(connection.pageInfo.hasPreviousPage).toBe(page > 0);
      paged.push(...connection.edges.map(({ node }) => `${node.action} ${node.targetId}`));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(paged).toEqual(all.map((change) => `${change.action} ${change.targetId}`));
    expect((await graphql(CHANGE_PAGES, { first: 3 })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const future = await graphql(CHANGES, { since: '2999-01-01T00:00:00Z' }, asReader);
    expect(future.data?.changes).toEqual([]);
    // Audit records are not facts: the graph's counts do not see them.
    const stats = await graphql(`
      {
        stats {
          unsourcedFacts
          nodes {
            type
          }
        }
      }
    `);
    expect(stats.data?.stats.unsourcedFacts).toBe(0);
  });

  it('keeps a retracted imported fact out when the same file is imported again', async () => {
    await runImport(db, 'csl', path.join(FIXTURES, 'csl-fixture.csv'));
    const id = 'csl-aa10-listing';
    expect((await graphql(RETRACT, { id, reason: 'Not a real list.' }, asEditor)).errors).toBeUndefined();
    const again = await runImport(db, 'csl', path.join(FIXTURES, 'csl-fixture.csv'));
    expect(again.warnings).toContainEqual(
      expect.objectContaining({ recordId: id, message: expect.stringMatching(/retracted/) }),
    );
    expect(await db.read(`MATCH (d:Designation {id: $id}) RETURN d`, { id })).toEqual([]);
  });
});
