import type { Database } from '../db/database.js';
import { intParam } from '../db/records.js';
import { DESIGNATION_EDGES, NEIGHBOUR_ENTITIES, RELATIONS_AMONG } from '../db/queries/neighborhood.cypher.js';
import { findNodes, findSourceGrades, type GraphNode } from '../db/nodes.js';
import type { Evidence } from '../model/model.js';
import { edgeLabel, pointsUp, type EdgeType } from '../model/vocabulary.js';
import { bestGrade } from '../restrictions/evidence.js';

export interface ViewEdge {
  id: string;
  source: string;
  target: string;
  type: EdgeType;
  label: string;
  /** The edge runs from the part to the whole (subsidiary to parent, brand to owner, party to list). */
  pointsUp: boolean;
  percent: number | null;
  validFrom: string | null;
  validTo: string | null;
  evidence: Evidence | null;
}

export interface GraphViewData {
  nodes: GraphNode[];
  edges: ViewEdge[];
  truncated: boolean;
}

/** The neighbourhood of a node, ready to draw: entities, the lists they are on, and the lists' instruments. */
export async function neighborhood(
  db: Database,
  query: { id: string; depth: number; limit: number; asOf: string | null },
): Promise<GraphViewData> {
  const rows = await db.read<{ id: string }>(NEIGHBOUR_ENTITIES[query.depth] ?? '', {
    id: query.id,
    asOf: query.asOf,
    limit: intParam(query.limit + 1),
  });
  const truncated = rows.length > query.limit;
  const entityIds = rows.slice(0, query.limit).map((row) => row.id);
  const params = { ids: entityIds, asOf: query.asOf, id: query.id };
  type RawEdge = Omit<ViewEdge, 'label' | 'pointsUp' | 'evidence'> & { sources: string[] | null };
  const [relations, designations] = await Promise.all([
    db.read<RawEdge>(RELATIONS_AMONG, params),
    db.read<RawEdge>(DESIGNATION_EDGES, params),
  ]);
  const raw = [...relations, ...designations];
  const nodeIds = new Set([query.id, ...entityIds, ...raw.flatMap((edge) => [edge.source, edge.target])]);
  const [nodes, grades] = await Promise.all([
    findNodes(db, [...nodeIds]),
    findSourceGrades(
      db,
      raw.flatMap((edge) => edge.sources ?? []),
    ),
  ]);
  const edges = raw.map(({ sources, ...edge }) => ({
    ...edge,
    label: edgeLabel(edge.type, edge),
    pointsUp: pointsUp(edge.type),
    evidence: sources && sources.length > 0 ? bestGrade(sources, (id) => grades.get(id)) : null,
  }));
  return { nodes, edges, truncated };
}
