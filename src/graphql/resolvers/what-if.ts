import { today } from '../../model/period.js';
import { TooManyToConsiderError, whatIf, type WhatIfChange } from '../../restrictions/what-if.js';
import { idArgument } from '../arguments.js';
import type { Context } from '../context.js';
import { badInput } from '../errors.js';
import { assumptionsArgument, type AssumptionInput } from '../what-if-input.js';

/** The depth explainRestrictions uses by default. */
const WHAT_IF_DEPTH = 6;

interface WhatIfArgs {
  assume: AssumptionInput[];
  asOf?: string | null;
  ids?: string[] | null;
}

/** "What if": the same explanations as explainRestrictions, with and without assumed facts. */
export const whatIfResolvers = {
  Query: {
    whatIf: async (_: unknown, args: WhatIfArgs, context: Context) => {
      const assumptions = await assumptionsArgument(context, args.assume);
      const ids = args.ids?.map((id, index) => idArgument(`ids[${index}]`, id));
      const outcome = await whatIf(context.db, {
        assumptions,
        asOf: args.asOf ?? today(),
        depth: WHAT_IF_DEPTH,
        ...(ids ? { ids } : {}),
      }).catch((error: unknown) => {
        throw error instanceof TooManyToConsiderError ? badInput('ids', error.message) : error;
      });
      // The explanations name assumed listings, which exist only in the rolled-back rehearsal.
      for (const node of outcome.assumedNodes) context.loaders.node.prime(node.id, node);
      for (const node of outcome.assumedNodes)
        context.loaders.relations.prime(
          node.id,
          outcome.assumedRelations.filter((relation) => relation.nodeId === node.id),
        );
      return outcome;
    },
  },
  WhatIfChange: {
    entity: (change: WhatIfChange, _: unknown, context: Context) =>
      context.loaders.node.load(change.entityId),
  },
};
