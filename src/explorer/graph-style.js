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
 * The Cytoscape stylesheet: kind styling, restricted marking, edge labels, highlight and fade.
 *
 * @returns {cytoscape.StylesheetJson}
 */
export function graphStyle() {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 11,
        'font-family': 'system-ui, sans-serif',
        color: '#1f2933',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 5,
        'text-wrap': 'wrap',
        'text-max-width': '130px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
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
    { selector: 'node.focus', style: { width: 44, height: 44, 'font-size': 13, 'font-weight': 'bold' } },
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
        label: 'data(label)',
        'font-size': 9,
        'font-family': 'system-ui, sans-serif',
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
    { selector: 'node.highlighted', style: { width: 40, height: 40, 'border-width': 6 } },
    { selector: '.faded', style: { opacity: 0.18 } },
  ];
}
