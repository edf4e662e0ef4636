import { compareReports, type RestrictionChanges } from '../../restrictions/restriction-changes.js';
import type { Context } from '../context.js';
import { badInput } from '../errors.js';
import { explain, requireEntity } from './restriction.js';

const MAX_IDS = 100;

interface RestrictionChangesArgs {
  ids: string[];
  from: string;
  to: string;
}

/** Restrictions gained and lost between two dates: the same evaluation on each date, compared. */
export const restrictionChangeResolvers = {
  Query: {
    restrictionChanges: async (_: unknown, { ids, from, to }: RestrictionChangesArgs, context: Context) => {
      if (ids.length > MAX_IDS) throw badInput('ids', `at most ${MAX_IDS} ids per request`);
      if (from > to) throw badInput('from', `is after to (${to})`);
      await Promise.all(ids.map((id) => requireEntity(context, id)));
      return Promise.all(
        ids.map(async (id) =>
          compareReports(
            await explain(context, { id, asOf: from }),
            await explain(context, { id, asOf: to }),
          ),
        ),
      );
    },
  },
  RestrictionChanges: {
    entity: (changes: RestrictionChanges, _: unknown, context: Context) =>
      context.loaders.node.load(changes.entityId),
  },
};
