import { describe, expect, it } from 'vitest';
import { useSeededServer } from '../helpers/seeded-server.js';

const context = useSeededServer();
const server = () => context.server();

interface Explained {
  basis: string;
  rule: string;
  effectivePercent: number | null;
  listedEntity: { id: string };
  measure: { id: string };
  designation: { id: string; listedOn: string; list: { id: string }; party: { id: string } };
  path: { steps: { from: { id: string }; relation: string; to: { id: string }; percent: number | null }[] };
}
interface Change {
  entity: { id: string };
  before: { restricted: boolean };
  after: { restricted: boolean; restrictions: Explained[] };
  gained: Explained[];
  lost: Explained[];
}
interface WhatIf {
  asOf: string;
  considered: number;
  becomeRestricted: Change[];
  noLongerRestricted: Change[];
  changed: Change[];
}

const EXPLAINED = `basis rule effectivePercent listedEntity { id } measure { id }
  designation { id listedOn list { id } party { id } }
  path { steps { from { id } relation to { id } percent } }`;
const CHANGE = `entity { id } before { restricted } after { restricted restrictions { ${EXPLAINED} } }
  gained { ${EXPLAINED} } lost { ${EXPLAINED} }`;
const WHAT_IF = `query($assume: [AssumptionInput!]!, $asOf: Date, $ids: [ID!]) {
  whatIf(assume: $assume, asOf: $asOf, ids: $ids) {
    asOf considered
    becomeRestricted { ${CHANGE} } noLongerRestricted { ${CHANGE} } changed { ${CHANGE} }
  }
}`;

async function whatIf(variables: Record<string, unknown>): Promise<WhatIf> {
  const result = await server().graphql<{ whatIf: WhatIf }>(WHAT_IF, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.whatIf;
}

const ids = (changes: Change[]) => changes.map((change) => change.entity.id).sort();

/** Everything the graph holds, so a test can show that a question wrote nothing. */
async function fingerprint(): Promise<unknown> {
  return context
    .db()
    .read(
      `MATCH (n) OPTIONAL MATCH (n)-[r]->() WITH n, collect(properties(r)) AS out
       RETURN count(n) AS nodes, sum(size(out)) AS relationships,
              collect(n.id + ':' + coalesce(toString(n.removedOn), '')) AS ids`,
    )
    .then(([row]) => JSON.stringify(row));
}

describe('whatIf', () => {
  it('designating CETC on the Entity List after the suspension ends adds the affiliates rule to CETHIK, which it wholly owns, and not to Hikvision (38.88 % through CETHIK)', async () => {
    const before = await fingerprint();
    const answer = await whatIf({
      assume: [{ designate: { partyId: 'cetc', listId: 'bis-entity-list', on: '2026-11-20' } }],
      asOf: '2026-12-01',
    });
    expect(answer.asOf).toBe('2026-12-01');
    // Both are restricted already (the §1260H and NS-CMIC lists name CETC); the listing adds measures.
    expect(answer.becomeRestricted).toEqual([]);
    expect(ids(answer.changed)).toEqual(['cetc', 'cethik']);
    const cethik = answer.changed.find((change) => change.entity.id === 'cethik')!;
    expect(cethik.before.restricted).toBe(true);
    expect(cethik.gained).toHaveLength(1);
    expect(cethik.gained[0]).toMatchObject({
      basis: 'OWNERSHIP_THRESHOLD',
      measure: { id: 'bis-affiliates-rule' },
      listedEntity: { id: 'cetc' },
      effectivePercent: 100,
      designation: { listedOn: '2026-11-20', list: { id: 'bis-entity-list' }, party: { id: 'cetc' } },
      path: { steps: [{ from: { id: 'cethik' }, to: { id: 'cetc' }, percent: 100 }] },
    });
    const cetc = answer.changed.find((change) => change.entity.id === 'cetc')!;
    expect(cetc.gained).toMatchObject([
      {
        basis: 'DIRECT',
        measure: { id: 'entity-list-licence-requirement' },
        designation: { id: 'assumed-1' },
      },
    ]);
    // Hikvision is judged (it is below CETC), and gains nothing: 38.88 % is under the rule's 50 %, and its own
    // Entity List listing does not make CETC's stake count as 100 %.
    expect(answer.considered).toBeGreaterThanOrEqual(3);
    // Nothing was written: the graph and a plain explanation are as before.
    expect(await fingerprint()).toBe(before);
    const plain = await server().graphql<{
      explainRestrictions: { restrictions: { measure: { id: string } }[] };
    }>('{ explainRestrictions(id: "cethik", asOf: "2026-12-01") { restrictions { measure { id } } } }');
    const measures = plain.data!.explainRestrictions.restrictions.map(
      (restriction) => restriction.measure.id,
    );
    expect(measures).not.toHaveLength(0);
    expect(measures).not.toContain('bis-affiliates-rule');
  });

  it('names the lists it was judged against and whether the graph holds them whole', async () => {
    const result = await server().graphql<{
      whatIf: { coverage: { list: { id: string }; complete: boolean }[] };
    }>(
      `{ whatIf(assume: [{ designate: { partyId: "cetc", listId: "bis-entity-list", on: "2026-11-20" } }]) {
           coverage { list { id } complete } } }`,
    );
    expect(result.errors).toBeUndefined();
    const coverage = result.data!.whatIf.coverage;
    expect(coverage).toContainEqual({ list: { id: 'bis-entity-list' }, complete: false });
    expect(coverage.map((item) => item.list.id)).toEqual(
      expect.arrayContaining(['dod-1260h-list', 'fcc-covered-list']),
    );
  });

  it('before 2026-11-10 the same listing changes CETC alone: the affiliates rule is suspended', async () => {
    const answer = await whatIf({
      assume: [{ designate: { partyId: 'cetc', listId: 'bis-entity-list', on: '2026-01-05' } }],
      asOf: '2026-01-15',
    });
    expect(ids([...answer.becomeRestricted, ...answer.changed])).toEqual(['cetc']);
  });

  it('ending the suspension early adds the affiliates rule to everyone reach finds on the date', async () => {
    const answer = await whatIf({
      assume: [{ endSuspension: { measureId: 'bis-affiliates-rule', on: '2026-01-01' } }],
      asOf: '2026-01-15',
    });
    const reached = await server().graphql<{ reach: { edges: { node: { id: string } }[] } }>(
      '{ reach(measureId: "bis-affiliates-rule", asOf: "2026-12-01", first: 100) { edges { node { id } } } }',
    );
    const affected = [...answer.becomeRestricted, ...answer.changed];
    expect(ids(affected)).toEqual(reached.data!.reach.edges.map((edge) => edge.node.id).sort());
    expect(ids(affected)).toContain('hikrobot');
    for (const change of affected)
      expect(change.gained.map((restriction) => restriction.measure.id)).toEqual(['bis-affiliates-rule']);
  });

  it('an assumed 51 % stake held by Hikvision reaches the company it would own, from the day it starts', async () => {
    const assume = [
      { relation: { type: 'OWNS', from: 'hikvision', to: 'xiaomi', percent: 51, validFrom: '2026-11-15' } },
    ];
    const after = await whatIf({ assume, asOf: '2026-12-01' });
    expect(ids(after.becomeRestricted)).toEqual(['xiaomi']);
    const gained = after.becomeRestricted[0]!.gained;
    expect(gained.find((restriction) => restriction.measure.id === 'bis-affiliates-rule')).toMatchObject({
      measure: { id: 'bis-affiliates-rule' },
      listedEntity: { id: 'hikvision' },
      effectivePercent: 51,
      path: { steps: [{ from: { id: 'xiaomi' }, to: { id: 'hikvision' }, percent: 51 }] },
    });
    const earlier = await whatIf({ assume, asOf: '2026-11-01' });
    expect(earlier.becomeRestricted).toEqual([]);
  });

  it("ending Hikvision's Entity List listing takes the affiliates rule off Hikrobot, which other lists still restrict", async () => {
    const [listing] = await context
      .db()
      .read<{ id: string }>(
        "MATCH (:Company {id: 'hikvision'})<-[:DESIGNATES]-(d:Designation)-[:ON_LIST]->(:RestrictedList {id: 'bis-entity-list'}) RETURN d.id AS id",
      );
    const answer = await whatIf({
      assume: [{ endDesignation: { designationId: listing!.id, on: '2026-11-20' } }],
      asOf: '2026-12-01',
      ids: ['hikrobot', 'xiaomi'],
    });
    expect(answer.considered).toBe(2);
    const hikrobot = [...answer.changed, ...answer.noLongerRestricted].find(
      (change) => change.entity.id === 'hikrobot',
    )!;
    expect(hikrobot.lost.map((restriction) => restriction.measure.id)).toEqual(['bis-affiliates-rule']);
    expect(hikrobot.gained).toEqual([]);
  });

  it.each([
    ['no assumption', { assume: [] }, 'assume'],
    [
      'two facts in one assumption',
      {
        assume: [
          {
            designate: { partyId: 'cetc', listId: 'bis-entity-list', on: '2026-11-20' },
            endSuspension: { measureId: 'bis-affiliates-rule', on: '2026-01-01' },
          },
        ],
      },
      'assume[0]',
    ],
    [
      'a brand as the listed party',
      { assume: [{ designate: { partyId: 'brand-ezviz', listId: 'bis-entity-list', on: '2026-11-20' } }] },
      'assume[0].designate.partyId',
    ],
    [
      'an unknown list',
      { assume: [{ designate: { partyId: 'cetc', listId: 'no-such-list', on: '2026-11-20' } }] },
      'assume[0].designate.listId',
    ],
    [
      'a percentage over 100',
      { assume: [{ relation: { type: 'OWNS', from: 'hikvision', to: 'xiaomi', percent: 150 } }] },
      'assume[0].relation.percent',
    ],
    [
      'a company owning itself',
      { assume: [{ relation: { type: 'OWNS', from: 'xiaomi', to: 'xiaomi', percent: 50 } }] },
      'assume[0].relation.to',
    ],
    [
      'a bad date',
      { assume: [{ endSuspension: { measureId: 'bis-affiliates-rule', on: '2026-02-30' } }] },
      'assume',
    ],
  ])('refuses %s with BAD_USER_INPUT', async (_, variables, argument) => {
    const before = await fingerprint();
    const result = await server().graphql(WHAT_IF, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain(argument);
    expect(await fingerprint()).toBe(before);
  });
});
