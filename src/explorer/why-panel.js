// @ts-check
import { evidenceBadge, foldedSources, h, percentText, periodText, setChildren } from './dom.js';

/**
 * @import { EntityRef, Instrument, PathStep, Restriction, RestrictionReport, UnappliedRestriction } from '../operations/answers.js'
 */

/**
 * What to highlight for a chain (see chainOf).
 *
 * @typedef {{ entityIds: string[], nodeIds: string[], pairs: (readonly [string, string, readonly string[]])[] }} Chain
 */

/**
 * The "Why restricted?" panel: each measure that applies as a chain instrument → list → listed party → each
 * relation → this entity, with dates, sources and evidence grades; then "Why not" for measures the graph reaches
 * that do not apply. Clicking a chain (or its button) asks for its path to be highlighted in the graph.
 *
 * @param {HTMLElement} container
 * @param {RestrictionReport} report
 * @param {{ onHighlight: (chain: Chain) => void }} actions
 */
export function renderWhyPanel(container, report, { onHighlight }) {
  /** @type {HTMLElement[]} */
  const cards = [];
  /**
   * @param {HTMLElement} card
   * @param {Chain} chain
   */
  const select = (card, chain) => {
    for (const other of cards) other.classList.toggle('selected', other === card);
    for (const other of cards)
      other.querySelector('.highlight-button')?.setAttribute('aria-pressed', String(other === card));
    onHighlight(chain);
  };
  const restrictionCards = report.restrictions.map((restriction, index) => {
    const chain = chainOf(report.entity, restriction);
    const card = restrictionCard(restriction, report.entity, index, () => select(card, chain));
    cards.push(card);
    return card;
  });
  const whyNotCards = report.notApplied.map((unapplied, index) => {
    const chain = chainOf(report.entity, unapplied);
    const card = unappliedCard(unapplied, index, () => select(card, chain));
    cards.push(card);
    return card;
  });
  setChildren(
    container,
    h(
      'p',
      { className: report.restricted ? 'verdict restricted' : 'verdict clear', 'data-testid': 'verdict' },
      report.restricted
        ? `Restricted on ${report.asOf} by ${report.restrictions.length} measure${report.restrictions.length === 1 ? '' : 's'}.`
        : `Not restricted on ${report.asOf}: no measure applies on that date.`,
    ),
    coverageNotes(report),
    restrictionCards,
    report.notApplied.length > 0
      ? [
          h('h3', { className: 'section-title' }, `Why not (${report.notApplied.length})`),
          h(
            'p',
            { className: 'muted' },
            'Measures the graph reaches that do not apply on this date, and why.',
          ),
          whyNotCards,
        ]
      : null,
  );
}

/**
 * Beside the verdict: the lists it was judged against that the graph holds only in part (a clean answer may
 * miss listings), and the entity's listings on lists without a modelled measure, so that none vanishes.
 *
 * @param {RestrictionReport} report
 */
function coverageNotes(report) {
  const coverage = report.coverage ?? [];
  const incomplete = coverage.filter((item) => !item.complete);
  const unmeasured = report.listedWithoutMeasure ?? [];
  return [
    h(
      'p',
      {
        className: incomplete.length > 0 ? 'coverage incomplete' : 'coverage muted',
        'data-testid': 'coverage',
      },
      incomplete.length > 0
        ? `Judged against ${coverage.length} lists; held only in part here: ${incomplete
            .map((item) => item.list.name + (item.asOf ? ` (as of ${item.asOf})` : ''))
            .join(', ')}. A clean answer may miss listings.`
        : `Judged against ${coverage.length} lists, each held in full.`,
    ),
    unmeasured.length > 0
      ? h(
          'p',
          { className: 'coverage' },
          `Designated; no measure modelled: ${unmeasured
            .map((designation) => `${designation.list.name} (listed ${designation.listedOn})`)
            .join('; ')}.`,
        )
      : null,
  ];
}

/**
 * What to highlight for a chain: its parties (entity first, listed party last), the list, the instruments, and
 * the pairs of nodes whose edges make the chain, each with the edge type that stands for it.
 *
 * @param {EntityRef} entity
 * @param {Restriction | UnappliedRestriction} restriction
 * @returns {Chain}
 */
function chainOf(entity, restriction) {
  const parties = [
    entity.id,
    ...restriction.path.steps.map((step) => step.to.id),
    restriction.listedEntity.id,
  ];
  const list = restriction.list.id;
  const instruments = ('instruments' in restriction ? restriction.instruments : []).map(
    (instrument) => instrument.id,
  );
  return {
    entityIds: [...new Set(parties)],
    nodeIds: [...new Set([...parties, list, ...instruments])],
    pairs: [
      ...restriction.path.steps.map((step) => /** @type {const} */ ([step.from.id, step.to.id, [step.type]])),
      /** @type {const} */ ([restriction.listedEntity.id, list, ['DESIGNATED_ON']]),
      ...instruments.map((instrument) => /** @type {const} */ ([list, instrument, ['ESTABLISHED_BY']])),
    ],
  };
}

/**
 * @param {Restriction} restriction
 * @param {EntityRef} entity
 * @param {number} index
 * @param {() => void} onSelect
 */
function restrictionCard(restriction, entity, index, onSelect) {
  const { measure, designation, listedEntity } = restriction;
  const steps = [
    ...restriction.instruments.map((instrument) =>
      h(
        'li',
        { className: 'step step-instrument' },
        instrument.url
          ? h(
              'a',
              { href: instrument.url, target: '_blank', rel: 'noopener noreferrer' },
              instrument.citation,
            )
          : h('strong', {}, instrument.citation),
        ` — ${instrument.name}`,
        dates(datesOf(instrument)),
      ),
    ),
    h('li', { className: 'step step-list' }, 'List: ', h('strong', {}, restriction.list.name)),
    h(
      'li',
      { className: 'step step-listed' },
      'Listed party: ',
      h('strong', {}, listedEntity.name),
      listedEntity.id === entity.id ? ' (this entity)' : '',
      dates(
        `listed ${designation.listedOn}` +
          (designation.effectiveFrom && designation.effectiveFrom !== designation.listedOn
            ? `, effective ${designation.effectiveFrom}`
            : ''),
      ),
      foldedSources(designation.sources),
    ),
    ...[...restriction.path.steps].reverse().map((step) => stepItem(step)),
  ];
  return h(
    'article',
    { className: 'chain', 'data-chain': `restriction-${index}`, onclick: clickOutsideLinks(onSelect) },
    h(
      'header',
      { className: 'chain-header' },
      h('h3', {}, measure.name),
      h('span', { className: 'badge basis' }, restriction.basis),
      evidenceBadge(restriction.evidence),
    ),
    h(
      'p',
      { className: 'muted' },
      `${measure.kind.replaceAll('_', ' ').toLowerCase()} · in force ${periodText(measure.effectiveFrom, measure.effectiveTo)}`,
      restriction.effectivePercent != null
        ? ` · listed parties own ${percentText(restriction.effectivePercent)}`
        : '',
    ),
    h('ol', { className: 'chain-steps' }, steps),
    ruleText(restriction.rule),
    restriction.sources.length ? foldedSources(restriction.sources, 'rule source') : null,
    highlightButton(onSelect),
  );
}

/**
 * @param {UnappliedRestriction} unapplied
 * @param {number} index
 * @param {() => void} onSelect
 */
function unappliedCard(unapplied, index, onSelect) {
  return h(
    'article',
    {
      className: 'chain why-not',
      'data-chain': `not-applied-${index}`,
      onclick: clickOutsideLinks(onSelect),
    },
    h(
      'header',
      { className: 'chain-header' },
      h('h3', {}, unapplied.measure.name),
      h('span', { className: 'badge reason' }, unapplied.reason.replaceAll('_', ' ').toLowerCase()),
    ),
    h('p', {}, unapplied.explanation),
    h(
      'ol',
      { className: 'chain-steps' },
      h('li', { className: 'step step-list' }, 'List: ', h('strong', {}, unapplied.list.name)),
      h(
        'li',
        { className: 'step step-listed' },
        'Listed party: ',
        h('strong', {}, unapplied.listedEntity.name),
      ),
      [...unapplied.path.steps].reverse().map((step) => stepItem(step)),
    ),
    highlightButton(onSelect),
  );
}

/** @param {PathStep} step */
function stepItem(step) {
  return h(
    'li',
    { className: 'step step-relation' },
    `${step.reverseLabel} ${percentText(step.percent)} `,
    h('strong', {}, step.from.name),
    dates(periodText(step.validFrom, step.validTo)),
    ' ',
    evidenceBadge(step.evidence),
    step.note ? h('div', { className: 'note' }, step.note) : null,
    foldedSources(step.sources),
  );
}

/**
 * The rule in full can run to a long quotation: show four lines and let the reader unfold the rest.
 *
 * @param {string} rule
 */
function ruleText(rule) {
  const text = h('span', { className: 'rule-text clamped' }, rule);
  const toggle = h(
    'button',
    {
      type: 'button',
      className: 'link-button rule-toggle',
      'aria-expanded': 'false',
      onclick: () => {
        const clamped = text.classList.toggle('clamped');
        toggle.setAttribute('aria-expanded', String(!clamped));
        toggle.textContent = clamped ? 'Read the whole rule' : 'Show less';
      },
    },
    'Read the whole rule',
  );
  return [h('p', { className: 'rule' }, text), toggle];
}

/** @param {() => void} onSelect */
function highlightButton(onSelect) {
  return h(
    'button',
    { type: 'button', className: 'highlight-button', 'aria-pressed': 'false', onclick: onSelect },
    'Highlight in graph',
  );
}

/**
 * Dates after a step, separated by a middle dot that is real text (so it survives copying).
 *
 * @param {string} text
 */
function dates(text) {
  return text ? h('span', { className: 'dates' }, ` · ${text}`) : null;
}

/** @param {Instrument} instrument */
function datesOf(instrument) {
  return [
    instrument.signedOn ? `signed ${instrument.signedOn}` : '',
    instrument.effectiveOn ? `effective ${instrument.effectiveOn}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

// Private: a click on a chain selects it, except clicks on its links and buttons, which do their own thing.
/** @param {() => void} onSelect */
function clickOutsideLinks(onSelect) {
  /** @param {MouseEvent} event */
  return (event) => {
    if (event.target instanceof Element && event.target.closest('a, button, summary')) return;
    onSelect();
  };
}
