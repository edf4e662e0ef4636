// @ts-check
import { TIMELINE, WHAT_CHANGED } from '../operations/operations.js';
import { graphql } from './api.js';
import { h, setChildren, today } from './dom.js';
import { DATED_REASONS, dateOf, dayOf, domainOf, timelineModel, yearsBefore } from './timeline-model.js';

/**
 * @import { RestrictionReport } from '../operations/answers.js'
 * @import { WhatChangedQuery } from '../operations/operations.generated.js'
 * @import { Lane, Row, TimelineEvent, TimelineModel } from './timeline-model.js'
 */

/**
 * @typedef {{ id: string, name: string }} EntityRef
 * @typedef {WhatChangedQuery['restrictionChanges'][number]['lost'][number]} RestrictionChange
 * @typedef {WhatChangedQuery['listingChanges']['edges'][number]['node']} ListingChange
 */

/** @type {Lane[]} the lanes, top to bottom */
const LANES = ['listing', 'measure', 'relation'];
/** A slider moved with the keyboard changes on every key press: apply the date once it rests this long. */
const APPLY_DELAY_MS = 300;
/** Listing changes shown for one comparison (listingChanges' page). */
const LISTING_PAGE = 100;

/**
 * The Timeline tab: the entity's listings, the measures that reach it (with their suspensions) and its dated
 * relations on one time axis, with the "as of" date as a slider over it; the events in date order, each a link
 * to that date; and "What changed" between two dates (restrictionChanges for the entity, listingChanges for the
 * lists it is on or reached through).
 *
 * The panel keeps its elements while the date moves (so the slider keeps focus): `show` loads an entity's timeline
 * once, `setAsOf` moves the cursor, `setReport` marks what applies on the date from the Why panel's answer.
 * Moving the slider, a date in the events or the earlier/later buttons calls `onAsOf`, which changes the
 * explorer's date (and so calls `setAsOf` back).
 *
 * @param {HTMLElement} container
 * @param {{ onAsOf: (date: string) => void }} actions
 */
export function createTimelinePanel(container, { onAsOf }) {
  /** @type {TimelineModel | null} */
  let model = null;
  /** @type {string | null} */
  let entityId = null;
  /** @type {Promise<void> | null} */
  let loading = null;
  let asOf = today();
  /** @type {RestrictionReport | null} */
  let report = null;
  let domain = { start: 0, end: 1 };
  let applyTimer = 0;
  let comparison = 0;
  /** @type {Map<string, HTMLElement>} measure rows' status chips, by measure id */
  const chips = new Map();
  /** @type {{ element: HTMLElement, date: string }[]} */
  const eventItems = [];

  const verdict = h('p', { className: 'timeline-verdict', 'data-testid': 'timeline-verdict' });
  const output = h('output', { className: 'timeline-date', 'data-testid': 'timeline-date' });
  const earlier = h(
    'button',
    {
      type: 'button',
      className: 'timeline-step',
      'aria-label': 'Earlier event',
      title: 'The date of the event before',
      onclick: () => stepToEvent(-1),
    },
    '◂ Earlier',
  );
  const later = h(
    'button',
    {
      type: 'button',
      className: 'timeline-step',
      'aria-label': 'Later event',
      title: 'The date of the event after',
      onclick: () => stepToEvent(1),
    },
    'Later ▸',
  );
  const slider = h('input', {
    type: 'range',
    className: 'timeline-slider',
    'aria-label': 'As of date',
    'data-testid': 'timeline-slider',
    min: 0,
    max: 1,
    step: 1,
  });
  const plot = h('div', { className: 'timeline-plot' });
  const cursor = h('div', { className: 'timeline-cursor', 'aria-hidden': 'true' });
  const events = h('ol', { className: 'timeline-events', 'data-testid': 'timeline-events' });
  const fromInput = h('input', { type: 'date', required: true, 'data-testid': 'changes-from' });
  const toInput = h('input', { type: 'date', required: true, 'data-testid': 'changes-to' });
  const changes = h('div', { className: 'changes', 'data-testid': 'changes', 'aria-live': 'polite' });
  const form = h(
    'form',
    {
      className: 'changes-form',
      onsubmit: (/** @type {SubmitEvent} */ event) => {
        event.preventDefault();
        void compare();
      },
    },
    h('label', {}, h('span', {}, 'From'), fromInput),
    h('label', {}, h('span', {}, 'to'), toInput),
    h('button', { type: 'submit' }, 'Compare'),
  );

  slider.addEventListener('input', () => {
    window.clearTimeout(applyTimer);
    preview(sliderDate());
  });
  slider.addEventListener('change', () => {
    window.clearTimeout(applyTimer);
    const date = sliderDate();
    applyTimer = window.setTimeout(() => onAsOf(date), APPLY_DELAY_MS);
  });

  return { show, setAsOf, setReport };

  /**
   * Shows an entity's timeline on a date: loads it when it is another entity than the one shown, else moves the
   * cursor. Resolves once it is drawn and the first comparison made.
   *
   * @param {EntityRef} entity
   * @param {string} date
   * @returns {Promise<void>}
   */
  function show(entity, date) {
    asOf = date;
    if (entity.id === entityId) {
      if (model) moveTo(date);
      return loading ?? Promise.resolve();
    }
    entityId = entity.id;
    model = null;
    setChildren(container, h('p', { className: 'muted' }, `Loading the timeline of ${entity.name}…`));
    const opened = entity.id;
    loading = (async () => {
      try {
        const answer = await graphql(TIMELINE, { id: entity.id });
        if (entityId !== opened) return;
        model = timelineModel(answer);
        toInput.value = asOf;
        fromInput.value = yearsBefore(asOf, 1);
        render(model);
        await compare();
      } catch (error) {
        if (entityId !== opened) return;
        setChildren(container, h('p', { className: 'error' }, messageOf(error)));
        entityId = null;
      } finally {
        if (entityId === opened || entityId === null) loading = null;
      }
    })();
    return loading;
  }

  /** @param {string} date the explorer's as-of date, changed */
  function setAsOf(date) {
    asOf = date;
    if (model) moveTo(date);
  }

  /** @param {RestrictionReport} answer the Why panel's answer (for the entity and date it names) */
  function setReport(answer) {
    report = answer;
    if (model) markApplying();
  }

  /** @param {TimelineModel} shown */
  function render(shown) {
    domain = domainOf(shown.dates, [today(), asOf]);
    chips.clear();
    eventItems.length = 0;
    drawPlot(shown);
    setChildren(
      events,
      shown.events.map((event) => {
        const element = eventItem(event);
        eventItems.push({ element, date: event.date });
        return element;
      }),
    );
    setChildren(
      container,
      verdict,
      h('div', { className: 'timeline-now' }, earlier, output, later),
      h('div', { className: 'timeline-chart' }, slider, plot),
      shown.rows.length === 0
        ? h('p', { className: 'muted' }, 'No listing, measure or relation of this entity has a date.')
        : null,
      shown.undatedRelations > 0
        ? h(
            'p',
            { className: 'muted timeline-note' },
            `${shown.undatedRelations} relation${shown.undatedRelations === 1 ? ' has' : 's have'} no dates in the sources and ${shown.undatedRelations === 1 ? 'is' : 'are'} not drawn.`,
          )
        : null,
      h('h3', { className: 'section-title' }, `Events (${shown.events.length})`),
      h('p', { className: 'muted' }, 'Pick a date to see the explorer as of that day.'),
      events,
      h('h3', { className: 'section-title', id: 'changes-title' }, 'What changed'),
      h(
        'p',
        { className: 'muted' },
        'The restrictions gained and lost between two dates, and the listings added to or removed from the lists it is on or reached through.',
      ),
      form,
      changes,
    );
    moveTo(asOf);
  }

  /** @param {TimelineModel} shown */
  function drawPlot(shown) {
    const years = (domain.end - domain.start) / 365.25;
    const step = years <= 7 ? 1 : years <= 14 ? 2 : years <= 35 ? 5 : 10;
    const first = Number(dateOf(domain.start).slice(0, 4)) + 1;
    const last = Number(dateOf(domain.end).slice(0, 4));
    /** @type {HTMLElement[]} */
    const ticks = [];
    for (let year = first; year <= last; year += 1) {
      if (year % step !== 0) continue;
      ticks.push(
        h('span', { className: 'timeline-tick', style: `left:${at(dayOf(`${year}-01-01`))}%` }, year),
      );
    }
    const bands = shown.rows.flatMap((row) =>
      row.gaps.map((gap) => {
        const [left, width] = span(gap.from ?? row.from, gap.to);
        return h('div', {
          className: 'timeline-band',
          style: `left:${left}%;width:${width}%`,
          title: `${row.label}: ${gap.label}`,
        });
      }),
    );
    const todayLine = h('div', {
      className: 'timeline-today',
      style: `left:${at(dayOf(today()))}%`,
      title: `Today, ${today()}`,
    });
    setChildren(
      plot,
      h('div', { className: 'timeline-axis', 'aria-hidden': 'true' }, ticks),
      bands,
      todayLine,
      LANES.flatMap((lane) => {
        const rows = shown.rows.filter((row) => row.lane === lane);
        return [...new Set(rows.map((row) => row.group))].map((title) =>
          h(
            'section',
            { className: `timeline-lane lane-${lane}`, 'aria-label': title },
            h('h4', {}, title),
            h('ol', {}, rows.filter((row) => row.group === title).map(rowItem)),
          ),
        );
      }),
      cursor,
    );
    slider.max = String(domain.end - domain.start);
  }

  /** @param {Row} row */
  function rowItem(row) {
    const [left, width] = span(row.from, row.to);
    const chip = h('span', { className: 'timeline-chip' });
    if (row.measureId) chips.set(row.measureId, chip);
    return h(
      'li',
      { className: 'timeline-row', 'data-row': row.id, title: row.detail },
      h(
        'div',
        { className: 'timeline-label' },
        h('span', { className: 'timeline-name' }, row.label),
        ' ',
        h('span', { className: 'timeline-period' }, `${row.from ?? '…'} → ${row.to ?? ''}`),
        ' ',
        chip,
      ),
      h(
        'div',
        { className: 'timeline-track' },
        h('span', {
          className: `timeline-bar${row.to ? '' : ' open'}${row.from ? '' : ' open-start'}`,
          style: `left:${left}%;width:${width}%`,
        }),
        row.gaps.map((gap) => {
          const [gapLeft, gapWidth] = span(gap.from ?? row.from, gap.to);
          return h('span', { className: 'timeline-gap', style: `left:${gapLeft}%;width:${gapWidth}%` });
        }),
        [row.from, row.to, ...row.gaps.flatMap((gap) => [gap.from, gap.to])]
          .filter((date) => date !== null)
          .map((date) => h('span', { className: 'timeline-mark', style: `left:${at(dayOf(date))}%` })),
      ),
      h('span', { className: 'visually-hidden' }, row.detail),
    );
  }

  /** @param {TimelineEvent} event */
  function eventItem(event) {
    return h(
      'li',
      { className: `timeline-event event-${event.kind}`, 'data-date': event.date },
      h(
        'button',
        {
          type: 'button',
          className: 'link-button timeline-event-date',
          title: `See the explorer as of ${event.date}`,
          onclick: () => onAsOf(event.date),
        },
        h('time', { datetime: event.date }, event.date),
      ),
      ' ',
      h('span', {}, event.text),
    );
  }

  /**
   * The cursor, the slider and the events follow a new date (the chart is redrawn if it falls outside).
   *
   * @param {string} date
   */
  function moveTo(date) {
    const day = dayOf(date);
    if (model && (day < domain.start || day > domain.end)) {
      domain = domainOf(model.dates, [today(), date]);
      drawPlot(model);
    }
    slider.value = String(day - domain.start);
    preview(date);
    for (const { element, date: on } of eventItems) element.classList.toggle('after', on > date);
    const dates = eventDates();
    earlier.disabled = !dates.some((on) => on < date);
    later.disabled = !dates.some((on) => on > date);
    markApplying();
  }

  /**
   * Where the slider is, before the date is applied: the cursor and the date beside it.
   *
   * @param {string} date
   */
  function preview(date) {
    cursor.style.left = `${at(dayOf(date))}%`;
    output.textContent = `As of ${date}`;
    slider.setAttribute('aria-valuetext', date);
  }

  /** What applies on the date, from the Why panel's answer once it is for this entity and date. */
  function markApplying() {
    const current = report && report.entity.id === entityId && report.asOf === asOf ? report : null;
    for (const chip of chips.values()) {
      chip.textContent = '';
      chip.className = 'timeline-chip';
    }
    if (!current) {
      verdict.className = 'timeline-verdict';
      verdict.textContent = `On ${asOf}: …`;
      return;
    }
    for (const restriction of current.restrictions) {
      const chip = chips.get(restriction.measure.id);
      if (!chip) continue;
      chip.textContent = 'applies';
      chip.className = 'timeline-chip applies';
    }
    /** @type {Map<string, string>} */
    const notApplying = new Map();
    for (const unapplied of current.notApplied) {
      const applies = current.restrictions.some(
        (restriction) => restriction.measure.id === unapplied.measure.id,
      );
      if (applies || !DATED_REASONS.has(unapplied.reason)) continue;
      const reason = unapplied.reason.replaceAll('_', ' ').toLowerCase();
      notApplying.set(unapplied.measure.name, reason);
      const chip = chips.get(unapplied.measure.id);
      if (!chip) continue;
      chip.textContent = reason;
      chip.className = 'timeline-chip not-applying';
    }
    const count = new Set(current.restrictions.map((restriction) => restriction.measure.id)).size;
    verdict.className = `timeline-verdict ${current.restricted ? 'restricted' : 'clear'}`;
    setChildren(
      verdict,
      h(
        'strong',
        {},
        current.restricted
          ? `On ${asOf}: restricted by ${count} measure${count === 1 ? '' : 's'}.`
          : `On ${asOf}: not restricted.`,
      ),
      notApplying.size > 0
        ? h(
            'span',
            { className: 'timeline-aside' },
            ` Not applying on this date: ${[...notApplying].map(([name, reason]) => `${name} (${reason})`).join('; ')}.`,
          )
        : null,
    );
  }

  /** @param {-1 | 1} direction */
  function stepToEvent(direction) {
    const current = sliderDate();
    const dates = eventDates();
    const next = direction < 0 ? dates.filter((on) => on < current).at(-1) : dates.find((on) => on > current);
    if (next) onAsOf(next);
  }

  function eventDates() {
    return [...new Set((model?.events ?? []).map((event) => event.date))];
  }

  function sliderDate() {
    return dateOf(domain.start + Number(slider.value));
  }

  /**
   * Where a day sits on the axis, in percent of its width.
   *
   * @param {number} day
   */
  function at(day) {
    const clamped = Math.min(Math.max(day, domain.start), domain.end);
    return Number((((clamped - domain.start) / (domain.end - domain.start)) * 100).toFixed(3));
  }

  /**
   * The left edge and width, in percent, of a period (an open end runs to the edge of the axis).
   *
   * @param {string | null} from
   * @param {string | null} to
   * @returns {[number, number]}
   */
  function span(from, to) {
    const left = at(from ? dayOf(from) : domain.start);
    const right = at(to ? dayOf(to) : domain.end);
    return [left, Math.max(right - left, 0.4)];
  }

  /** Compares the two dates of the form for the entity shown. */
  async function compare() {
    if (!model) return;
    const shown = model;
    const [from, to] = [fromInput.value, toInput.value].sort();
    if (!from || !to) {
      setChildren(changes, h('p', { className: 'error' }, 'Pick both dates to compare.'));
      return;
    }
    const asked = ++comparison;
    setChildren(changes, h('p', { className: 'muted' }, `Comparing ${from} with ${to}…`));
    try {
      const answer = await graphql(WHAT_CHANGED, {
        id: shown.entityId,
        from,
        to,
        lists: shown.lists.map((list) => list.id),
        first: LISTING_PAGE,
      });
      if (asked !== comparison || shown !== model) return;
      renderChanges(shown, answer, from, to);
    } catch (error) {
      if (asked === comparison) setChildren(changes, h('p', { className: 'error' }, messageOf(error)));
    }
  }

  /**
   * @param {TimelineModel} shown
   * @param {WhatChangedQuery} answer
   * @param {string} from
   * @param {string} to
   */
  function renderChanges(shown, answer, from, to) {
    const [changed] = answer.restrictionChanges;
    const gained = changed?.gained ?? [];
    const lost = changed?.lost ?? [];
    const listings = answer.listingChanges;
    const nodes = listings.edges.map((edge) => edge.node);
    const involved = nodes.filter((node) => shown.parties.includes(node.party.id));
    setChildren(
      changes,
      h('h4', {}, `Restrictions, ${from} → ${to}`),
      gained.length + lost.length === 0
        ? h(
            'p',
            { className: 'muted', 'data-testid': 'restriction-changes' },
            'No restriction gained or lost.',
          )
        : h(
            'ul',
            { className: 'change-rows', 'data-testid': 'restriction-changes' },
            lost.map((change) => restrictionChangeItem(change, 'lost', shown.entityId)),
            gained.map((change) => restrictionChangeItem(change, 'gained', shown.entityId)),
          ),
      h('h4', {}, `Listings on its lists, ${from} → ${to}`),
      shown.lists.length === 0
        ? h('p', { className: 'muted' }, 'It is on no list and reached through none.')
        : h(
            'div',
            { 'data-testid': 'listing-changes' },
            h(
              'p',
              { className: 'muted' },
              listings.totalCount === 0
                ? `No listing added to, removed from or changed on ${shown.lists.map((list) => list.name).join(', ')}.`
                : `${listings.totalCount} change${listings.totalCount === 1 ? '' : 's'} on the ${shown.lists.length} lists it is on or reached through` +
                    (listings.pageInfo.hasNextPage ? `; the first ${nodes.length} below.` : '.'),
            ),
            involved.length
              ? h(
                  'ol',
                  { className: 'change-rows involved-rows' },
                  involved.map((node) => listingChangeItem(node, shown)),
                )
              : null,
            shown.lists.map((list) => {
              const onList = nodes.filter((node) => node.list.id === list.id);
              if (onList.length === 0) return null;
              const counts = ['ADDED', 'REMOVED', 'CHANGED']
                .map((kind) => [kind, onList.filter((node) => node.kind === kind).length])
                .filter(([, count]) => count)
                .map(([kind, count]) => `${count} ${String(kind).toLowerCase()}`);
              return h(
                'details',
                { className: 'listing-group', open: onList.length <= 6 },
                h('summary', {}, h('strong', {}, list.name), ` — ${counts.join(', ')}`),
                h(
                  'ol',
                  { className: 'change-rows' },
                  onList.map((node) => listingChangeItem(node, shown)),
                ),
              );
            }),
          ),
    );
  }
}

/**
 * @param {RestrictionChange} change
 * @param {'gained' | 'lost'} direction
 * @param {string} entityId
 */
function restrictionChangeItem(change, direction, entityId) {
  const { restriction } = change;
  const through =
    restriction.listedEntity.id === entityId ? '' : ` · through ${restriction.listedEntity.name}`;
  return h(
    'li',
    { className: `change change-${direction}` },
    h('span', { className: `badge change-badge ${direction}` }, direction),
    ' ',
    h('strong', {}, restriction.measure.name),
    ' ',
    h('span', { className: 'badge reason' }, change.cause.replaceAll('_', ' ').toLowerCase()),
    h('span', { className: 'muted' }, ` · ${restriction.list.name}${through}`),
    change.explanation ? h('p', { className: 'change-explanation' }, change.explanation) : null,
  );
}

/**
 * @param {ListingChange} change
 * @param {TimelineModel} shown
 */
function listingChangeItem(change, shown) {
  const involved =
    change.party.id === shown.entityId
      ? ' (this entity)'
      : shown.parties.includes(change.party.id)
        ? ' (it is reached through this party)'
        : '';
  return h(
    'li',
    { className: `change${involved ? ' involved' : ''}` },
    h('time', { datetime: change.on }, change.on),
    ' ',
    h('span', { className: `badge listing-${change.kind.toLowerCase()}` }, change.kind.toLowerCase()),
    ' ',
    h('strong', {}, change.party.name),
    involved,
    h('span', { className: 'muted' }, ` · ${change.list.name}`),
    change.fields.length ? h('span', { className: 'muted' }, ` · ${change.fields.join(', ')}`) : null,
  );
}

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
