// @ts-check
import { evidenceBadge, foldedSources, h, setChildren } from './dom.js';
import { brandRelationText, kindText } from './vocabulary.js';

/**
 * @import { BrandsAnswer } from './api.js'
 * @import { PathStep } from '../operations/answers.js'
 */

/**
 * The Brands panel: for a party, the brands that lead back to it (brandsLinkedTo); for a brand, the parties
 * that own it or reportedly make it (brandOrigins). Each row's name focuses the graph on that entity; a row
 * whose brand (or party) is restricted on the date is marked so, and the first line counts them.
 *
 * @param {HTMLElement} container
 * @param {BrandsAnswer} answer
 * @param {{ onFocus: (id: string) => void }} actions
 */
export function renderBrandsPanel(container, answer, { onFocus }) {
  const rows = answer.items.map((item) => {
    const other = 'brand' in item ? item.brand : item.entity;
    return h(
      'li',
      { className: item.restricted ? 'brand-row is-restricted' : 'brand-row' },
      h(
        'div',
        { className: 'row-title' },
        h(
          'button',
          { type: 'button', className: 'link-button', onclick: () => onFocus(other.id) },
          other.name,
        ),
        h('span', { className: 'badge' }, brandRelationText(item.relation)),
        evidenceBadge(item.evidence),
        item.restricted ? h('span', { className: 'badge restricted-badge' }, 'restricted') : null,
        'entity' in item ? h('span', { className: 'muted' }, ` ${kindText(item.entity.kind)}`) : null,
      ),
      h('div', { className: 'path-line' }, pathLine(item.path.steps)),
      foldedSources(item.sources),
    );
  });
  const title =
    answer.kind === 'links'
      ? `${rows.length} brand${rows.length === 1 ? ' leads' : 's lead'} back to this entity.`
      : `${rows.length} part${rows.length === 1 ? 'y is' : 'ies are'} behind this brand.`;
  const restricted = answer.items.filter((item) => item.restricted).length;
  const summary =
    rows.length === 0
      ? null
      : h(
          'p',
          {
            className: restricted > 0 ? 'brands-summary restricted' : 'brands-summary',
            'data-testid': 'brands-summary',
          },
          `${restricted} of ${rows.length} ${answer.kind === 'links' ? 'brands' : 'parties'} restricted on this date.`,
        );
  setChildren(
    container,
    h('p', {}, title),
    summary,
    rows.length ? h('ul', { className: 'rows' }, rows) : null,
  );
}

/**
 * "EZVIZ → brand of → Hangzhou EZVIZ → owned by 100 % → Hikvision"
 *
 * @param {readonly Pick<PathStep, 'from' | 'label' | 'to' | 'percent'>[]} steps
 */
export function pathLine(steps) {
  if (!steps[0]) return '';
  return [
    steps[0].from.name,
    ...steps.flatMap((step) => [
      `${step.label}${step.percent != null ? ` ${Number(step.percent.toFixed(2))} %` : ''}`,
      step.to.name,
    ]),
  ].join(' → ');
}
