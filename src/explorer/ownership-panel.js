// @ts-check
import { h, percentText, setChildren } from './dom.js';
import { pathLine } from './brands-panel.js';

/** @import { OwnershipChain, OwnershipDirection } from '../operations/answers.js' */

/**
 * The Ownership panel: ownership paths up to the ultimate owners or down to holdings, each with its effective
 * (multiplied) percentage. `onDirection` switches between UP and DOWN.
 *
 * @param {HTMLElement} container
 * @param {OwnershipChain} chain
 * @param {{ onDirection: (direction: OwnershipDirection) => void, onFocus: (id: string) => void }} actions
 */
export function renderOwnershipPanel(container, chain, { onDirection, onFocus }) {
  const toggle = h(
    'div',
    { className: 'segmented', role: 'group', 'aria-label': 'Direction' },
    /** @type {OwnershipDirection[]} */ (['UP', 'DOWN']).map((direction) =>
      h(
        'button',
        {
          type: 'button',
          'aria-pressed': String(chain.direction === direction),
          onclick: () => onDirection(direction),
        },
        direction === 'UP' ? 'Owners (up)' : 'Holdings (down)',
      ),
    ),
  );
  const rows = chain.paths.map((path) =>
    h(
      'li',
      { className: 'ownership-row' },
      h(
        'div',
        { className: 'row-title' },
        h(
          'button',
          { type: 'button', className: 'link-button', onclick: () => onFocus(path.end.id) },
          path.end.name,
        ),
        path.effectivePercent != null
          ? h('span', { className: 'badge percent' }, `effective ${percentText(path.effectivePercent)}`)
          : h('span', { className: 'badge' }, 'percentage unknown'),
      ),
      h('div', { className: 'path-line' }, pathLine(path.steps)),
    ),
  );
  setChildren(
    container,
    toggle,
    rows.length
      ? h('ul', { className: 'rows' }, rows)
      : h('p', {}, chain.direction === 'UP' ? 'No owners are recorded.' : 'No holdings are recorded.'),
    chain.direction === 'UP' && chain.ultimateOwners.length
      ? h('p', {}, 'Ultimate owners: ', chain.ultimateOwners.map((owner) => owner.name).join('; '))
      : null,
    chain.cyclesFound
      ? h(
          'p',
          { className: 'muted' },
          'The ownership graph has a cycle here; those paths stop where it closes.',
        )
      : null,
  );
}
