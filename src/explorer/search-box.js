// @ts-check
import { searchEntities } from './api.js';
import { h } from './dom.js';
import { kindText } from './vocabulary.js';

/** @import { EntitySummary, SearchEdge } from '../operations/answers.js' */

const DEBOUNCE_MS = 180;

/**
 * Type-ahead over names, aliases and Chinese names (the API's `search`), as an ARIA combobox: arrows move
 * through the matches, Enter picks one, Escape closes the list. A weak match (below the review threshold, which
 * screening would not report) is set apart: its name in plain grey and a "weak match" chip with its score.
 *
 * @param {HTMLInputElement} input
 * @param {HTMLElement} list
 * @param {{ onPick: (entity: EntitySummary) => void, onError: (error: Error) => void }} actions
 */
export function createSearchBox(input, list, { onPick, onError }) {
  /** @type {SearchEdge[]} */
  let matches = [];
  let active = -1;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let latest = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  /** @param {number} index */
  const pick = (index) => {
    const match = matches[index];
    if (!match) return;
    close();
    input.value = match.node.name;
    onPick(match.node);
  };
  const render = () => {
    list.replaceChildren(
      ...(matches.length === 0
        ? [h('li', { className: 'no-match', role: 'option', 'aria-disabled': 'true' }, 'No match')]
        : matches.map((match, index) =>
            h(
              'li',
              {
                id: `search-option-${index}`,
                role: 'option',
                'aria-selected': index === active ? 'true' : 'false',
                className: [index === active ? 'active' : '', match.weak ? 'weak' : ''].join(' ').trim(),
                /** @param {MouseEvent} event */
                onmousedown: (event) => {
                  event.preventDefault();
                  pick(index);
                },
              },
              h('span', { className: 'option-name' }, match.node.name),
              h(
                'span',
                { className: `kind-chip kind-${match.node.kind.toLowerCase()}` },
                kindText(match.node.kind),
              ),
              match.weak
                ? h(
                    'span',
                    {
                      className: 'weak-chip',
                      title: 'Below the review threshold: screening would not report it',
                    },
                    `weak match ${Math.round(match.score * 100)} %`,
                  )
                : null,
              match.matchedName && match.matchedName !== match.node.name
                ? h('span', { className: 'option-alias' }, `matched “${match.matchedName}”`)
                : null,
            ),
          )),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const lookUp = async () => {
    const text = input.value.trim();
    if (text.length < 2) return close();
    const request = ++latest;
    try {
      const found = await searchEntities(text);
      if (request !== latest) return;
      matches = found;
      active = matches.length > 0 ? 0 : -1;
      render();
    } catch (error) {
      if (request === latest) onError(/** @type {Error} */ (error));
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(lookUp, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (list.hidden) return void lookUp();
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      active = (active + delta + matches.length) % Math.max(matches.length, 1);
      render();
      event.preventDefault();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!list.hidden && active >= 0) pick(active);
      else {
        clearTimeout(timer);
        lookUp();
      }
    } else if (event.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 120));
}
