import type { Database } from '../db/database.js';
import { intParam } from '../db/records.js';
import {
  DESIGNATIONS_OF_PARTIES,
  MEASURES_OF_LISTS,
  NODE_SUMMARIES,
  PRODUCT_TIES,
  REACH_PATHS,
} from '../db/queries/restriction.cypher.js';
import { toSteps, type RawPath } from './path-steps.js';
import type { CategoryEntry, Designation, Measure, NodeSummary, ProductTie, ReachData } from './types.js';

/** The most paths one explanation considers; a dense neighbourhood is cut here rather than exhausting memory. */
const PATH_LIMIT = 2000;

/**
 * Reads the paths, listings, measures and names that explain each entity's restrictions: four queries however
 * many entities are asked about (a graph view marks every node it draws). One ReachData per id, in order; an id
 * that reaches no designated party gets no paths.
 */
export async function loadReach(
  db: Database,
  entityIds: readonly string[],
  depth: number,
): Promise<ReachData[]> {
  const query = REACH_PATHS[depth];
  if (!query) throw new RangeError(`depth must be 0..${REACH_PATHS.length - 1}`);
  const rawPaths = await db.read<RawPath & { entityId: string }>(query, {
    ids: [...new Set(entityIds)],
    limit: intParam(PATH_LIMIT),
  });
  const pathsOf = new Map<string, ReachData['paths']>(entityIds.map((id) => [id, []]));
  for (const raw of rawPaths) {
    pathsOf.get(raw.entityId)?.push({
      listedId: raw.nodeIds[raw.nodeIds.length - 1] ?? raw.entityId,
      steps: toSteps(raw),
    });
  }
  const partyIds = [...new Set([...pathsOf.values()].flat().map((path) => path.listedId))];
  const designationRows = await db.read<{
    partyId: string;
    designation: Record<string, unknown>;
    listId: string;
    instrumentId: string | null;
  }>(DESIGNATIONS_OF_PARTIES, { partyIds });
  const designations: Designation[] = designationRows.map((row) => ({
    id: String(row.designation.id),
    partyId: row.partyId,
    listId: row.listId,
    listedOn: String(row.designation.listedOn),
    effectiveFrom: (row.designation.effectiveFrom as string | undefined) ?? null,
    removedOn: (row.designation.removedOn as string | undefined) ?? null,
    instrumentId: row.instrumentId,
    sources: (row.designation.sources as string[] | undefined) ?? [],
  }));
  const ties = await loadProductTies(db, entityIds);
  const listIds = [
    ...new Set([
      ...designations.map((designation) => designation.listId),
      ...ties.map((tie) => tie.entry.listId),
    ]),
  ];
  const measureRows = await db.read<{
    listId: string;
    measure: Record<string, unknown>;
    instrumentIds: string[];
    suspensions: Measure['suspensions'];
  }>(MEASURES_OF_LISTS, { listIds });
  const measures = measureRows.map((row) =>
    toMeasure(row.listId, row.measure, row.instrumentIds, row.suspensions),
  );

  const ids = new Set<string>([...entityIds, ...partyIds, ...listIds]);
  for (const paths of pathsOf.values())
    for (const path of paths)
      for (const step of path.steps) [step.from, step.to, ...step.sources].forEach((id) => ids.add(id));
  for (const designation of [...designations, ...ties.map((tie) => tie.entry)])
    [designation.instrumentId, ...designation.sources].forEach((id) => id && ids.add(id));
  for (const { tie } of ties) [tie.categoryId, ...tie.sources].forEach((id) => ids.add(id));
  for (const measure of measures)
    [
      ...measure.instrumentIds,
      ...measure.suspensions.map((suspension) => suspension.instrumentId),
      ...measure.reachSources,
      ...measure.sources,
    ].forEach((id) => ids.add(id));
  const summaries = await db.read<NodeSummary>(NODE_SUMMARIES, { ids: [...ids] });
  const nodes = new Map(summaries.map((node) => [node.id, node]));

  return entityIds.map((entityId) => {
    const paths = pathsOf.get(entityId) ?? [];
    const listed = new Set(paths.map((path) => path.listedId));
    const own = designations.filter((designation) => listed.has(designation.partyId));
    const ownTies = ties.filter((tie) => tie.entityId === entityId);
    const lists = new Set(
      [...own, ...ownTies.map((tie) => tie.entry)].map((designation) => designation.listId),
    );
    return {
      entityId,
      paths,
      designations: own,
      measures: measures.filter((measure) => lists.has(measure.listId)),
      productTies: unique(ownTies.map((tie) => tie.tie)),
      categoryEntries: unique(ownTies.map((tie) => tie.entry)),
      nodes,
    };
  });
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

async function loadProductTies(
  db: Database,
  entityIds: readonly string[],
): Promise<{ entityId: string; tie: ProductTie; entry: CategoryEntry }[]> {
  const rows = await db.read<{
    entityId: string;
    tie: Record<string, unknown>;
    categoryId: string;
    originCondition: string | null;
    exceptions: string[];
    entry: Record<string, unknown>;
    listId: string;
    instrumentId: string | null;
  }>(PRODUCT_TIES, { ids: [...new Set(entityIds)] });
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return rows.map((row) => ({
    entityId: row.entityId,
    tie: {
      id: String(row.tie.id ?? `${row.entityId}>${row.categoryId}`),
      from: row.entityId,
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
  }));
}
