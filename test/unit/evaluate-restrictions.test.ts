import { describe, expect, it } from 'vitest';
import { typeOfStep } from '../../src/model/vocabulary.js';
import { evaluateRestrictions } from '../../src/restrictions/evaluate.js';
import type { Designation, Measure, PathStep, ReachData } from '../../src/restrictions/types.js';

const source = 'src-a';

function step(
  from: string,
  relation: PathStep['relation'],
  to: string,
  extra: Partial<PathStep> = {},
): PathStep {
  return {
    id: `${from}-${relation}-${to}`,
    from,
    to,
    relation,
    type: typeOfStep(relation),
    percent: null,
    validFrom: null,
    validTo: null,
    note: null,
    sources: [source],
    ...extra,
  };
}

const owned = (from: string, to: string, percent: number, extra: Partial<PathStep> = {}) =>
  step(from, 'OWNED_BY', to, { percent, ...extra });

function designation(partyId: string, extra: Partial<Designation> = {}): Designation {
  return {
    id: `des-${partyId}`,
    partyId,
    listId: 'list',
    listedOn: '2020-01-01',
    effectiveFrom: null,
    removedOn: null,
    instrumentId: null,
    sources: [source],
    ...extra,
  };
}

function measure(extra: Partial<Measure>): Measure {
  return {
    id: 'measure',
    name: 'Test measure',
    listId: 'list',
    effectiveFrom: '2020-01-01',
    effectiveTo: null,
    reachRule: 'NAMED_ONLY',
    reachMinPercent: null,
    reachSubsidiaryMinPercent: null,
    reachAffiliateMinPercent: null,
    reachText: 'rule text',
    reachSources: [source],
    coversProducts: false,
    extendsOnly: false,
    designationDelayDays: null,
    instrumentIds: [],
    suspensions: [],
    sources: [source],
    ...extra,
  };
}

function data(
  entityId: string,
  paths: PathStep[][],
  designations: Designation[],
  measures: Measure[],
): ReachData {
  return {
    entityId,
    paths: paths.map((steps) => ({ listedId: steps.at(-1)?.to ?? entityId, steps })),
    designations,
    measures,
    nodes: new Map([[source, { id: source, name: 'Source', labels: ['Source'], evidence: 'PRIMARY' }]]),
  };
}

const threshold = measure({ reachRule: 'OWNERSHIP_THRESHOLD', reachMinPercent: 50, extendsOnly: true });

describe('ownership thresholds', () => {
  it('adds stakes of parallel listed owners (30 % + 25 % reaches 50 %)', () => {
    const report = evaluateRestrictions(
      data(
        'x',
        [[owned('x', 'a', 30)], [owned('x', 'b', 25)]],
        [designation('a'), designation('b')],
        [threshold],
      ),
      '2024-01-01',
    );
    expect(report.restrictions).toHaveLength(1);
    expect(report.restrictions[0]).toMatchObject({ basis: 'OWNERSHIP_THRESHOLD', effectivePercent: 55 });
  });

  it('counts the stake of a party that is itself covered (60 % of 60 %)', () => {
    const report = evaluateRestrictions(
      data('x', [[owned('x', 'a', 60), owned('a', 'listed', 60)]], [designation('listed')], [threshold]),
      '2024-01-01',
    );
    expect(report.restrictions[0]).toMatchObject({ basis: 'OWNERSHIP_THRESHOLD', effectivePercent: 60 });
  });

  it('leaves a 49 % stake out, with BELOW_THRESHOLD', () => {
    const report = evaluateRestrictions(
      data('x', [[owned('x', 'a', 49)]], [designation('a')], [threshold]),
      '2024-01-01',
    );
    expect(report.restrictions).toEqual([]);
    expect(report.notApplied[0]).toMatchObject({ reason: 'BELOW_THRESHOLD' });
  });

  it('terminates on a cycle of ownership and counts no stake twice', () => {
    // x and a own each other; the listed party holds 20 % of x directly.
    const cycle = [owned('x', 'a', 40), owned('a', 'x', 60), owned('x', 'listed', 20)];
    const report = evaluateRestrictions(
      data('x', [cycle, [owned('x', 'listed', 20)]], [designation('listed')], [threshold]),
      '2024-01-01',
    );
    expect(report.restrictions).toEqual([]);
    expect(report.notApplied[0]).toMatchObject({ reason: 'BELOW_THRESHOLD' });
  });

  it('does not report an extension-only measure for the listed party itself', () => {
    const report = evaluateRestrictions(data('x', [[]], [designation('x')], [threshold]), '2024-01-01');
    expect(report.restrictions).toEqual([]);
    expect(report.notApplied).toEqual([]);
  });
});

describe('subsidiaries and affiliates', () => {
  const fcc = measure({
    reachRule: 'SUBSIDIARIES_AND_AFFILIATES',
    reachAffiliateMinPercent: 10,
    coversProducts: true,
  });

  it('reaches an 11 % holding as an affiliate but not a 10 % one', () => {
    const at = (percent: number) =>
      evaluateRestrictions(data('x', [[owned('x', 'a', percent)]], [designation('a')], [fcc]), '2024-01-01');
    expect(at(11).restrictions[0]).toMatchObject({ basis: 'SUBSIDIARY_OR_AFFILIATE' });
    expect(at(10).notApplied[0]).toMatchObject({ reason: 'BELOW_THRESHOLD' });
  });

  it("reaches a brand through its maker as PRODUCT_OF, and says a party-only measure doesn't", () => {
    const path = [[step('brand', 'MADE_BY_OEM', 'maker')]];
    expect(
      evaluateRestrictions(data('brand', path, [designation('maker')], [fcc]), '2024-01-01').restrictions[0],
    ).toMatchObject({
      basis: 'PRODUCT_OF',
    });
    const partyOnly = measure({ reachRule: 'SUBSIDIARIES_AND_AFFILIATES' });
    const report = evaluateRestrictions(
      data('brand', path, [designation('maker')], [partyOnly]),
      '2024-01-01',
    );
    expect(report.notApplied[0]).toMatchObject({ reason: 'PRODUCTS_NOT_COVERED' });
  });
});

describe('dates', () => {
  const named = measure({ reachRule: 'NAMED_ONLY', designationDelayDays: 60 });

  it('applies a delayed measure 60 days after listing', () => {
    const listed = [designation('x', { listedOn: '2021-01-14' })];
    expect(evaluateRestrictions(data('x', [[]], listed, [named]), '2021-03-14').notApplied[0]).toMatchObject({
      reason: 'NOT_YET_EFFECTIVE',
    });
    expect(evaluateRestrictions(data('x', [[]], listed, [named]), '2021-03-15').restrictions).toHaveLength(1);
  });

  it('stops at removal from the list and during a suspension', () => {
    const removed = [designation('x', { removedOn: '2022-01-01' })];
    expect(evaluateRestrictions(data('x', [[]], removed, [named]), '2022-01-01').notApplied[0]).toMatchObject(
      {
        reason: 'REMOVED_FROM_LIST',
      },
    );
    const suspended = measure({
      suspensions: [{ instrumentId: 'order', from: '2023-01-01', to: '2024-01-01' }],
    });
    const during = evaluateRestrictions(data('x', [[]], [designation('x')], [suspended]), '2023-06-01');
    expect(during.notApplied[0]).toMatchObject({ reason: 'SUSPENDED' });
    expect(
      evaluateRestrictions(data('x', [[]], [designation('x')], [suspended]), '2024-01-01').restrictions,
    ).toHaveLength(1);
  });

  it('ignores a relation before it began and after it ended', () => {
    const sub = measure({ reachRule: 'SUBSIDIARIES_AND_AFFILIATES' });
    const path = [[step('x', 'SUBSIDIARY_OF', 'a', { validFrom: '2021-01-01', validTo: '2022-01-01' })]];
    const at = (date: string) => evaluateRestrictions(data('x', path, [designation('a')], [sub]), date);
    expect(at('2020-06-01').notApplied[0]).toMatchObject({ reason: 'RELATION_NOT_STARTED' });
    expect(at('2021-06-01').restrictions).toHaveLength(1);
    expect(at('2022-01-01').notApplied[0]).toMatchObject({ reason: 'RELATION_ENDED' });
  });
});

describe('parallel paths', () => {
  // A parent link and an ownership record between the same two parties, as the seeds hold for EZVIZ Network.
  const parent = step('x', 'SUBSIDIARY_OF', 'a');
  const ownership = owned('x', 'a', 60);
  const reach = measure({ reachRule: 'SUBSIDIARIES_AND_AFFILIATES' });
  const namedOnly = measure({ id: 'named', reachRule: 'NAMED_ONLY' });
  const relations = (paths: PathStep[][]) => {
    const report = evaluateRestrictions(
      data('x', paths, [designation('a')], [reach, namedOnly]),
      '2024-01-01',
    );
    return {
      applied: report.restrictions.map((item) => item.steps[0]?.relation),
      notApplied: report.notApplied.map((item) => item.steps[0]?.relation),
    };
  };

  it('show the ownership record whatever order the database returned the paths in', () => {
    const expected = { applied: ['OWNED_BY'], notApplied: ['OWNED_BY'] };
    expect(relations([[parent], [ownership]])).toEqual(expected);
    expect(relations([[ownership], [parent]])).toEqual(expected);
  });
});
