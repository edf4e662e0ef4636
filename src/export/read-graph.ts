import type { Database } from '../db/database.js';
import { ALL_RELATIONSHIP_TYPES, NODE_TYPES } from '../model/model.js';
import { DERIVED_PROPERTIES } from '../records/write-records.js';
import { EXPORT_NODES, EXPORT_RELATIONSHIPS } from './export.cypher.js';

export interface ExportNode {
  id: string;
  /** The node's model type (Company, Designation, Source, ...). */
  type: string;
  labels: string[];
  properties: Record<string, unknown>;
}

export interface ExportRelationship {
  id: string;
  type: string;
  from: string;
  to: string;
  properties: Record<string, unknown>;
}

export interface ExportGraph {
  nodes: ExportNode[];
  relationships: ExportRelationship[];
}

/** The whole live graph as plain values (dates as ISO strings), in a stable order. */
export async function readGraphForExport(db: Database): Promise<ExportGraph> {
  const types = Object.keys(NODE_TYPES);
  const [nodes, relationships] = await Promise.all([
    db.read<{ nodeLabels: string[]; values: Record<string, unknown> }>(EXPORT_NODES),
    db.read<ExportRelationship & { properties: Record<string, unknown> }>(EXPORT_RELATIONSHIPS, {
      types: ALL_RELATIONSHIP_TYPES,
    }),
  ]);
  return {
    nodes: nodes.map(({ nodeLabels, values }) => ({
      id: String(values.id),
      type: nodeLabels.find((label) => types.includes(label)) ?? 'Node',
      labels: nodeLabels.filter((label) => label !== 'Node'),
      properties: withoutDerived(values),
    })),
    relationships: relationships.map((rel) => ({
      ...rel,
      id: String(rel.properties.id ?? `${rel.from}-${rel.type}-${rel.to}`),
      properties: withoutDerived(rel.properties),
    })),
  };
}

function withoutDerived(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).filter(([key]) => !DERIVED_PROPERTIES.has(key)));
}
