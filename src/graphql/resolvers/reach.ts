import { reachOfMeasure, type ReachedEntity } from '../../restrictions/reach-of-measure.js';
import { idArgument } from '../arguments.js';
import { paginate } from '../connection.js';
import type { Context } from '../context.js';
import { notFound } from '../errors.js';
import { today } from '../../model/period.js';

/** The depth explainRestrictions uses by default. */
const REACH_DEPTH = 6;

interface ReachArgs {
  measureId: string;
  asOf?: string | null;
  first?: number | null;
  after?: string | null;
}

/** Who a measure reaches: from the designated parties down, explained like explainRestrictions. */
export const reachResolvers = {
  Query: {
    reach: async (_: unknown, args: ReachArgs, context: Context) => {
      const measureId = idArgument('measureId', args.measureId);
      const reached = await reachOfMeasure(context.db, {
        measureId,
        asOf: args.asOf ?? today(),
        depth: REACH_DEPTH,
      });
      if (!reached) throw notFound('measure', measureId);
      return { ...paginate(reached, args, { fallback: 50, max: 100 }), measureId };
    },
  },
  ReachEdge: {
    node: (edge: ReachedEntity, _: unknown, context: Context) => context.loaders.node.load(edge.entityId),
  },
};
