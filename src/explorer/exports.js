// @ts-check
import { csvDocument } from '../formats/csv-writer.js';
import { dataElement, keyElement, xmlText } from '../formats/graphml-writer.js';

/**
 * @import { GraphmlDomain, GraphmlType } from '../formats/graphml-writer.js'
 * @import { DrawnEdge, DrawnNode, GraphView } from './graph-view.js'
 */

/** @typedef {'png' | 'json' | 'graphml' | 'csv'} ExportFormat */

/**
 * Exports of the current view: PNG (the canvas), Cytoscape JSON (elements, style-free), GraphML (nodes and edges
 * with their attributes, for Gephi, yEd or NetworkX) and CSV of nodes and of edges. Returns the names of the
 * files downloaded.
 *
 * @param {ExportFormat} format
 * @param {GraphView} graphView
 * @param {string} baseName
 * @returns {string[]}
 */
export function exportView(format, graphView, baseName) {
  const { cy } = graphView;
  if (format === 'png') {
    return [download(`${baseName}.png`, cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }))];
  }
  const snapshot = graphView.snapshot();
  if (format === 'json') {
    const json = {
      format_version: '1.0',
      generated_by: 'restricted-graph explorer',
      elements: cy.json().elements,
    };
    return [
      download(`${baseName}.cyjs`, new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' })),
    ];
  }
  if (format === 'graphml') {
    return [
      download(`${baseName}.graphml`, new Blob([toGraphml(snapshot)], { type: 'application/graphml+xml' })),
    ];
  }
  if (format === 'csv') {
    return [
      download(`${baseName}-nodes.csv`, new Blob([nodesCsv(snapshot.nodes)], { type: 'text/csv' })),
      download(`${baseName}-edges.csv`, new Blob([edgesCsv(snapshot.edges)], { type: 'text/csv' })),
    ];
  }
  throw new Error(`Unknown export format ${format}`);
}

/**
 * The attributes written for each node and edge, with the GraphML type each key is declared with.
 *
 * @type {[keyof DrawnNode & string, GraphmlType][]}
 */
const NODE_KEYS = [
  ['name', 'string'],
  ['kind', 'string'],
  ['restricted', 'boolean'],
];
/** @type {[keyof DrawnEdge & string, GraphmlType][]} */
const EDGE_KEYS = [
  ['type', 'string'],
  ['label', 'string'],
  ['percent', 'double'],
  ['validFrom', 'string'],
  ['validTo', 'string'],
  ['evidence', 'string'],
];

/**
 * GraphML of the nodes and edges on screen, each attribute a typed key. Keys, values and text are written by
 * the rules of the service's GraphML export (src/formats/graphml-writer.js, shared with it).
 *
 * @param {{ nodes: readonly DrawnNode[], edges: readonly DrawnEdge[] }} view
 * @returns {string}
 */
export function toGraphml({ nodes, edges }) {
  const keys = [
    ...NODE_KEYS.map(([name, type]) => `  ${keyElement('node', name, type)}`),
    ...EDGE_KEYS.map(([name, type]) => `  ${keyElement('edge', name, type)}`),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keys,
    '  <graph id="restricted-graph" edgedefault="directed">',
    ...nodes.map((node) => `    <node id="${xmlText(node.id)}">${data('node', NODE_KEYS, node)}</node>`),
    ...edges.map(
      (edge) =>
        `    <edge id="${xmlText(edge.id)}" source="${xmlText(edge.source)}" target="${xmlText(edge.target)}">${data('edge', EDGE_KEYS, edge)}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

/**
 * An item's attributes as <data> elements, in the order of its keys; null and missing values are left out.
 *
 * @template {object} Item
 * @param {GraphmlDomain} domain
 * @param {[keyof Item & string, GraphmlType][]} keys
 * @param {Item} item
 */
function data(domain, keys, item) {
  return keys.map(([name]) => dataElement(domain, name, item[name])).join('');
}

/** @param {readonly DrawnNode[]} nodes */
export function nodesCsv(nodes) {
  return csvDocument([
    ['id', 'name', 'kind', 'restricted'],
    ...nodes.map((node) => [node.id, node.name, node.kind, node.restricted]),
  ]);
}

/** @param {readonly DrawnEdge[]} edges */
export function edgesCsv(edges) {
  return csvDocument([
    ['id', 'source', 'target', 'type', 'label', 'percent', 'validFrom', 'validTo', 'evidence'],
    ...edges.map((edge) => [
      edge.id,
      edge.source,
      edge.target,
      edge.type,
      edge.label,
      edge.percent,
      edge.validFrom,
      edge.validTo,
      edge.evidence,
    ]),
  ]);
}

/**
 * @param {string} fileName
 * @param {Blob} blob
 */
function download(fileName, blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}
