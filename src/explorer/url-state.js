// @ts-check
/**
 * The view's state in the address bar, so a copied URL restores it:
 * `?entity=<id>&asOf=YYYY-MM-DD&expand=<id>,<id>&tab=why|brands|ownership|nodes|timeline`.
 *
 * @param {Pick<Location, 'search'>} location
 */
export function readUrlState(location = window.location) {
  const params = new URLSearchParams(location.search);
  const asOf = params.get('asOf');
  return {
    entity: params.get('entity') || null,
    asOf: asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null,
    expanded: (params.get('expand') ?? '').split(',').filter(Boolean),
    tab: params.get('tab') || 'why',
  };
}

/**
 * @param {{ entity: string | undefined, asOf: string | null, expanded: ReadonlySet<string>, tab: string }} state
 */
export function writeUrlState({ entity, asOf, expanded, tab }) {
  const params = new URLSearchParams();
  if (entity) params.set('entity', entity);
  if (asOf) params.set('asOf', asOf);
  if (expanded.size > 0) params.set('expand', [...expanded].join(','));
  if (tab && tab !== 'why') params.set('tab', tab);
  const query = params.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
  if (url !== `${window.location.pathname}${window.location.search}`)
    window.history.replaceState(null, '', url);
}
