// @ts-check
/** @import { Evidence, Source } from '../operations/answers.js' */

/**
 * What h() and setChildren() take as children: elements, text, and nothing (null, undefined, false), also in
 * nested arrays as map() makes them (JSDoc cannot name the recursive type, hence unknown[]).
 *
 * @typedef {Node | string | number | null | undefined | false | readonly unknown[]} Child
 */

/**
 * Builds DOM elements without innerHTML, so names and notes from the data can never inject markup.
 *
 * @example
 * h('a', { href: source.url, target: '_blank' }, source.title)
 *
 * @template {keyof HTMLElementTagNameMap} Tag
 * @param {Tag} tag
 * @param {Record<string, unknown>} attributes
 * @param {Child[]} children
 * @returns {HTMLElementTagNameMap[Tag]}
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function')
      element.addEventListener(name.slice(2), /** @type {EventListener} */ (value));
    else if (name === 'className') element.className = String(value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  appendChildren(element, children);
  return element;
}

/**
 * Replaces an element's children.
 *
 * @param {Element} element
 * @param {Child[]} children
 */
export function setChildren(element, ...children) {
  element.replaceChildren();
  appendChildren(element, children);
}

/**
 * @param {Element} element
 * @param {readonly Child[]} children
 */
function appendChildren(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) appendChildren(element, /** @type {Child[]} */ (child));
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Characters the self-hosted Noto Sans SC is there for (CJK ideographs, punctuation and full-width forms). */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/gu;

/**
 * Loads the subsets of the self-hosted CJK font that these texts need, and waits for the page's fonts. Text laid
 * out before its subset has arrived can stay in empty boxes in Chromium, so the explorer waits for them first.
 * A font that cannot be had leaves the system's fallback: the names still show, so nothing to report.
 *
 * @param {readonly string[]} texts
 */
export async function loadFontsFor(texts) {
  const cjk = texts.join(' ').match(CJK);
  if (cjk) await document.fonts.load('16px "Noto Sans SC"', [...new Set(cjk)].join('')).catch(() => []);
  await document.fonts.ready;
}

/** @param {number | null | undefined} percent */
export function percentText(percent) {
  return percent === null || percent === undefined ? '' : `${Number(percent.toFixed(2))} %`;
}

/** Today in UTC, the date the API answers for when none is given (a local date would differ near midnight). */
export function today() {
  return new Date().toISOString().slice(0, 10);
}

/**
 * @param {string | null | undefined} from
 * @param {string | null | undefined} to
 */
export function periodText(from, to) {
  if (!from && !to) return '';
  return `${from ?? '?'} → ${to ?? 'today'}`;
}

/**
 * An evidence grade as a small badge (PRIMARY government text ... COMMUNITY forum).
 *
 * @param {Evidence | string} evidence
 */
export function evidenceBadge(evidence) {
  return h(
    'span',
    { className: `badge evidence-${String(evidence).toLowerCase()}`, title: 'Evidence grade' },
    evidence,
  );
}

/**
 * A list of sources as links that open in a new tab, each with its evidence grade.
 *
 * @param {readonly Source[] | null | undefined} sources
 */
export function sourceLinks(sources) {
  if (!sources?.length) return null;
  return h(
    'ul',
    { className: 'sources' },
    sources.map((source) =>
      h(
        'li',
        {},
        evidenceBadge(source.evidence),
        ' ',
        h('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer' }, source.title),
        h('span', { className: 'muted' }, ` — ${source.publisher}${source.date ? `, ${source.date}` : ''}`),
      ),
    ),
  );
}

/**
 * Sources folded under a summary that shows how many there are and their evidence grades, so long chains stay
 * short on a narrow screen; the links are one click (or Enter) away.
 *
 * @param {readonly Source[] | null | undefined} sources
 */
export function foldedSources(sources, label = 'source') {
  if (!sources?.length) return null;
  const grades = [...new Set(sources.map((source) => source.evidence))];
  return h(
    'details',
    { className: 'folded-sources' },
    h(
      'summary',
      {},
      `${sources.length} ${label}${sources.length === 1 ? '' : 's'} `,
      grades.map((grade) => [evidenceBadge(grade), ' ']),
    ),
    sourceLinks(sources),
  );
}
