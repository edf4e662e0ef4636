import { evidenceBadge, foldedSources, h, kindText, setChildren } from './dom.js';

const RELATIONS = {
  OWN_BRAND: 'own brand',
  SUBSIDIARY_BRAND: "a subsidiary's brand",
  OEM_REPORTED: 'OEM (reported)',
};

/**
 * The Brands panel: for a party, the brands that lead back to it (brandsLinkedTo); for a brand, the parties
 * that own it or reportedly make it (brandOrigins). Each row's name focuses the graph on that entity.
 */
export function renderBrandsPanel(container, answer, { onFocus }) {
  const rows = answer.items.map((item) => {
    const other = answer.kind === 'links' ? item.brand : item.entity;
    return h(
      'li',
      { className: 'brand-row' },
      h(
        'div',
        { className: 'row-title' },
        h(
          'button',
          { type: 'button', className: 'link-button', onclick: () => onFocus(other.id) },
          other.name,
        ),
        h('span', { className: 'badge' }, RELATIONS[item.relation] ?? item.relation),
        evidenceBadge(item.evidence),
        item.restricted ? h('span', { className: 'badge restricted-badge' }, 'restricted') : null,
        item.entity?.kind ? h('span', { className: 'muted' }, ` ${kindText(item.entity.kind)}`) : null,
      ),
      h('div', { className: 'path-line' }, pathLine(item.path.steps)),
      foldedSources(item.sources),
    );
  });
  const title =
    answer.kind === 'links'
      ? `${rows.length} brand${rows.length === 1 ? ' leads' : 's lead'} back to this entity.`
      : `${rows.length} part${rows.length === 1 ? 'y is' : 'ies are'} behind this brand.`;
  setChildren(container, h('p', {}, title), rows.length ? h('ul', { className: 'rows' }, rows) : null);
}

const FORWARD = {
  OWNED_BY: 'owned by',
  SUBSIDIARY_OF: 'subsidiary of',
  AFFILIATE_OF: 'affiliate of',
  CONTROLLED_BY: 'controlled by',
  BRAND_OF: 'brand of',
  MADE_BY_OEM: 'made (OEM) by',
};

/** "EZVIZ → brand of → Hangzhou EZVIZ → owned by 100 % → Hikvision" */
export function pathLine(steps) {
  if (!steps.length) return '';
  return [
    steps[0].from.name,
    ...steps.flatMap((step) => [
      `${FORWARD[step.relation] ?? step.relation.toLowerCase()}${step.percent != null ? ` ${Number(step.percent.toFixed(2))} %` : ''}`,
      step.to.name,
    ]),
  ].join(' → ');
}
