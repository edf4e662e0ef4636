import {
  dataElement,
  graphmlType,
  keyElement,
  xmlText as escape,
  type GraphmlDomain,
  type GraphmlType,
} from '../formats/graphml-writer.js';
import type { ExportGraph } from './read-graph.js';

/**
 * GraphML (http://graphml.graphdrawing.org/) for yEd, Gephi and Cytoscape. Each property becomes a typed
 * <key>; keys, values and text follow the rules of src/formats/graphml-writer.js, which the explorer's GraphML
 * download shares.
 */
export function* writeGraphML(graph: ExportGraph): Generator<string> {
  const nodeKeys = keysOf(
    graph.nodes.map((node) => ({ type: node.type, labels: node.labels, ...node.properties })),
  );
  const edgeKeys = keysOf(graph.relationships.map((rel) => ({ type: rel.type, ...rel.properties })));
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield (
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
  );
  for (const [name, type] of nodeKeys) yield `  ${keyElement('node', name, type)}\n`;
  for (const [name, type] of edgeKeys) yield `  ${keyElement('edge', name, type)}\n`;
  yield '  <graph id="restricted-graph" edgedefault="directed">\n';
  for (const node of graph.nodes) {
    yield `    <node id="${escape(node.id)}">\n`;
    yield* data('node', { type: node.type, labels: node.labels, ...node.properties });
    yield '    </node>\n';
  }
  for (const rel of graph.relationships) {
    yield `    <edge id="${escape(`${rel.type}:${rel.id}`)}" source="${escape(rel.from)}" target="${escape(rel.to)}">\n`;
    yield* data('edge', { type: rel.type, ...rel.properties });
    yield '    </edge>\n';
  }
  yield '  </graph>\n</graphml>\n';
}

function* data(domain: GraphmlDomain, properties: Record<string, unknown>): Generator<string> {
  for (const [key, value] of Object.entries(properties).sort(([a], [b]) => a.localeCompare(b))) {
    if (value === null || value === undefined) continue;
    yield `      ${dataElement(domain, key, value)}\n`;
  }
}

/** Each property name with the GraphML type its values share (a mix of types falls back to string). */
function keysOf(items: Record<string, unknown>[]): [string, GraphmlType][] {
  const types = new Map<string, GraphmlType>();
  for (const item of items) {
    for (const [key, value] of Object.entries(item)) {
      if (value === null || value === undefined) continue;
      const type = graphmlType(value);
      const seen = types.get(key);
      types.set(key, seen === undefined || seen === type ? type : 'string');
    }
  }
  return [...types].sort(([a], [b]) => a.localeCompare(b));
}
