// @ts-check
/** @import cytoscape from 'cytoscape' */

/**
 * Colours and shapes per node kind; the legend in index.html and explorer.css uses the same colours.
 *
 * @type {Record<string, { color: string, shape: cytoscape.Css.NodeShape }>}
 */
export const KIND_STYLES = {
  COMPANY: { color: '#3b6fb6', shape: 'round-rectangle' },
  PERSON: { color: '#2a9d8f', shape: 'ellipse' },
  GOVERNMENT_BODY: { color: '#7b4fa0', shape: 'hexagon' },
  BRAND: { color: '#e07a1f', shape: 'tag' },
  LIST: { color: '#6d4c41', shape: 'barrel' },
  INSTRUMENT: { color: '#6b7280', shape: 'rhomboid' },
  MEASURE: { color: '#8d99ae', shape: 'diamond' },
};

const RESTRICTED = '#c62828';
const HIGHLIGHT = '#f5b400';
/**
 * The page's font stack (explorer.css), with the self-hosted Noto Sans SC for Chinese names before the generic
 * family: labels are drawn on a canvas, which falls back through the same list. (Cytoscape takes double quotes
 * only.)
 */
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans SC", sans-serif';

/**
 * Label sizes. Node labels are never drawn below `minPx` on screen: when the zoom would make them smaller, their
 * size in the drawing grows instead (graph-view.js) and those that would then overlap are left out, to be shown
 * on zooming in or in the tooltip. Edge labels are shown only when they come out at `edgeMinPx` or more, except
 * on a highlighted chain, where they grow as node labels do.
 */
export const LABELS = {
  /** Font size of a node label in the drawing, at zoom 1 and above. */
  baseSize: 12,
  /** The least size on screen of a node label, in CSS pixels. */
  minPx: 12,
  /** The focus node's label on screen, at least. */
  focusPx: 14,
  /** Where a label wraps, on screen, in CSS pixels. */
  wrapPx: 130,
  /** In a graph narrower than narrowPx (a phone's), labels wrap at narrowWrapPx. */
  narrowPx: 500,
  narrowWrapPx: 96,
  /** Names longer than this are cut at a word and end in an ellipsis (the tooltip has them whole). */
  maxChars: 42,
  edgeSize: 12,
  edgeMinPx: 11,
};

/** Space between a node and its label below, in the drawing's units. */
export const LABEL_MARGIN = 4;

/** Legal forms left off node labels: the tooltip and the panels keep the full name. */
const LEGAL_FORM =
  /[,\s]+(?:co\.?,?\s*ltd\.?|company\s+limited|co\.?,?\s*limited|limited|ltd\.?|corporation|corp\.?|incorporated|inc\.?|llc|plc|gmbh|s\.a\.|ag)$/i;

/**
 * A node's name as its label: legal forms left off, and cut at a word boundary when long.
 *
 * @example
 * shortName('Hangzhou Hikvision Digital Technology Co., Ltd.') // 'Hangzhou Hikvision Digital Technology'
 *
 * @param {string} name
 */
export function shortName(name) {
  let short = name.trim();
  for (let previous = ''; previous !== short && LEGAL_FORM.test(short);) {
    previous = short;
    short = short.replace(LEGAL_FORM, '');
  }
  if (!short) short = name.trim();
  if (short.length <= LABELS.maxChars) return short;
  const cut = short.slice(0, LABELS.maxChars);
  const space = cut.lastIndexOf(' ');
  return `${(space > LABELS.maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, '')}…`;
}

/**
 * The Cytoscape stylesheet: kind styling, restricted marking, edge labels, highlight and fade. A label's text,
 * size and (for nodes) wrap width are the element's data `caption`, `captionSize` and `captionWidth`, which
 * graph-view.js sets for the zoom (see LABELS).
 *
 * @returns {cytoscape.StylesheetJson}
 */
export function graphStyle() {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(caption)',
        'font-size': 'data(captionSize)',
        'font-family': FONT_FAMILY,
        color: '#1f2933',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': LABEL_MARGIN,
        'text-wrap': 'wrap',
        'text-max-width': 'data(captionWidth)',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        width: 30,
        height: 30,
        'border-width': 2,
        'border-color': '#ffffff',
      },
    },
    ...Object.entries(KIND_STYLES).map(([kind, { color, shape }]) => ({
      selector: `node[kind = "${kind}"]`,
      style: { 'background-color': color, shape },
    })),
    {
      selector: 'node.restricted',
      style: {
        'border-width': 5,
        'border-color': RESTRICTED,
        'underlay-color': RESTRICTED,
        'underlay-opacity': 0.18,
        'underlay-padding': 7,
        color: RESTRICTED,
        'font-weight': 'bold',
      },
    },
    { selector: 'node.focus', style: { width: 44, height: 44, 'font-weight': 'bold' } },
    { selector: 'node.expanded', style: { 'border-style': 'double', 'border-width': 6 } },
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'line-color': '#9aa5b1',
        'target-arrow-color': '#9aa5b1',
        'source-arrow-color': '#9aa5b1',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        label: 'data(caption)',
        'font-size': 'data(captionSize)',
        'font-family': FONT_FAMILY,
        color: '#3e4c59',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '2px',
      },
    },
    // Laid out reversed (edges that point up, see graph-view.js): draw the arrow at the other end so it keeps the API's direction.
    { selector: 'edge.reversed', style: { 'target-arrow-shape': 'none', 'source-arrow-shape': 'triangle' } },
    { selector: 'edge[type = "OEM_FOR"]', style: { 'line-style': 'dotted', 'line-color': '#e07a1f' } },
    {
      selector: 'edge[type = "OWNS"], edge[type = "SUBSIDIARY_OF"], edge[type = "CONTROLS"]',
      style: {
        width: 2.4,
        'line-color': '#52606d',
        'target-arrow-color': '#52606d',
        'source-arrow-color': '#52606d',
      },
    },
    {
      selector: '.highlighted',
      style: {
        'border-color': HIGHLIGHT,
        'line-color': HIGHLIGHT,
        'target-arrow-color': HIGHLIGHT,
        'source-arrow-color': HIGHLIGHT,
        width: 5,
        'z-index': 10,
        opacity: 1,
      },
    },
    // Above the chain's edges, so that their labels never cover the nodes' labels.
    { selector: 'node.highlighted', style: { width: 40, height: 40, 'border-width': 6, 'z-index': 20 } },
    { selector: '.faded', style: { opacity: 0.18 } },
  ];
}
