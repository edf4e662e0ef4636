/**
 * Builds DOM elements without innerHTML, so names and notes from the data can never inject markup.
 *
 * @example
 * h('a', { href: source.url, target: '_blank' }, source.title)
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'className') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Replaces an element's children. */
export function setChildren(element, ...children) {
  element.replaceChildren();
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function percentText(percent) {
  return percent === null || percent === undefined ? '' : `${Number(percent.toFixed(2))} %`;
}

/** Today in UTC, the date the API answers for when none is given (a local date would differ near midnight). */
export function today() {
  return new Date().toISOString().slice(0, 10);
}

export function periodText(from, to) {
  if (!from && !to) return '';
  return `${from ?? '?'} → ${to ?? 'today'}`;
}

/** An evidence grade as a small badge (PRIMARY government text ... COMMUNITY forum). */
export function evidenceBadge(evidence) {
  return h(
    'span',
    { className: `badge evidence-${String(evidence).toLowerCase()}`, title: 'Evidence grade' },
    evidence,
  );
}

/** A list of sources as links that open in a new tab, each with its evidence grade. */
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
