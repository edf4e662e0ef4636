// @ts-check
/**
 * The screening page (/screen): names pasted one per line or a CSV file with chosen name, country and identifier
 * columns, screened through the public API (screenEntries) in batches, one report row per input as the answers
 * come back; filter by verdict, download the rows shown as CSV or JSON, open a match in the graph view.
 */
import { ApiError, graphql } from './api.js';
import { h, setChildren, today } from './dom.js';
import { SCREENING_REPORT, VOCABULARY } from '../operations/operations.js';
import {
  BATCH_SIZE,
  VERDICTS,
  entriesFromLines,
  entriesFromTable,
  graphLink,
  guessColumns,
  incompleteListsOf,
  readCsvTable,
  refusedEntry,
  reportCsv,
  reportJson,
  reportRow,
  screeningInput,
  summaryText,
  verdictCounts,
  verdictText,
} from './screen-report.js';
import { readUrlState } from './url-state.js';

/**
 * @import { ColumnChoice, ReportRow, RowVerdict, ScreenEntry } from './screen-report.js'
 */

/** @typedef {'ALL' | RowVerdict} Filter */

/** Requests sent before the first comes back: the service screens one batch while the page reads the other. */
const IN_FLIGHT = 2;

/**
 * The page's element with this id (screen.html holds them all), checked to be of the class the code uses.
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

const elements = {
  asOf: $('as-of', HTMLInputElement),
  tabPaste: $('tab-paste', HTMLButtonElement),
  tabFile: $('tab-file', HTMLButtonElement),
  pastePanel: $('paste-panel'),
  filePanel: $('file-panel'),
  names: $('names', HTMLTextAreaElement),
  file: $('csv-file', HTMLInputElement),
  fileError: $('file-error'),
  columns: $('columns'),
  fileSummary: $('file-summary'),
  nameColumn: $('name-column', HTMLSelectElement),
  countryColumn: $('country-column', HTMLSelectElement),
  idColumns: $('id-columns'),
  addIdColumn: $('add-id-column', HTMLButtonElement),
  schemes: $('schemes'),
  preview: $('file-preview'),
  screen: $('screen-button', HTMLButtonElement),
  stop: $('stop-button', HTMLButtonElement),
  inputCount: $('input-count'),
  progressArea: $('progress-area'),
  progress: $('progress', HTMLProgressElement),
  progressText: $('progress-text'),
  results: $('results'),
  summary: $('summary'),
  filter: $('verdict-filter'),
  downloadCsv: $('download-csv', HTMLButtonElement),
  downloadJson: $('download-json', HTMLButtonElement),
  downloadsLabel: $('downloads-label'),
  incomplete: $('incomplete-notice'),
  body: $('results-body'),
  status: $('status'),
};

/**
 * What the page holds. `run` counts the screenings started, so that the answers of a stopped one are dropped.
 *
 * @type {{
 *   mode: 'paste' | 'file',
 *   table: { fileName: string, header: string[], records: string[][] } | null,
 *   columns: ColumnChoice,
 *   rows: ReportRow[],
 *   asOf: string,
 *   filter: Filter,
 *   run: number,
 *   running: boolean,
 * }}
 */
const state = {
  mode: 'paste',
  table: null,
  columns: { name: 0, country: -1, identifiers: [] },
  rows: [],
  asOf: today(),
  filter: 'ALL',
  run: 0,
  running: false,
};

/** @param {string} text */
function say(text, isError = false) {
  elements.status.textContent = text;
  elements.status.classList.toggle('error', isError);
}

/** The rows the current input gives: the pasted lines, or the loaded file's records with the columns chosen. */
function currentEntries() {
  if (state.mode === 'paste') return entriesFromLines(elements.names.value);
  return state.table ? entriesFromTable(state.table, state.columns) : [];
}

/** @param {number} count */
const rowsText = (count) => `${count} ${count === 1 ? 'row' : 'rows'}`;

function updateInputCount() {
  const count = currentEntries().length;
  elements.inputCount.textContent =
    state.mode === 'file' && !state.table
      ? 'Choose a file'
      : state.mode === 'file'
        ? `${rowsText(count)} to screen from ${state.table?.fileName}`
        : `${count} ${count === 1 ? 'name' : 'names'} to screen`;
  elements.screen.disabled = state.running || count === 0;
}

// Input: the two tabs.

/** @param {'paste' | 'file'} mode */
function showMode(mode) {
  state.mode = mode;
  for (const [tab, panel, value] of /** @type {const} */ ([
    [elements.tabPaste, elements.pastePanel, 'paste'],
    [elements.tabFile, elements.filePanel, 'file'],
  ])) {
    const selected = mode === value;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    panel.hidden = !selected;
  }
  updateInputCount();
}

function setUpTabs() {
  elements.tabPaste.addEventListener('click', () => showMode('paste'));
  elements.tabFile.addEventListener('click', () => showMode('file'));
  for (const tab of [elements.tabPaste, elements.tabFile]) {
    tab.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      const next = tab === elements.tabPaste ? elements.tabFile : elements.tabPaste;
      next.focus();
      next.click();
    });
  }
}

// Input: a CSV file and its columns.

/** @param {number} index */
function columnLabel(index) {
  const header = state.table?.header[index];
  return header ? header : `Column ${index + 1}`;
}

/**
 * @param {HTMLSelectElement} select
 * @param {number} selected
 * @param {string | null} none the label of a "no column" choice, or null for none
 */
function fillColumnSelect(select, selected, none) {
  const header = state.table?.header ?? [];
  setChildren(
    select,
    none === null ? null : h('option', { value: '-1', selected: selected < 0 }, none),
    header.map((_, index) =>
      h('option', { value: String(index), selected: index === selected }, columnLabel(index)),
    ),
  );
}

function renderColumns() {
  const { table, columns } = state;
  elements.columns.hidden = !table;
  if (!table) return;
  elements.fileSummary.textContent = `${table.fileName}: ${rowsText(table.records.length)}, ${table.header.length} columns (${table.header.join(', ')}).`;
  fillColumnSelect(elements.nameColumn, columns.name, null);
  fillColumnSelect(elements.countryColumn, columns.country, 'None');
  setChildren(
    elements.idColumns,
    columns.identifiers.map((choice, position) => {
      const column = h('select', {
        'aria-label': `Identifier column ${position + 1}`,
        onchange: (/** @type {Event} */ event) => {
          choice.index = Number(/** @type {HTMLSelectElement} */ (event.target).value);
          columnsChanged();
        },
      });
      fillColumnSelect(column, choice.index, null);
      return h(
        'li',
        {},
        column,
        h(
          'label',
          {},
          h('span', {}, 'scheme'),
          h('input', {
            type: 'text',
            list: 'schemes',
            value: choice.scheme,
            size: 10,
            pattern: '[A-Za-z][A-Za-z0-9\\-]*',
            'aria-label': `Scheme of identifier column ${position + 1}`,
            oninput: (/** @type {Event} */ event) => {
              choice.scheme = /** @type {HTMLInputElement} */ (event.target).value.trim().toUpperCase();
              columnsChanged();
            },
            onchange: (/** @type {Event} */ event) => {
              const input = /** @type {HTMLInputElement} */ (event.target);
              input.value = input.value.trim().toUpperCase();
            },
          }),
        ),
        h(
          'button',
          {
            type: 'button',
            className: 'remove',
            'aria-label': `Remove identifier column ${position + 1}`,
            onclick: () => {
              columns.identifiers.splice(position, 1);
              renderColumns();
              columnsChanged();
            },
          },
          'Remove',
        ),
      );
    }),
  );
  columnsChanged();
}

/** After a change of columns: the count and the preview of the first rows as they will be screened. */
function columnsChanged() {
  const entries = currentEntries();
  elements.preview.textContent = entries.length
    ? `First rows: ${entries.slice(0, 3).map(entryText).join(' | ')}`
    : 'No row has a name or an identifier in the columns chosen.';
  updateInputCount();
}

/** @param {ScreenEntry} entry */
function entryText(entry) {
  return [
    entry.name ?? '(no name)',
    entry.country,
    ...entry.identifiers.map(({ scheme, value }) => `${scheme}:${value}`),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** @param {readonly string[]} schemes the identifier schemes the API names, offered first for a column */
function setUpFile(schemes) {
  setChildren(
    elements.schemes,
    schemes.map((scheme) => h('option', { value: scheme })),
  );
  elements.file.addEventListener('change', async () => {
    const file = elements.file.files?.[0];
    elements.fileError.hidden = true;
    if (!file) return;
    try {
      const table = readCsvTable(await file.text());
      if (table.header.length === 0) throw new Error('the file is empty');
      state.table = { fileName: file.name, ...table };
      state.columns = guessColumns(table.header, schemes);
    } catch (error) {
      state.table = null;
      elements.fileError.textContent = `${file.name} cannot be read: ${error instanceof Error ? error.message : error}`;
      elements.fileError.hidden = false;
    }
    renderColumns();
    updateInputCount();
  });
  elements.nameColumn.addEventListener('change', () => {
    state.columns.name = Number(elements.nameColumn.value);
    columnsChanged();
  });
  elements.countryColumn.addEventListener('change', () => {
    state.columns.country = Number(elements.countryColumn.value);
    columnsChanged();
  });
  elements.addIdColumn.addEventListener('click', () => {
    const used = new Set([
      state.columns.name,
      state.columns.country,
      ...state.columns.identifiers.map((c) => c.index),
    ]);
    const header = state.table?.header ?? [];
    const free = header.findIndex((_, index) => !used.has(index));
    state.columns.identifiers.push({ scheme: 'LEI', index: Math.max(0, free) });
    renderColumns();
  });
}

// Screening.

/**
 * Screens one batch; a row the API refuses (an unknown country, a bad scheme, a name too long) is reported as not
 * screened with the API's reason, and the rest of the batch is sent again without it.
 *
 * @param {{ row: number, entry: ScreenEntry }[]} batch
 * @param {string} asOf
 * @returns {Promise<ReportRow[]>}
 */
async function screenBatch(batch, asOf) {
  /** @type {Map<number, ReportRow>} */
  const done = new Map();
  let pending = batch;
  while (pending.length > 0) {
    try {
      const { screenEntries } = await graphql(SCREENING_REPORT, {
        entries: pending.map(({ entry }) => screeningInput(entry)),
        asOf,
      });
      pending.forEach(({ row, entry }, index) => {
        const answer = screenEntries[index];
        done.set(row, reportRow(row, entry, answer ? { answer } : { error: 'The service gave no answer.' }));
      });
      break;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const refused =
        error instanceof ApiError && error.code === 'BAD_USER_INPUT' ? refusedEntry(message) : null;
      const culprit = refused ? pending[refused.index] : undefined;
      if (!refused || !culprit) {
        for (const { row, entry } of pending) done.set(row, reportRow(row, entry, { error: message }));
        break;
      }
      done.set(culprit.row, reportRow(culprit.row, culprit.entry, { error: refused.message }));
      pending = pending.filter((item) => item !== culprit);
    }
  }
  return batch.map(({ row }) => /** @type {ReportRow} */ (done.get(row)));
}

async function screenAll() {
  const entries = currentEntries();
  if (entries.length === 0) {
    say(state.mode === 'paste' ? 'Paste at least one name.' : 'Load a CSV file with names.', true);
    return;
  }
  const run = ++state.run;
  state.running = true;
  state.asOf = elements.asOf.value || today();
  state.rows = [];
  state.filter = 'ALL';
  elements.body.replaceChildren();
  elements.results.hidden = false;
  elements.results.setAttribute('aria-busy', 'true');
  elements.progressArea.hidden = false;
  elements.progress.max = entries.length;
  elements.progress.value = 0;
  elements.stop.hidden = false;
  updateInputCount();
  /** @type {{ row: number, entry: ScreenEntry }[][]} */
  const batches = [];
  for (let start = 0; start < entries.length; start += BATCH_SIZE) {
    batches.push(
      entries.slice(start, start + BATCH_SIZE).map((entry, index) => ({ row: start + index + 1, entry })),
    );
  }
  const started = performance.now();
  showProgress(0, entries.length, 0, batches.length);
  renderSummary();
  // Up to IN_FLIGHT requests at a time, their rows shown in the order of the input as each comes back.
  /** @type {Promise<ReportRow[]>[]} */
  const answers = [];
  const send = (/** @type {number} */ index) => {
    const batch = batches[index];
    if (batch) answers[index] = screenBatch(batch, state.asOf);
  };
  for (let index = 0; index < IN_FLIGHT; index += 1) send(index);
  for (let index = 0; index < batches.length; index += 1) {
    const rows = await answers[index];
    if (state.run !== run || !rows) return;
    send(index + IN_FLIGHT);
    state.rows.push(...rows);
    elements.body.append(...rows.map(rowElement));
    renderSummary();
    showProgress(state.rows.length, entries.length, index + 1, batches.length);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  finish(`Screened ${rowsText(state.rows.length)} on ${state.asOf} in ${seconds} s.`);
}

/**
 * @param {number} screened
 * @param {number} total
 * @param {number} request
 * @param {number} requests
 */
function showProgress(screened, total, request, requests) {
  elements.progress.value = screened;
  elements.progressText.textContent = `Screened ${screened} of ${rowsText(total)} (${request} of ${requests} ${requests === 1 ? 'request' : 'requests'})`;
  elements.progressArea.dataset.done = String(screened === total);
}

/** @param {string} message */
function finish(message) {
  state.running = false;
  elements.stop.hidden = true;
  elements.results.setAttribute('aria-busy', 'false');
  updateInputCount();
  say(message);
}

function stop() {
  if (!state.running) return;
  state.run += 1;
  finish(`Stopped after ${rowsText(state.rows.length)}; the report holds those.`);
  elements.progressText.textContent += ' — stopped';
}

// Results.

/** @param {RowVerdict} verdict */
function verdictBadge(verdict) {
  return h('span', { className: `screen-verdict verdict-${verdict.toLowerCase()}` }, verdictText(verdict));
}

/**
 * A cell of the results table: its content in one block, so that on a narrow screen the label (data-label) sits
 * beside it; an empty cell stays empty and is not shown there.
 *
 * @param {string} className
 * @param {string} label
 * @param {import('./dom.js').Child[]} children
 */
function cell(className, label, ...children) {
  const shown = children.filter(
    (child) => child !== null && child !== undefined && child !== false && child !== '',
  );
  return h(
    'td',
    { className, 'data-label': label },
    shown.length ? h('div', { className: 'cell-body' }, shown) : null,
  );
}

/** @param {ReportRow} row */
function rowElement(row) {
  const link = row.matchId ? graphLink(row.matchId, state.asOf) : null;
  const tr = h(
    'tr',
    { dataset: { verdict: row.verdict, row: String(row.row) } },
    cell('cell-number', 'Row', row.row),
    cell(
      'cell-input',
      'Input',
      h('span', { className: 'input-name' }, row.name ?? row.input),
      row.country || row.identifiers.length
        ? h(
            'span',
            { className: 'input-extra' },
            [row.country, ...row.identifiers].filter(Boolean).join(' · '),
          )
        : null,
    ),
    cell(
      'cell-verdict',
      'Verdict',
      verdictBadge(row.verdict),
      row.error ? h('span', { className: 'row-error' }, row.error) : null,
      row.verdict === 'NO_MATCH' && row.incompleteLists.length
        ? h('span', { className: 'caveat' }, 'not a clean result')
        : null,
    ),
    cell(
      'cell-match',
      'Best match',
      link && row.matchName
        ? [
            h(
              'a',
              {
                href: link,
                target: '_blank',
                rel: 'noopener',
                className: 'match-link',
                title: 'Open in the graph view',
              },
              row.matchName,
            ),
            ' ',
            h('span', { className: 'kind' }, (row.matchKind ?? '').toLowerCase().replace(/_/g, ' ')),
            row.explanation ? h('span', { className: 'explanation' }, row.explanation) : null,
            otherMatches(row),
          ]
        : row.verdict === 'NOT_SCREENED'
          ? null
          : h('span', { className: 'muted' }, 'Nothing in the graph matched'),
    ),
    cell(
      'cell-score',
      'Score',
      row.score === null ? null : row.score.toFixed(2),
      row.needsReview ? h('span', { className: 'review' }, 'to review') : null,
    ),
    cell('cell-lists', 'Lists and measures', restrictionsList(row)),
    cell('cell-incomplete', 'Lists held in part', row.incompleteLists.join('; ')),
  );
  tr.hidden = state.filter !== 'ALL' && row.verdict !== state.filter;
  return tr;
}

/** @param {ReportRow} row */
function otherMatches(row) {
  if (row.otherMatches.length === 0) return null;
  const count = row.otherMatches.length;
  return h(
    'details',
    { className: 'other-matches' },
    h('summary', {}, `${count} other ${count === 1 ? 'match' : 'matches'}`),
    h(
      'ul',
      {},
      row.otherMatches.map((other) =>
        h(
          'li',
          {},
          h('a', { href: graphLink(other.id, state.asOf), target: '_blank', rel: 'noopener' }, other.name),
          ` ${other.score.toFixed(2)}`,
          other.needsReview ? ' · to review' : '',
          other.restricted ? h('span', { className: 'restricted-mark' }, ' · restricted') : '',
        ),
      ),
    ),
  );
}

/**
 * The measures that apply, by list; when a measure reaches the match through another party (a parent, an owner),
 * that party and the ground follow the list's measures.
 *
 * @param {ReportRow} row
 */
function restrictionsList(row) {
  if (row.restrictions.length === 0) {
    return row.matchId && !row.restricted
      ? h('span', { className: 'muted' }, `No measure applies on ${state.asOf}`)
      : null;
  }
  /** @type {Map<string, { list: string, via: string | null, measures: Set<string> }>} */
  const groups = new Map();
  for (const { list, measure, basis, listedParty } of row.restrictions) {
    const via = basis === 'DIRECT' ? null : `via ${listedParty} (${basis.toLowerCase().replace(/_/g, ' ')})`;
    const key = `${list}\u0000${via}`;
    const group = groups.get(key) ?? { list, via, measures: new Set() };
    group.measures.add(measure);
    groups.set(key, group);
  }
  return h(
    'ul',
    { className: 'list-measures' },
    [...groups.values()].map(({ list, via, measures }) =>
      h(
        'li',
        {},
        h('span', { className: 'list-name' }, list),
        ': ',
        [...measures].join('; '),
        via ? h('span', { className: 'via' }, ` — ${via}`) : null,
      ),
    ),
  );
}

function renderSummary() {
  const counts = verdictCounts(state.rows);
  elements.summary.textContent = summaryText(state.rows);
  setChildren(
    elements.filter,
    [
      ['ALL', 'All', state.rows.length],
      ...VERDICTS.map(([verdict, words]) => [verdict, words, counts[verdict]]),
    ]
      .filter(([value, , count]) => value !== 'NOT_SCREENED' || Number(count) > 0)
      .map(([value, words, count]) =>
        h(
          'button',
          {
            type: 'button',
            'aria-pressed': String(state.filter === value),
            dataset: { filter: String(value) },
            className: value === 'ALL' ? '' : `filter-${String(value).toLowerCase()}`,
            onclick: () => {
              state.filter = /** @type {Filter} */ (value);
              applyFilter();
              renderSummary();
            },
          },
          `${words} `,
          h('span', { className: 'count' }, count),
        ),
      ),
  );
  const lists = incompleteListsOf(state.rows);
  elements.incomplete.hidden = lists.length === 0;
  setChildren(
    elements.incomplete,
    h('strong', {}, '“No match” is not “clean.” '),
    `Every row was screened against ${lists.length === 1 ? 'a list' : `${lists.length} lists`} that the graph holds only in part: `,
    h('span', { className: 'list-names' }, lists.join('; ')),
    '. A party missing from the graph may still be on ',
    lists.length === 1 ? 'it' : 'them',
    `, so ${counts.NO_MATCH} without a match and ${counts.NOT_RESTRICTED} not restricted are only as complete as these lists.`,
  );
  const shown = shownRows().length;
  elements.downloadsLabel.textContent = `Download the ${rowsText(shown)} shown:`;
  elements.downloadCsv.disabled = elements.downloadJson.disabled = shown === 0;
}

function shownRows() {
  return state.filter === 'ALL' ? state.rows : state.rows.filter((row) => row.verdict === state.filter);
}

function applyFilter() {
  for (const tr of elements.body.children) {
    if (tr instanceof HTMLElement) tr.hidden = state.filter !== 'ALL' && tr.dataset.verdict !== state.filter;
  }
}

// Downloads.

/**
 * @param {string} fileName
 * @param {string} text
 * @param {string} type
 */
function download(fileName, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  say(`Downloaded ${fileName}.`);
}

function reportName() {
  const filter = state.filter === 'ALL' ? '' : `-${state.filter.toLowerCase().replace(/_/g, '-')}`;
  return `screening-${state.asOf}${filter}`;
}

function setUpDownloads() {
  const context = () => ({ asOf: state.asOf, origin: window.location.origin });
  elements.downloadCsv.addEventListener('click', () =>
    download(`${reportName()}.csv`, reportCsv(shownRows(), context()), 'text/csv'),
  );
  elements.downloadJson.addEventListener('click', () =>
    download(`${reportName()}.json`, reportJson(shownRows(), context()), 'application/json'),
  );
}

// The page.

async function setUp() {
  const { asOf } = readUrlState();
  if (asOf) elements.asOf.value = asOf;
  elements.asOf.addEventListener('change', () => {
    const params = new URLSearchParams(window.location.search);
    if (elements.asOf.value) params.set('asOf', elements.asOf.value);
    else params.delete('asOf');
    const query = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
  });
  setUpTabs();
  // The API's identifier schemes: the page holds no list of its own.
  setUpFile((await graphql(VOCABULARY, {})).vocabulary.identifierSchemes);
  setUpDownloads();
  elements.names.addEventListener('input', updateInputCount);
  elements.names.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) elements.screen.click();
  });
  elements.screen.addEventListener('click', () => {
    screenAll().catch((error) => {
      finish('');
      say(error instanceof Error ? error.message : String(error), true);
    });
  });
  elements.stop.addEventListener('click', stop);
  showMode('paste');
  document.body.dataset.ready = 'true';
}

setUp().catch((error) => say(error instanceof Error ? error.message : String(error), true));
