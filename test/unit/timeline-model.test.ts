import { describe, expect, it } from 'vitest';
import type { TimelineQuery } from '../../src/operations/operations.generated.js';
import { dateOf, dayOf, domainOf, timelineModel, yearsBefore } from '../../src/explorer/timeline-model.js';

type Reach = TimelineQuery['explainRestrictions']['restrictions'][number];
type Unapplied = TimelineQuery['explainRestrictions']['notApplied'][number];

const hikvision = { id: 'hikvision', name: 'Hikvision' };
const entityList = { id: 'bis-entity-list', name: 'Entity List' };
const listing = {
  id: 'des-hikvision-bis-entity-list',
  listedOn: '2019-10-09',
  effectiveFrom: null,
  removedOn: null,
  list: entityList,
};
const ownedBy = {
  from: { id: 'hikrobot', name: 'Hikrobot' },
  to: hikvision,
  type: 'OWNS' as const,
  label: 'owned by',
  percent: 60,
  validFrom: null,
  validTo: null,
};
const affiliatesRule = {
  id: 'bis-affiliates-rule',
  name: 'BIS affiliates rule',
  effectiveFrom: '2025-09-29',
  effectiveTo: null,
  suspensions: [
    {
      from: '2025-11-10',
      to: '2026-11-10',
      instrument: { id: 'fr-2025-19846', name: 'One-year suspension' },
    },
  ],
};

function answer(restrictions: Reach[], notApplied: Unapplied[]): TimelineQuery {
  return {
    entity: {
      id: 'hikrobot',
      name: 'Hikrobot',
      designations: [],
      owners: [
        {
          id: 'hikvision-OWNS-hikrobot',
          type: 'OWNS',
          label: 'owned by',
          percent: 60,
          validFrom: null,
          validTo: null,
          entity: hikvision,
        },
      ],
      subsidiaries: [
        {
          id: 'hikrobot-OWNS-lab',
          type: 'OWNS',
          label: 'owns',
          percent: 51,
          validFrom: '2020-01-01',
          validTo: '2023-06-30',
          entity: { id: 'lab', name: 'Lab' },
        },
      ],
      affiliates: [],
      brands: [],
      brandOwners: [],
      oemMakers: [],
      oemBrands: [],
    },
    explainRestrictions: { asOf: '2026-12-02', restrictions, notApplied },
  };
}

describe('the timeline of an entity reached through its owner', () => {
  const model = timelineModel(
    answer(
      [
        {
          measure: affiliatesRule,
          designation: listing,
          listedEntity: hikvision,
          path: { steps: [ownedBy] },
        },
      ],
      [
        {
          reason: 'NAMED_ONLY_RULE',
          measure: { ...affiliatesRule, id: 'entity-list-licence-requirement', name: 'Licence requirement' },
          designation: listing,
          listedEntity: hikvision,
          path: { steps: [ownedBy] },
        },
      ],
    ),
  );

  it("shows the owner's listing, the measure taking effect, its suspension and a dated relation, in date order", () => {
    expect(model.events.map((event) => [event.date, event.kind, event.text])).toEqual([
      ['2019-10-09', 'listed', 'Hikvision listed on Entity List'],
      ['2020-01-01', 'relation-start', 'Begins: Owns 51 % Lab'],
      ['2023-06-30', 'relation-end', 'Ends: Owns 51 % Lab'],
      ['2025-09-29', 'measure-start', 'BIS affiliates rule takes effect (through Hikvision)'],
      ['2025-11-10', 'suspended', 'BIS affiliates rule suspended (One-year suspension)'],
      ['2026-11-10', 'suspension-ended', 'Suspension of BIS affiliates rule ends: it applies again'],
    ]);
  });

  it('leaves out measures that can never reach it, and counts relations without dates', () => {
    expect(model.rows.map((row) => [row.lane, row.label])).toEqual([
      ['listing', 'Entity List'],
      ['measure', 'BIS affiliates rule'],
      ['relation', 'Owns 51 % Lab'],
    ]);
    expect(model.rows[0]?.group).toBe('Reached through the listings of Hikvision');
    expect(model.undatedRelations).toBe(1);
    expect(model.lists).toEqual([entityList]);
    expect(model.parties).toEqual(['hikrobot', 'hikvision']);
  });

  it('draws a measure from the latest of its start, the listing and the path, with its suspension as a gap', () => {
    const measure = model.rows.find((row) => row.lane === 'measure');
    expect(measure).toMatchObject({
      from: '2025-09-29',
      to: null,
      gaps: [{ from: '2025-11-10', to: '2026-11-10' }],
      measureId: 'bis-affiliates-rule',
    });
  });

  it('keeps a measure that does not apply today for a reason of dates', () => {
    const later = timelineModel(
      answer(
        [],
        [
          {
            reason: 'SUSPENDED',
            measure: affiliatesRule,
            designation: { ...listing, removedOn: '2027-01-01' },
            listedEntity: hikvision,
            path: { steps: [{ ...ownedBy, validTo: '2026-12-31' }] },
          },
        ],
      ),
    );
    expect(later.rows.find((row) => row.lane === 'measure')).toMatchObject({
      from: '2025-09-29',
      to: '2026-12-31',
    });
    expect(later.events.map((event) => event.kind)).toContain('removed');
  });
});

describe('timeline dates', () => {
  it('counts days in UTC both ways', () => {
    expect(dayOf('1970-01-02')).toBe(1);
    expect(dateOf(dayOf('2025-11-10'))).toBe('2025-11-10');
  });

  it('goes back whole years, 29 February to 28 February', () => {
    expect(yearsBefore('2026-01-15', 1)).toBe('2025-01-15');
    expect(yearsBefore('2024-02-29', 1)).toBe('2023-02-28');
  });

  it('spans every date with a margin, and two years at least', () => {
    const { start, end } = domainOf(['2019-10-09', '2026-11-10'], ['2026-12-02']);
    expect(start).toBeLessThan(dayOf('2019-10-09'));
    expect(end).toBeGreaterThan(dayOf('2026-12-02'));
    const empty = domainOf([], ['2026-12-02']);
    expect(empty.end - empty.start).toBeGreaterThanOrEqual(730);
  });
});
