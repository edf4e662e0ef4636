import type { ExportGraph } from './read-graph.js';

/**
 * Cytoscape JSON (the CYJS file Cytoscape desktop reads and cytoscape.js takes as `elements`): every node and
 * edge is `{data: {...}}` with `id`, edges with `source` and `target`. Edge ids are prefixed with their type,
 * because ids must be unique across nodes and edges and a relationship's id may repeat a node's.
 */
export function toCytoscape(graph: ExportGraph) {
  return {
    format_version: '1.0',
    generated_by: 'restricted-graph',
    target_cytoscapejs_version: '~3.0',
    data: { name: 'restricted-graph' },
    elements: {
      nodes: graph.nodes.map((node) => ({
        data: {
          ...node.properties,
          id: node.id,
          type: node.type,
          labels: node.labels,
          name: String(node.properties.name ?? node.properties.title ?? node.id),
        },
      })),
      edges: graph.relationships.map((rel) => ({
        data: {
          ...rel.properties,
          id: `${rel.type}:${rel.id}`,
          relationshipId: rel.id,
          source: rel.from,
          target: rel.to,
          interaction: rel.type,
        },
      })),
    },
  };
}

export function* writeCytoscape(graph: ExportGraph): Generator<string> {
  yield `${JSON.stringify(toCytoscape(graph), null, 1)}\n`;
}
