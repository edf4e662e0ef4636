import type { Database } from '../db/database.js';
import type { GraphNode } from '../db/nodes.js';
import { intParam } from '../db/records.js';
import { REACH, REACH_FOR_VERDICT } from '../db/queries/restriction.cypher.js';
import { toSteps, type RawPath } from './path-steps.js';
import type { CategoryEntry, Designation, Measure, NodeSummary, ProductTie, ReachData } from './types.js';

/** The most paths one explanation considers; a dense neighbourhood is cut here rather than exhausting memory. */
const PATH_LIMIT = 2000;

interface DesignationRow {
  partyId: string;
  designation: Record<string, unknown>;
  listId: string;
  instrumentId: string | null;
}

interface TieRow {
  entityId: string;
  tie: Record<string, unknown>;
  categoryId: string;
  originCondition: string | null;
  exceptions: string[];
  entry: Record<string, unknown>;
  listId: string;
  instrumentId: string | null;
}

interface MeasureRow {
  listId: string;
  measure: Record<string, unknown>;
  instrumentIds: string[];
  suspensions: Measure['suspensions'];
}

/** A row of REACH: one of its parts. */
interface ReachPart {
  reached?: { entityId: string; paths: RawPath[] };
  designation?: DesignationRow;
  tie?: TieRow;
  measure?: MeasureRow;
  node?: GraphNode;
}

/** What the reach is read for: a report names every node on its paths; a verdict needs none of them. */
export type ReachDetail = 'report' | 'verdict';

/**
 * Reads the paths, listings, measures and nodes that explain each entity's restrictions: one query however many
 * entities are asked about (a graph view marks every node it draws). One ReachData per id, in order; an id that
 * names no entity, or reaches no designated party, gets no paths. For a verdict the nodes between an entity and
 * the listed party are not read (REACH_FOR_VERDICT), so the texts describing its paths show their ids. `onNodes`
 * is given every node read, whole, so a request's node cache need not ask for them again.
 */
export async function loadReach(
  db: Database,
  entityIds: readonly string[],
  depth: number,
  onNodes?: (nodes: GraphNode[]) => void,
  detail: ReachDetail = 'report',
): Promise<ReachData[]> {
  const query = (detail === 'report' ? REACH : REACH_FOR_VERDICT)[depth];
  if (!query) throw new RangeError(`depth must be 0..${REACH.length - 1}`);
  const parts = await db.read<{ part: ReachPart }>(query, {
    ids: [...new Set(entityIds)],
    limit: intParam(PATH_LIMIT),
  });
  const pick = <K extends keyof ReachPart>(key: K) =>
    parts.flatMap(({ part }) => (part[key] ? [part[key] as NonNullable<ReachPart[K]>] : []));
  const reached = pick('reached');
  const designations = pick('designation');
  const ties = pick('tie');
  const measures = pick('measure');
  const nodes = pick('node');
  onNodes?.(nodes);
  const summaries = new Map(nodes.map((node) => [node.id, summaryOf(node)]));
  const pathsOf = new Map(
    reached.map((entity) => [
      entity.entityId,
      entity.paths.map((raw) => ({
        listedId: raw.nodeIds[raw.nodeIds.length - 1] ?? entity.entityId,
        steps: toSteps(raw),
      })),
    ]),
  );
  const allDesignations = designations.map(toDesignation);
  const allTies = ties.map(toTie);
  const allMeasures = measures.map((measure) =>
    toMeasure(measure.listId, measure.measure, measure.instrumentIds, measure.suspensions),
  );
  return entityIds.map((entityId) => {
    const paths = pathsOf.get(entityId) ?? [];
    const listed = new Set(paths.map((path) => path.listedId));
    const own = allDesignations.filter((designation) => listed.has(designation.partyId));
    const ownTies = allTies.filter((tie) => tie.tie.from === entityId);
    const lists = new Set([...own, ...ownTies.map((tie) => tie.entry)].map((entry) => entry.listId));
    return {
      entityId,
      paths,
      designations: own,
      measures: allMeasures.filter((measure) => lists.has(measure.listId)),
      productTies: unique(ownTies.map((tie) => tie.tie)),
      categoryEntries: unique(ownTies.map((tie) => tie.entry)),
      nodes: summaries,
    };
  });
}

/** What an explanation says of a node: its name (or a source's title), kinds and, for sources, grade and origin. */
function summaryOf(node: GraphNode): NodeSummary {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    id: node.id,
    name: text(node.name) ?? text(node.title) ?? '',
    labels: node.labels,
    evidence: (node.evidence as NodeSummary['evidence']) ?? null,
    title: text(node.title),
    publisher: text(node.publisher),
    citation: text(node.citation),
  };
}

function toDesignation(row: DesignationRow): Designation {
  return {
    id: String(row.designation.id),
    partyId: row.partyId,
    listId: row.listId,
    listedOn: String(row.designation.listedOn),
    effectiveFrom: (row.designation.effectiveFrom as string | undefined) ?? null,
    removedOn: (row.designation.removedOn as string | undefined) ?? null,
    instrumentId: row.instrumentId,
    sources: (row.designation.sources as string[] | undefined) ?? [],
  };
}

function toMeasure(
  listId: string,
  props: Record<string, unknown>,
  instrumentIds: string[],
  suspensions: Measure['suspensions'],
): Measure {
  const num = (value: unknown) => (typeof value === 'number' ? value : null);
  return {
    id: String(props.id),
    name: String(props.name),
    listId,
    effectiveFrom: String(props.effectiveFrom),
    effectiveTo: (props.effectiveTo as string | undefined) ?? null,
    reachRule: props.reachRule as Measure['reachRule'],
    reachMinPercent: num(props.reachMinPercent),
    reachSubsidiaryMinPercent: num(props.reachSubsidiaryMinPercent),
    reachAffiliateMinPercent: num(props.reachAffiliateMinPercent),
    reachText: String(props.reachText ?? ''),
    reachSources: (props.reachSources as string[] | undefined) ?? [],
    coversProducts: props.coversProducts === true,
    extendsOnly: props.extendsOnly === true,
    designationDelayDays: num(props.designationDelayDays),
    instrumentIds,
    suspensions,
    sources: (props.sources as string[] | undefined) ?? [],
  };
}

const unique = <T extends { id: string }>(items: T[]) => [
  ...new Map(items.map((item) => [item.id, item])).values(),
];

function toTie(row: TieRow): { tie: ProductTie; entry: CategoryEntry } {
  const entityId = row.entityId;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    tie: {
      id: String(row.tie.id ?? `${entityId}>${row.categoryId}`),
      from: entityId,
      categoryId: row.categoryId,
      validFrom: text(row.tie.validFrom),
      validTo: text(row.tie.validTo),
      note: text(row.tie.note),
      sources: (row.tie.sources as string[] | undefined) ?? [],
    },
    entry: {
      id: String(row.entry.id),
      categoryId: row.categoryId,
      listId: row.listId,
      listedOn: String(row.entry.listedOn),
      removedOn: text(row.entry.removedOn),
      instrumentId: row.instrumentId,
      originCondition: row.originCondition,
      exceptions: row.exceptions,
      sources: (row.entry.sources as string[] | undefined) ?? [],
    },
  };
}
