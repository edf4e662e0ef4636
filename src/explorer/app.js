// @ts-check
import {
  explainRestrictions,
  fetchBrands,
  fetchEntity,
  fetchNeighborhood,
  fetchOwnershipChain,
} from './api.js';
import { renderBrandsPanel } from './brands-panel.js';
import { h, loadFontsFor, setChildren, today } from './dom.js';
import { isEntityKind, kindText, loadVocabulary } from './vocabulary.js';
import { exportView } from './exports.js';
import { createGraphView } from './graph-view.js';
import { renderNodesPanel } from './nodes-panel.js';
import { renderOwnershipPanel } from './ownership-panel.js';
import { createSearchBox } from './search-box.js';
import { createTimelinePanel } from './timeline-panel.js';
import { readUrlState, writeUrlState } from './url-state.js';
import { renderWhyPanel } from './why-panel.js';

/**
 * @import { EntityDetails, OwnershipDirection } from '../operations/answers.js'
 * @import { ExportFormat } from './exports.js'
 * @import { Chain } from './why-panel.js'
 */

/** @typedef {'why' | 'brands' | 'ownership' | 'nodes' | 'timeline'} Tab */

/**
 * What the page shows; everything else is derived from it, and the address bar mirrors it (url-state.js).
 * `generation` counts the entities opened, so that an answer for one opened before is dropped.
 *
 * @typedef {{
 *   entity: EntityDetails | null,
 *   asOf: string | null,
 *   expanded: Set<string>,
 *   tab: Tab,
 *   direction: OwnershipDirection,
 *   generation: number,
 * }} ViewState
 */

/**
 * The page's element with this id (index.html holds them all), checked to be of the class the code uses.
 *
 * @template {HTMLElement} [Element=HTMLElement]
 * @param {string} id
 * @param {new () => Element} [type]
 * @returns {Element}
 */
function $(id, type) {
  const found = document.getElementById(id);
  if (!(found instanceof (type ?? HTMLElement))) throw new Error(`The page has no element #${id}.`);
  return /** @type {Element} */ (found);
}

/** @type {readonly Tab[]} */
const TABS = ['why', 'brands', 'ownership', 'nodes', 'timeline'];
/** Relations drawn around the entity in focus: two hops show a brand's maker and the maker's listings. */
const FOCUS_DEPTH = 2;
/** The panels an entity's answers fill, and what each says until its answer arrives. */
const LOADING = {
  why: 'Loading the reasons…',
  brands: 'Loading brands…',
  ownership: 'Loading ownership…',
};
/** The width below which the panel sits under the graph (explorer.css's narrow layout). */
const NARROW = '(max-width: 900px)';

/** @type {ViewState} */
const state = { entity: null, asOf: null, expanded: new Set(), tab: 'why', direction: 'UP', generation: 0 };
let pending = 0;

const graph = createGraphView($('graph'), $('tooltip'), {
  onExpand: (id) => run(expand(id)),
  onFocus: (id) => {
    const node = graph.cy.getElementById(id);
    if (isEntityKind(node.data('kind'))) run(openEntity(id));
    else run(expand(id));
  },
  // While it is open, the legend covers the graph's bottom edge: fits keep clear of it.
  bottomInset: () => {
    const legend = $('legend', HTMLDetailsElement);
    return legend.open ? legend.offsetHeight + 8 : 0;
  },
});
// A read-only handle for debugging in the console and for the browser tests.
/** @type {Window & { explorer?: { cy: typeof graph.cy, state: ViewState } }} */ (window).explorer = {
  cy: graph.cy,
  state,
};

// The Timeline tab loads when it is shown; its slider and event dates change the as-of date like the date field.
const timeline = createTimelinePanel($('timeline-panel'), {
  onAsOf: (date) => {
    $('as-of', HTMLInputElement).value = date;
    changeAsOf(date);
  },
});

createSearchBox($('search-input', HTMLInputElement), $('search-results'), {
  onPick: (node) => run(openEntity(node.id)),
  onError: showError,
});
setUpToolbar();
setUpTabs();
setUpLegend();
setUpShortcuts();

const initial = readUrlState();
state.asOf = initial.asOf;
$('as-of', HTMLInputElement).value = asOf();
selectTab(TABS.find((tab) => tab === initial.tab) ?? 'why', false);
await loadVocabulary().catch(showError);
if (initial.entity) run(openEntity(initial.entity, initial.expanded));

/**
 * Opens an entity: its header, its neighbourhood (plus the nodes to expand) and the three panels.
 *
 * @param {string} id
 * @param {readonly string[]} toExpand
 */
async function openEntity(id, toExpand = []) {
  const generation = ++state.generation;
  showLoading();
  const entity = await fetchEntity(id);
  if (generation !== state.generation) return;
  if (!entity) throw new Error(`No entity with id "${id}".`);
  // Chinese names in the header: their font subsets first, or Chromium may leave them as empty boxes.
  await loadFontsFor([entity.name, ...entity.aliases]);
  if (generation !== state.generation) return;
  state.entity = entity;
  state.expanded = new Set();
  $('empty-state').hidden = true;
  renderHeader(entity, null);
  announce(`Loading ${entity.name}…`);
  if (state.tab === 'timeline') run(timeline.show(entity, asOf()));
  const view = await fetchNeighborhood(id, asOf(), FOCUS_DEPTH);
  if (generation !== state.generation) return;
  await graph.show(view, id);
  for (const other of toExpand) await expand(other, false).catch(showError);
  graph.markExpanded(state.expanded);
  syncUrl();
  refreshNodesPanel();
  announce(`${entity.name}: ${graph.cy.nodes().length} nodes, ${graph.cy.edges().length} links.`);
  await Promise.all([
    loadWhy(entity, generation),
    loadBrands(entity, generation),
    loadOwnership(entity, generation),
  ]);
}

/**
 * Adds a node's neighbours to the drawing (clicking a node, or Enter on its row in the Nodes panel).
 *
 * @param {string} id
 */
async function expand(id, relayout = true) {
  if (!state.entity || state.expanded.has(id) || id === state.entity.id) return;
  const view = await fetchNeighborhood(id, asOf());
  state.expanded.add(id);
  const added = await graph.merge(view, state.entity.id);
  graph.markExpanded(state.expanded);
  if (relayout) {
    syncUrl();
    refreshNodesPanel();
    const name = graph.cy.getElementById(id).data('name') ?? id;
    announce(added > 0 ? `Expanded ${name}: ${added} new nodes and links.` : `${name} has no further links.`);
  }
}

/**
 * @param {EntityDetails} entity
 * @param {number} generation
 */
function loadWhy(entity, generation) {
  return fillPanel(
    $('why-panel'),
    LOADING.why,
    generation,
    () => explainRestrictions(entity.id, asOf()),
    (panel, report) => {
      renderHeader(entity, report.restricted);
      timeline.setReport(report);
      renderWhyPanel(panel, report, { onHighlight: (chain) => run(highlightChain(chain)) });
    },
  );
}

/**
 * @param {EntityDetails} entity
 * @param {number} generation
 */
function loadBrands(entity, generation) {
  return fillPanel(
    $('brands-panel'),
    LOADING.brands,
    generation,
    () => fetchBrands(entity.id, entity.kind, asOf()),
    (panel, answer) => renderBrandsPanel(panel, answer, { onFocus: (id) => run(openEntity(id)) }),
  );
}

/**
 * @param {EntityDetails} entity
 * @param {number} generation
 */
function loadOwnership(entity, generation) {
  return fillPanel(
    $('ownership-panel'),
    LOADING.ownership,
    generation,
    () => fetchOwnershipChain(entity.id, state.direction, asOf()),
    (panel, chain) =>
      renderOwnershipPanel(panel, chain, {
        onDirection: (direction) => {
          state.direction = direction;
          if (state.entity) run(loadOwnership(state.entity, state.generation));
        },
        onFocus: (id) => run(openEntity(id)),
      }),
  );
}

/**
 * What the panels show while an entity loads, at once: none of the previous entity's answers stays under the
 * new header (fillPanel fills each panel as its answer arrives). The chain highlight goes with them.
 */
function showLoading() {
  clearChainHighlight();
  for (const [panel, loading] of Object.entries(LOADING)) {
    setChildren($(`${panel}-panel`), h('p', { className: 'muted loading' }, loading));
  }
}

/**
 * Fills a panel: a loading line, then what `render` makes of the answer, or the error in its place. An answer
 * that arrives after another entity was opened (a later `generation`) is dropped.
 *
 * @template Answer
 * @param {HTMLElement} panel
 * @param {string} loading
 * @param {number} generation
 * @param {() => Promise<Answer>} fetchAnswer
 * @param {(panel: HTMLElement, answer: Answer) => void} render
 */
async function fillPanel(panel, loading, generation, fetchAnswer, render) {
  setChildren(panel, h('p', { className: 'muted loading' }, loading));
  try {
    const answer = await fetchAnswer();
    if (generation !== state.generation) return;
    render(panel, answer);
  } catch (error) {
    setChildren(panel, h('p', { className: 'error' }, messageOf(error)));
  }
}

/**
 * Highlights a why-chain: draws its parties (expanding each along the path), then fades everything else.
 *
 * @param {Chain} chain
 */
async function highlightChain(chain) {
  for (const id of chain.entityIds.slice(1)) await expand(id, false);
  graph.markExpanded(state.expanded);
  syncUrl();
  refreshNodesPanel();
  const edgeIds = new Set(chain.pairs.flatMap(([a, b, types]) => graph.edgesBetween(a, b, types)));
  const shown = graph.highlight(new Set(chain.nodeIds), edgeIds);
  // On a narrow screen the graph sits above the panel: while a chain is highlighted it stays at the top of the
  // window (explorer.css, .chain-shown), and the chain's card is scrolled to just below it, so both are in view.
  document.body.classList.add('chain-shown');
  if (window.matchMedia(NARROW).matches) {
    document.querySelector('.chain.selected')?.scrollIntoView({ block: 'start', behavior: 'instant' });
  }
  const names = chain.entityIds.map((id) => graph.cy.getElementById(id).data('name') ?? id);
  announce(
    `Highlighted: ${names.join(' → ')} (${shown.nodes} nodes, ${shown.edges} links). Press Escape to clear.`,
  );
}

/**
 * @param {EntityDetails} entity
 * @param {boolean | null} restricted whether a measure applies; null until the Why panel has the answer
 */
function renderHeader(entity, restricted) {
  setChildren(
    $('entity-header'),
    h(
      'h2',
      {},
      entity.name,
      ' ',
      h('span', { className: `kind-chip kind-${entity.kind.toLowerCase()}` }, kindText(entity.kind)),
      restricted === true ? h('span', { className: 'badge restricted-badge' }, 'restricted') : null,
      restricted === false ? h('span', { className: 'badge clear-badge' }, 'not restricted') : null,
    ),
    h(
      'p',
      { className: 'muted' },
      [
        entity.id,
        entity.country,
        ...entity.identifiers.map((identifier) => `${identifier.scheme} ${identifier.value}`),
      ]
        .filter(Boolean)
        .join(' · '),
    ),
    entity.aliases.length ? h('p', { className: 'aliases' }, `Also: ${entity.aliases.join('; ')}`) : null,
    entity.description ? h('p', { className: 'description' }, entity.description) : null,
  );
}

function refreshNodesPanel() {
  renderNodesPanel($('nodes-panel'), graph.snapshot().nodes, {
    focusId: state.entity?.id,
    expanded: state.expanded,
    onExpand: (id) => run(expand(id)),
    onFocus: (id) => run(openEntity(id)),
  });
}

function setUpToolbar() {
  const datePicker = $('as-of', HTMLInputElement);
  datePicker.addEventListener('change', () => changeAsOf(datePicker.value));
  $('fit-button').addEventListener('click', () => graph.fit());
  $('share-button').addEventListener('click', () => run(copyLink()));
  setUpExportMenu();
}

/** The Export menu button and its menu: arrows move through the formats, Escape closes, a pick downloads. */
function setUpExportMenu() {
  const exportButton = $('export-button');
  const menu = $('export-menu');
  const closeMenu = () => {
    menu.hidden = true;
    exportButton.setAttribute('aria-expanded', 'false');
  };
  exportButton.addEventListener('click', () => {
    menu.hidden = !menu.hidden;
    exportButton.setAttribute('aria-expanded', String(!menu.hidden));
    if (!menu.hidden) menu.querySelector('button')?.focus();
  });
  menu.addEventListener('keydown', (event) => {
    const items = [...menu.querySelectorAll('button')];
    const index = items.findIndex((item) => item === document.activeElement);
    if (event.key === 'ArrowDown') items[(index + 1) % items.length]?.focus();
    else if (event.key === 'ArrowUp') items[(index - 1 + items.length) % items.length]?.focus();
    else if (event.key === 'Escape') {
      closeMenu();
      exportButton.focus();
    } else return;
    event.preventDefault();
  });
  menu.addEventListener('click', (event) => {
    const item = closestToTarget(event, '[data-export]');
    const format = item instanceof HTMLElement ? item.dataset.export : undefined;
    if (!format) return;
    closeMenu();
    if (!state.entity) return announce('Open an entity first; there is nothing to export yet.');
    // index.html's menu names the formats; exportView refuses any other.
    const files = exportView(
      /** @type {ExportFormat} */ (format),
      graph,
      `${state.entity.id}${state.asOf ? `-${state.asOf}` : ''}`,
    );
    announce(`Exported ${files.join(' and ')}.`);
  });
  document.addEventListener('click', (event) => {
    if (!closestToTarget(event, '.menu')) closeMenu();
  });
}

function setUpTabs() {
  const tabs = TABS.map((name) => ({ name, button: $(`tab-${name}`) }));
  tabs.forEach(({ name, button }, index) => {
    button.addEventListener('click', () => selectTab(name));
    button.addEventListener('keydown', (event) => {
      /** @type {Record<string, number>} */
      const moves = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: tabs.length - 1 - index };
      const move = moves[event.key];
      if (move === undefined) return;
      const next = tabs[(index + move + tabs.length) % tabs.length];
      if (!next) return;
      selectTab(next.name);
      next.button.focus();
      event.preventDefault();
    });
  });
}

/**
 * A new as-of date (from the date field or the timeline): every view is asked again for it.
 *
 * @param {string} picked YYYY-MM-DD, or empty for today
 */
function changeAsOf(picked) {
  state.asOf = picked && picked !== today() ? picked : null;
  timeline.setAsOf(asOf());
  syncUrl();
  if (state.entity) run(openEntity(state.entity.id, [...state.expanded]));
}

/**
 * @param {Tab} name
 */
function selectTab(name, sync = true) {
  // A chain highlight belongs to the Why panel: it goes when another panel is shown.
  if (name !== state.tab) clearChainHighlight();
  state.tab = name;
  for (const tab of TABS) {
    const selected = tab === name;
    $(`tab-${tab}`).setAttribute('aria-selected', String(selected));
    $(`tab-${tab}`).tabIndex = selected ? 0 : -1;
    $(`${tab}-panel`).hidden = !selected;
  }
  if (name === 'timeline' && state.entity) run(timeline.show(state.entity, asOf()));
  if (sync) syncUrl();
}

/** Clears the chain highlight: the graph's, the selected chain card's and its pressed button's. */
function clearChainHighlight() {
  graph.clearHighlight();
  document.body.classList.remove('chain-shown');
  document.querySelectorAll('.chain.selected').forEach((card) => card.classList.remove('selected'));
  document
    .querySelectorAll('.highlight-button[aria-pressed="true"]')
    .forEach((button) => button.setAttribute('aria-pressed', 'false'));
}

/** The legend folds away (a <details>); on a narrow screen it starts folded, so that it covers no graph. */
function setUpLegend() {
  $('legend', HTMLDetailsElement).open = !window.matchMedia(NARROW).matches;
}

function setUpShortcuts() {
  $('graph').tabIndex = 0;
  document.addEventListener('keydown', (event) => {
    const typing = closestToTarget(event, 'input, textarea, select');
    if (event.key === '/' && !typing) {
      event.preventDefault();
      $('search-input').focus();
    } else if (event.key === 'Escape' && !typing) {
      clearChainHighlight();
    } else if ((event.key === 'f' || event.key === 'F') && !typing && !event.ctrlKey && !event.metaKey) {
      graph.fit();
    }
  });
}

async function copyLink() {
  const url = window.location.href;
  try {
    await navigator.clipboard.writeText(url);
    announce('Link to this view copied.');
  } catch {
    announce(`Copy this link: ${url}`);
  }
}

/** The date every query answers for: the one picked, else today (the URL leaves it out, so links stay "today"). */
function asOf() {
  return state.asOf ?? today();
}

function syncUrl() {
  writeUrlState({ entity: state.entity?.id, asOf: state.asOf, expanded: state.expanded, tab: state.tab });
}

/** @param {string} message */
function announce(message) {
  const status = $('status');
  status.classList.remove('error');
  status.textContent = message;
}

/** @param {unknown} error */
function showError(error) {
  const status = $('status');
  status.classList.add('error');
  status.textContent = messageOf(error);
}

/**
 * What a failure says to the user: an Error's message (the API's are written for people, see api.js).
 *
 * @param {unknown} error
 */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The element an event happened in, or its nearest ancestor, that matches `selector`.
 *
 * @param {Event} event
 * @param {string} selector
 */
function closestToTarget(event, selector) {
  return event.target instanceof Element ? event.target.closest(selector) : null;
}

/**
 * Runs an action and shows its failure in the status line instead of leaving an unhandled rejection. While any
 * action runs, the graph region is aria-busy (screen readers wait for it; so do the browser tests).
 *
 * @param {Promise<unknown>} promise
 */
function run(promise) {
  pending += 1;
  $('graph').setAttribute('aria-busy', 'true');
  promise.catch(showError).finally(() => {
    pending -= 1;
    if (pending === 0) $('graph').setAttribute('aria-busy', 'false');
  });
}
