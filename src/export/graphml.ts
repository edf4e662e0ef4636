import type { ExportGraph } from './read-graph.js';

/**
 * GraphML (http://graphml.graphdrawing.org/) for yEd, Gephi and Cytoscape. Each property becomes a typed
 * <key>; lists (aliases, identifiers, sources) are joined with "; ", since GraphML has no list type. Node and
 * edge keys live in separate namespaces (n_*, e_*) because their properties overlap (`note`, `sources`).
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
  for (const [name, type] of nodeKeys)
    yield `  <key id="n_${escape(name)}" for="node" attr.name="${escape(name)}" attr.type="${type}"/>\n`;
  for (const [name, type] of edgeKeys)
    yield `  <key id="e_${escape(name)}" for="edge" attr.name="${escape(name)}" attr.type="${type}"/>\n`;
  yield '  <graph id="restricted-graph" edgedefault="directed">\n';
  for (const node of graph.nodes) {
    yield `    <node id="${escape(node.id)}">\n`;
    yield* data('n', { type: node.type, labels: node.labels, ...node.properties });
    yield '    </node>\n';
  }
  for (const rel of graph.relationships) {
    yield `    <edge id="${escape(`${rel.type}:${rel.id}`)}" source="${escape(rel.from)}" target="${escape(rel.to)}">\n`;
    yield* data('e', { type: rel.type, ...rel.properties });
    yield '    </edge>\n';
  }
  yield '  </graph>\n</graphml>\n';
}

function* data(prefix: string, properties: Record<string, unknown>): Generator<string> {
  for (const [key, value] of Object.entries(properties).sort(([a], [b]) => a.localeCompare(b))) {
    if (value === null || value === undefined) continue;
    yield `      <data key="${prefix}_${escape(key)}">${escape(text(value))}</data>\n`;
  }
}

/** Each property name with the GraphML type its values share (a mix of types falls back to string). */
function keysOf(items: Record<string, unknown>[]): [string, string][] {
  const types = new Map<string, string>();
  for (const item of items) {
    for (const [key, value] of Object.entries(item)) {
      if (value === null || value === undefined) continue;
      const type = typeof value === 'number' ? 'double' : typeof value === 'boolean' ? 'boolean' : 'string';
      const seen = types.get(key);
      types.set(key, seen === undefined || seen === type ? type : 'string');
    }
  }
  return [...types].sort(([a], [b]) => a.localeCompare(b));
}

function text(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join('; ') : String(value);
}

/** XML-escapes text and drops the control characters XML 1.0 cannot carry. */
export function escape(value: string): string {
  return value
    .replace(/\p{Cc}/gu, (char) => (char === '\t' || char === '\n' || char === '\r' ? char : ''))
    .replace(/[\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
