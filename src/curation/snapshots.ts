import { DERIVED_PROPERTIES } from '../records/write-records.js';

/** A node as the curation queries return it (the columns avoid the names toPlain reads as a node). */
export interface NodeRow {
  nodeLabels: string[];
  values: Record<string, unknown>;
}

export interface RelationshipRow {
  type: string;
  from: string;
  to: string;
  values: Record<string, unknown>;
}

/** What a change record keeps of a node: its labels and properties (less those the writer derives). */
export function nodeSnapshot(row: NodeRow) {
  const properties = Object.fromEntries(
    Object.entries(row.values).filter(([key]) => !DERIVED_PROPERTIES.has(key)),
  );
  return { labels: row.nodeLabels.filter((label) => label !== 'Node'), properties };
}

export function relationshipSnapshot(row: RelationshipRow) {
  return { type: row.type, from: row.from, to: row.to, properties: row.values };
}
