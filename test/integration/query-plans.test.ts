import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { ensureSchema } from '../../src/db/schema-setup.js';
import { NODE_TYPES } from '../../src/model/model.js';
import { openTestDatabase, reseed } from '../helpers/db.js';

/**
 * Every named query of the project, found by importing each `*.cypher.ts` module under src/ (so a new query is
 * covered without anyone listing it): a string, the variants of a `byDepth` array, the entries of a per-type
 * record, or a label function called with each model type.
 */
async function projectQueries(): Promise<{ name: string; text: string }[]> {
  const files = fs
    .readdirSync(path.join(PROJECT_ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.cypher.ts'))
    .sort();
  const queries: { name: string; text: string }[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(PROJECT_ROOT, 'src', file)).href)) as Record<
      string,
      unknown
    >;
    for (const [exported, value] of Object.entries(module)) {
      const name = `${file.replace(/\\/g, '/')}:${exported}`;
      if (typeof value === 'string') queries.push({ name, text: value });
      else if (typeof value === 'function') {
        for (const type of Object.keys(NODE_TYPES)) {
          queries.push({
            name: `${name}(${type})`,
            text: String((value as (label: string) => unknown)(type)),
          });
        }
      } else if (Array.isArray(value)) {
        // The variants of one query differ only in a quantifier's bound; planning each takes a second or two.
        for (const depth of new Set([0, 1, value.length - 1])) {
          if (typeof value[depth] === 'string')
            queries.push({ name: `${name}[${depth}]`, text: value[depth] });
        }
      } else if (value && typeof value === 'object') {
        for (const [key, text] of Object.entries(value)) {
          if (typeof text === 'string') queries.push({ name: `${name}[${key}]`, text });
        }
      }
    }
  }
  return queries;
}

/**
 * Representative values for every parameter a query may take. Key parameters name what to look up; a query
 * that takes one must find it through an index. A parameter missing here fails the test, so a new one gets a
 * value (and a decision whether it is a key) when it is introduced.
 */
const KEY_PARAMETERS: Record<string, unknown> = {
  id: 'hikvision',
  ids: ['hikvision', 'brand-ezviz'],
  partyIds: ['hikvision'],
  listIds: ['fcc-covered-list'],
  from: 'hikvision',
  to: 'ezviz-network',
  rows: [
    {
      id: 'r-1',
      from: 'hikvision',
      to: 'ezviz-network',
      labels: ['Node', 'Company', 'Party', 'Entity'],
      type: 'OWNS',
      properties: { id: 'r-1' },
    },
  ],
  queries: [{ index: 0, text: 'hikvision' }],
  measureId: 'bis-affiliates-rule',
  partyId: 'cetc',
  listId: 'bis-entity-list',
  feed: 'csl',
  lookups: [{ index: 0, identifiers: ['USCC:91330000733796106P'], query: '"USCC:91330000733796106P"' }],
  keys: [{ query: 'nameKeys:"hikvision digital technology"', exclude: ['hikvision'] }],
  query: 'identifiers:"USCC:91330000733796106P"',
};
const OTHER_PARAMETERS: Record<string, unknown> = {
  limit: 10,
  asOf: '2026-01-01',
  types: Object.keys(NODE_TYPES),
  labels: null,
  since: null,
  at: '2026-01-01T00:00:00Z',
  change: { id: 'change-1' },
  changeId: 'change-1',
  on: '2026-01-01',
  until: null,
  skip: 0,
  lists: null,
  url: null,
  schema: 'fingerprint',
  seeds: 'fingerprint',
  percent: 51,
  validFrom: null,
  after: '',
};

/** Operators that read every node (of a label, or of an index) or every relationship. */
const SCANS =
  /^(AllNodesScan|NodeByLabelScan|NodeIndexScan|UndirectedAllRelationshipsScan|DirectedAllRelationshipsScan|DirectedRelationshipTypeScan|UndirectedRelationshipTypeScan)/;

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

function scansIn(plan: PlanNode): string[] {
  const own = SCANS.test(plan.operatorType)
    ? [`${plan.operatorType.replace(/@.*/, '')} ${String(plan.arguments.Details ?? '')}`]
    : [];
  return [...own, ...plan.children.flatMap(scansIn)];
}

function parametersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\$([A-Za-z_]\w*)/g)].map((match) => match[1] ?? ''))];
}

/** The scans EXPLAIN shows in each query that is given a key; `[]` when every lookup goes through an index. */
async function unindexedLookups(
  db: Database,
  among: (query: string) => boolean = () => true,
): Promise<{ query: string; scans: string[] }[]> {
  const found: { query: string; scans: string[] }[] = [];
  const session = db.driver.session({ database: db.name });
  try {
    // Index statistics and plans from when another test file's data was in the graph would otherwise decide.
    await session.run('CALL db.prepareForReplanning(60)');
    for (const query of (await projectQueries()).filter((query) => among(query.name))) {
      const names = parametersOf(query.text);
      const unknown = names.filter((name) => !(name in KEY_PARAMETERS) && !(name in OTHER_PARAMETERS));
      expect(unknown, `${query.name}: give a representative value for these parameters`).toEqual([]);
      if (!names.some((name) => name in KEY_PARAMETERS)) continue;
      const params = Object.fromEntries(
        names.map((name) => [name, name in KEY_PARAMETERS ? KEY_PARAMETERS[name] : OTHER_PARAMETERS[name]]),
      );
      const result = await session
        .run(`EXPLAIN ${query.text}`, params)
        .catch((error: Error) => ({ refused: error.message.split('\n')[0] }));
      if ('refused' in result) {
        found.push({ query: query.name, scans: [`refused by Neo4j: ${result.refused}`] });
        continue;
      }
      const plan = result.summary.plan;
      const scans = plan ? scansIn(plan as PlanNode) : [];
      if (scans.length > 0) found.push({ query: query.name, scans });
    }
  } finally {
    await session.close();
  }
  return found;
}

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await reseed(db);
});

afterAll(async () => {
  await ensureSchema(db);
  await db.close();
});

describe('query plans', () => {
  it('finds every queried id, key and name through an index', { timeout: 240_000 }, async () => {
    expect(await projectQueries()).not.toHaveLength(0);
    expect(await unindexedLookups(db)).toEqual([]);
  });

  it('catches a lookup that has lost its index', { timeout: 240_000 }, async () => {
    await db.write('DROP CONSTRAINT entity_id');
    try {
      const found = await unindexedLookups(db, (query) => query.startsWith('db/queries/'));
      expect(found.map((entry) => entry.query)).toContain('db/queries/restriction.cypher.ts:REACH[10]');
      expect(found.flatMap((entry) => entry.scans)).toContainEqual(
        expect.stringMatching(/NodeByLabelScan.*Entity/),
      );
    } finally {
      await ensureSchema(db);
    }
  });
});
