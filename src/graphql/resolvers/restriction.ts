import type { GraphNode } from '../../db/nodes.js';
import { EVIDENCE_GRADES, type Evidence } from '../../model/model.js';
import type {
  AppliedRestriction,
  PathStep,
  ProductRestriction,
  ProductTie,
  RestrictionReport,
  UnappliedRestriction,
} from '../../restrictions/types.js';
import { depthArgument, idArgument } from '../arguments.js';
import type { Context } from '../context.js';
import { notFound } from '../errors.js';
import { sourcesOf } from '../related.js';
import { today } from '../../model/period.js';
import { entityKind } from './entity.js';

interface ExplainArgs {
  id: string;
  asOf?: string | null;
  maxDepth?: number | null;
  minEvidence?: Evidence | null;
}

/** Loads an entity or fails with NOT_FOUND, so every query about an entity answers the same way. */
export async function requireEntity(context: Context, id: string): Promise<GraphNode> {
  const node = await context.loaders.node.load(idArgument('id', id));
  if (!node || !entityKind(node)) throw notFound('company, person, government body or brand', id);
  return node;
}

export async function explain(context: Context, args: ExplainArgs): Promise<RestrictionReport> {
  const depth = depthArgument(args.maxDepth);
  const id = idArgument('id', args.id);
  const report = await context.loaders.report.load({
    id,
    asOf: args.asOf ?? today(),
    depth,
    minEvidence: args.minEvidence ?? undefined,
  });
  // Asked after the report, whose query has put the entity in the node cache: one round trip, not two.
  await requireEntity(context, id);
  return report;
}

/** Whether a restriction applies to the entity on the day, along paths of the default depth: a mark, not a report. */
export const isRestrictedOn = (context: Context, id: string, asOf: string): Promise<boolean> =>
  context.loaders.restricted.load({ id, asOf, depth: depthArgument(undefined) });

const load = (context: Context, id: string) => context.loaders.node.load(id);
const loadAll = async (context: Context, ids: string[]) =>
  (await context.loaders.node.loadMany(ids)).filter((node) => node && !(node instanceof Error));

/** Fields shared by applied and unapplied restrictions. */
const common = {
  measure: (r: AppliedRestriction | UnappliedRestriction, _: unknown, c: Context) => load(c, r.measure.id),
  list: (r: AppliedRestriction | UnappliedRestriction, _: unknown, c: Context) =>
    load(c, r.designation.listId),
  designation: (r: AppliedRestriction | UnappliedRestriction, _: unknown, c: Context) =>
    load(c, r.designation.id),
  listedEntity: (r: AppliedRestriction | UnappliedRestriction, _: unknown, c: Context) => load(c, r.listedId),
  path: (r: AppliedRestriction | UnappliedRestriction) => ({ steps: r.steps }),
};

export const restrictionResolvers = {
  Query: {
    explainRestrictions: (_: unknown, args: ExplainArgs, context: Context) => explain(context, args),
  },
  RestrictionReport: {
    entity: (report: RestrictionReport, _: unknown, c: Context) => load(c, report.entityId),
    restricted: (report: RestrictionReport) => report.restrictions.length > 0,
    designations: (report: RestrictionReport, _: unknown, c: Context) => loadAll(c, report.designationIds),
  },
  ProductRestriction: {
    entry: (r: ProductRestriction, _: unknown, c: Context) => load(c, r.entry.id),
    category: (r: ProductRestriction, _: unknown, c: Context) => load(c, r.entry.categoryId),
    list: (r: ProductRestriction, _: unknown, c: Context) => load(c, r.entry.listId),
    measures: (r: ProductRestriction, _: unknown, c: Context) => loadAll(c, r.measureIds),
    sources: (r: ProductRestriction, _: unknown, c: Context) => sourcesOf(c, r),
  },
  ProductTie: {
    entity: (tie: ProductTie, _: unknown, c: Context) => load(c, tie.from),
    category: (tie: ProductTie, _: unknown, c: Context) => load(c, tie.categoryId),
    sources: (tie: ProductTie, _: unknown, c: Context) => sourcesOf(c, tie),
  },
  Restriction: {
    ...common,
    instruments: (r: AppliedRestriction, _: unknown, c: Context) => loadAll(c, r.instrumentIds),
    sources: (r: AppliedRestriction, _: unknown, c: Context) => sourcesOf(c, r),
  },
  UnappliedRestriction: common,
  PathStep: {
    from: (step: PathStep, _: unknown, c: Context) => load(c, step.from),
    to: (step: PathStep, _: unknown, c: Context) => load(c, step.to),
    sources: (step: PathStep, _: unknown, c: Context) => sourcesOf(c, step),
    evidence: async (step: PathStep, _: unknown, c: Context) => {
      const grades = (await sourcesOf(c, step)).map((source) =>
        EVIDENCE_GRADES.indexOf(source.evidence as Evidence),
      );
      return EVIDENCE_GRADES[Math.min(...grades, EVIDENCE_GRADES.length - 1)];
    },
  },
};
