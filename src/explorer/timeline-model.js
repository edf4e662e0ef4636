// @ts-check
/**
 * What the Timeline tab draws, worked out from the Timeline operation's answer without the DOM (so it can be
 * unit-tested): one row per listing, per measure that reaches the entity and per dated relation, each with its
 * period, and the events (listed, removed, a measure taking effect or ending, a suspension starting or ending, a
 * relation beginning or ending) in date order.
 *
 * Which measures reach the entity comes from explainRestrictions on today: those that apply and those that do not
 * apply for a reason of dates (suspended, not yet effective, ended, removed, a relation not in force). Measures
 * that can never reach it (a named-only rule, ownership below the threshold, products not covered) are left out.
 */

/**
 * @import { TimelineQuery } from '../operations/operations.generated.js'
 */

/**
 * @typedef {TimelineQuery} TimelineAnswer
 * @typedef {NonNullable<TimelineQuery['entity']>} TimelineEntity
 * @typedef {TimelineQuery['explainRestrictions']['restrictions'][number]} TimelineReach
 * @typedef {TimelineEntity['designations'][number]} TimelineListing
 * @typedef {TimelineEntity['owners'][number]} TimelineRelation
 * @typedef {TimelineReach['path']['steps'][number]} TimelineStep
 * @typedef {'listing' | 'measure' | 'relation'} Lane
 * @typedef {'listed' | 'listing-effective' | 'removed' | 'measure-start' | 'measure-end' | 'suspended'
 *   | 'suspension-ended' | 'relation-start' | 'relation-end'} EventKind
 * @typedef {{ from: string | null, to: string | null, label: string }} Gap
 * @typedef {{
 *   id: string,
 *   lane: Lane,
 *   group: string,
 *   label: string,
 *   detail: string,
 *   from: string | null,
 *   to: string | null,
 *   gaps: Gap[],
 *   measureId: string | null,
 * }} Row
 * @typedef {{ date: string, kind: EventKind, text: string, rowId: string }} TimelineEvent
 * @typedef {{
 *   entityId: string,
 *   rows: Row[],
 *   events: TimelineEvent[],
 *   undatedRelations: number,
 *   lists: { id: string, name: string }[],
 *   parties: string[],
 *   dates: string[],
 * }} TimelineModel
 */

/** Reasons a reachable measure does not apply that depend on the date: it applies on other dates. */
export const DATED_REASONS = new Set([
  'SUSPENDED',
  'NOT_YET_EFFECTIVE',
  'MEASURE_ENDED',
  'REMOVED_FROM_LIST',
  'RELATION_ENDED',
  'RELATION_NOT_STARTED',
]);

/** @type {Record<EventKind, number>} the order of events on one day */
const KIND_ORDER = {
  'relation-end': 0,
  removed: 1,
  'measure-end': 2,
  suspended: 3,
  'relation-start': 4,
  listed: 5,
  'listing-effective': 6,
  'measure-start': 7,
  'suspension-ended': 8,
};

/**
 * @param {TimelineAnswer} answer
 * @returns {TimelineModel}
 */
export function timelineModel(answer) {
  const entity = answer.entity;
  if (!entity) throw new Error('No such entity.');
  const report = answer.explainRestrictions;
  const reaches = [
    ...report.restrictions,
    ...report.notApplied.filter((unapplied) => DATED_REASONS.has(unapplied.reason)),
  ];
  /** @type {Row[]} */
  const rows = [];
  /** @type {TimelineEvent[]} */
  const events = [];
  /**
   * @param {string | null | undefined} date
   * @param {EventKind} kind
   * @param {string} text
   * @param {string} rowId
   */
  const event = (date, kind, text, rowId) => {
    if (date) events.push({ date, kind, text, rowId });
  };

  // Listings: the entity's own, then those of the parties through which a measure reaches it.
  /** @type {Map<string, { designation: TimelineListing | TimelineReach['designation'], party: { id: string, name: string } }>} */
  const listings = new Map();
  for (const designation of entity.designations)
    listings.set(designation.id, { designation, party: { id: entity.id, name: entity.name } });
  for (const reach of reaches)
    if (!listings.has(reach.designation.id))
      listings.set(reach.designation.id, { designation: reach.designation, party: reach.listedEntity });
  const listingOrder = [...listings.values()].sort(
    (a, b) =>
      Number(a.party.id !== entity.id) - Number(b.party.id !== entity.id) ||
      a.designation.listedOn.localeCompare(b.designation.listedOn),
  );
  for (const { designation, party } of listingOrder) {
    const own = party.id === entity.id;
    const list = designation.list.name;
    const id = `listing:${designation.id}`;
    const effective =
      designation.effectiveFrom && designation.effectiveFrom > designation.listedOn
        ? designation.effectiveFrom
        : null;
    rows.push({
      id,
      lane: 'listing',
      group: own ? 'Its listings' : `Reached through the listings of ${party.name}`,
      label: list,
      detail: [
        own ? `listed on ${list}` : `${party.name} listed on ${list}`,
        `listed ${designation.listedOn}`,
        effective ? `effective ${effective}` : '',
        designation.removedOn ? `removed ${designation.removedOn}` : 'still listed',
      ]
        .filter(Boolean)
        .join(' · '),
      from: designation.listedOn,
      to: designation.removedOn ?? null,
      gaps: [],
      measureId: null,
    });
    event(designation.listedOn, 'listed', own ? `Listed on ${list}` : `${party.name} listed on ${list}`, id);
    event(
      effective,
      'listing-effective',
      `${own ? 'The' : `${party.name}'s`} listing on ${list} takes effect`,
      id,
    );
    event(
      designation.removedOn,
      'removed',
      own ? `Removed from ${list}` : `${party.name} removed from ${list}`,
      id,
    );
  }

  // Measures: one row per measure, from the day it first reaches the entity to the day it last does.
  /** @type {Map<string, TimelineReach[]>} */
  const byMeasure = new Map();
  for (const reach of reaches)
    byMeasure.set(reach.measure.id, [...(byMeasure.get(reach.measure.id) ?? []), reach]);
  const measureOrder = [...byMeasure].map(([measureId, group]) => {
    const periods = group.map(reachPeriod);
    return { measureId, group, periods, from: periods.map((period) => period.from).sort()[0] ?? '' };
  });
  measureOrder.sort((a, b) => a.from.localeCompare(b.from));
  for (const { measureId, group, periods, from } of measureOrder) {
    const measure = group[0]?.measure;
    if (!measure) continue;
    const to = periods.some((period) => period.to === null)
      ? null
      : (periods
          .map((period) => /** @type {string} */ (period.to))
          .sort()
          .at(-1) ?? null);
    const through = [...new Set(group.map((reach) => reach.listedEntity.name))];
    const own = group.some((reach) => reach.listedEntity.id === entity.id);
    const lists = [...new Set(group.map((reach) => reach.designation.list.name))];
    const id = `measure:${measureId}`;
    const gaps = measure.suspensions.map((suspension) => ({
      from: suspension.from ?? null,
      to: suspension.to ?? null,
      label: `suspended ${suspension.from ?? 'from the start'} → ${suspension.to ?? 'open-ended'} (${suspension.instrument.name})`,
    }));
    rows.push({
      id,
      lane: 'measure',
      group: 'Measures that reach it',
      label: measure.name,
      detail: [
        own ? `its listing on ${lists.join(', ')}` : `through ${through.join(', ')} (${lists.join(', ')})`,
        `from ${from}`,
        to ? `until ${to}` : '',
        ...gaps.map((gap) => gap.label),
      ]
        .filter(Boolean)
        .join(' · '),
      from,
      to,
      gaps,
      measureId,
    });
    event(
      from,
      'measure-start',
      `${measure.name} takes effect${own ? '' : ` (through ${through.join(', ')})`}`,
      id,
    );
    event(to, 'measure-end', `${measure.name} no longer applies`, id);
    for (const suspension of measure.suspensions) {
      event(suspension.from, 'suspended', `${measure.name} suspended (${suspension.instrument.name})`, id);
      event(suspension.to, 'suspension-ended', `Suspension of ${measure.name} ends: it applies again`, id);
    }
  }

  // Relations with a start or an end: the entity's own, then those on the paths measures take.
  const relations = ownRelations(entity);
  /** @type {Set<string>} */
  const seen = new Set();
  for (const { relation, label } of relations) {
    if (!relation.validFrom && !relation.validTo) continue;
    seen.add(pairKey(entity.id, relation.entity.id, relation.validFrom, relation.validTo));
    relationRow(`relation:${relation.id}`, label, relation.validFrom ?? null, relation.validTo ?? null);
  }
  for (const reach of reaches)
    for (const step of reach.path.steps) {
      if (!step.validFrom && !step.validTo) continue;
      const key = pairKey(step.from.id, step.to.id, step.validFrom, step.validTo);
      if (seen.has(key)) continue;
      seen.add(key);
      relationRow(
        `step:${key}`,
        `${step.from.name} ${step.label}${percentSuffix(step.percent)} ${step.to.name}`,
        step.validFrom ?? null,
        step.validTo ?? null,
      );
    }

  /**
   * @param {string} id
   * @param {string} label
   * @param {string | null} from
   * @param {string | null} to
   */
  function relationRow(id, label, from, to) {
    rows.push({
      id,
      lane: 'relation',
      group: 'Relations with dates',
      label,
      detail: `${from ? `from ${from}` : 'start not known'} · ${to ? `until ${to}` : 'still holds'}`,
      from,
      to,
      gaps: [],
      measureId: null,
    });
    event(from, 'relation-start', `Begins: ${label}`, id);
    event(to, 'relation-end', `Ends: ${label}`, id);
  }

  events.sort((a, b) => a.date.localeCompare(b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  const lists = new Map(
    [...listings.values()].map(({ designation }) => [designation.list.id, designation.list]),
  );
  const dates = [
    ...new Set(rows.flatMap((row) => [row.from, row.to, ...row.gaps.flatMap((gap) => [gap.from, gap.to])])),
  ]
    .filter(/** @returns {date is string} */ (date) => typeof date === 'string')
    .sort();
  return {
    entityId: entity.id,
    rows,
    events,
    undatedRelations: relations.filter(({ relation }) => !relation.validFrom && !relation.validTo).length,
    lists: [...lists.values()].map((list) => ({ id: list.id, name: list.name })),
    parties: [...new Set([entity.id, ...reaches.map((reach) => reach.listedEntity.id)])],
    dates,
  };
}

/**
 * When one path makes a measure reach the entity: from the latest of the measure's start, the listing's effect
 * and each relation's start, to the earliest of their ends (null: open).
 *
 * @param {TimelineReach} reach
 * @returns {{ from: string, to: string | null }}
 */
function reachPeriod(reach) {
  const { measure, designation } = reach;
  const starts = [
    measure.effectiveFrom,
    designation.effectiveFrom ?? designation.listedOn,
    ...reach.path.steps.map((step) => step.validFrom),
  ].filter(/** @returns {date is string} */ (date) => typeof date === 'string');
  const ends = [
    measure.effectiveTo,
    designation.removedOn,
    ...reach.path.steps.map((step) => step.validTo),
  ].filter(/** @returns {date is string} */ (date) => typeof date === 'string');
  return { from: /** @type {string} */ (starts.sort().at(-1)), to: ends.sort()[0] ?? null };
}

/**
 * The entity's relations, each with how it reads from the entity, in the API's words (Relation.label).
 *
 * @param {TimelineEntity} entity
 * @returns {{ relation: TimelineRelation, label: string }[]}
 */
function ownRelations(entity) {
  /** @type {(keyof TimelineEntity)[]} */
  const groups = ['owners', 'subsidiaries', 'affiliates', 'brands', 'brandOwners', 'oemMakers', 'oemBrands'];
  return groups.flatMap((field) =>
    /** @type {TimelineRelation[]} */ (entity[field]).map((relation) => ({
      relation,
      label: `${capitalised(relation.label)}${percentSuffix(relation.percent)} ${relation.entity.name}`,
    })),
  );
}

/** @param {string} text */
function capitalised(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** @param {number | null | undefined} percent */
function percentSuffix(percent) {
  return percent === null || percent === undefined ? '' : ` ${Number(percent.toFixed(2))} %`;
}

/**
 * @param {string} a
 * @param {string} b
 * @param {string | null | undefined} from
 * @param {string | null | undefined} to
 */
function pairKey(a, b, from, to) {
  return `${[a, b].sort().join('~')}|${from ?? ''}|${to ?? ''}`;
}

/**
 * Days since 1970-01-01 of a YYYY-MM-DD date (UTC, as the API's dates are).
 *
 * @param {string} date
 */
export function dayOf(date) {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/**
 * The YYYY-MM-DD date of a day number (see dayOf).
 *
 * @param {number} day
 */
export function dateOf(day) {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The days the chart and its slider span: every date of the model, today and the date shown, with a margin.
 *
 * @param {readonly string[]} dates
 * @param {readonly string[]} alsoShow
 * @returns {{ start: number, end: number }}
 */
export function domainOf(dates, alsoShow) {
  const days = [...dates, ...alsoShow].map(dayOf);
  const first = Math.min(...days);
  const last = Math.max(...days);
  const span = Math.max(last - first, 730);
  const margin = Math.max(45, Math.round(span * 0.04));
  const start = dates.length ? first - margin : last - span;
  return { start, end: last + margin };
}

/**
 * The same day a number of years earlier (29 February becomes 28 February).
 *
 * @param {string} date
 * @param {number} years
 */
export function yearsBefore(date, years) {
  const [year, month, day] = date.split('-').map(Number);
  const shifted = new Date(
    Date.UTC(/** @type {number} */ (year) - years, /** @type {number} */ (month) - 1, day),
  );
  if (shifted.getUTCDate() !== day) shifted.setUTCDate(0);
  return shifted.toISOString().slice(0, 10);
}
