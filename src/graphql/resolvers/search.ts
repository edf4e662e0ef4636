import { matchNames, type NameMatch } from '../../search/search-entities.js';
import { badInput } from '../errors.js';
import { paginate } from '../connection.js';
import type { Context } from '../context.js';
import { today } from '../scalars.js';
import { explain } from './restriction.js';

const LABEL_OF_KIND: Record<string, string> = {
  COMPANY: 'Company',
  PERSON: 'Person',
  GOVERNMENT_BODY: 'GovernmentBody',
  BRAND: 'Brand',
};
const MAX_QUERY_LENGTH = 500;
const MAX_SCREEN_NAMES = 500;
/** Search shows looser matches than screening does; below this a candidate is noise. */
const SEARCH_MIN_SCORE = 0.6;

interface SearchArgs {
  query: string;
  kinds?: string[] | null;
  first?: number | null;
  after?: string | null;
}

function checkText(argument: string, text: string): void {
  if (text.length > MAX_QUERY_LENGTH)
    throw badInput(argument, `must be at most ${MAX_QUERY_LENGTH} characters`);
}

export const searchResolvers = {
  Query: {
    search: async (_: unknown, args: SearchArgs, context: Context) => {
      checkText('query', args.query);
      const labels = args.kinds?.map((kind) => LABEL_OF_KIND[kind] ?? kind) ?? null;
      const [matches = []] = await matchNames(context.db, [args.query], {
        labels,
        limit: 200,
        minScore: SEARCH_MIN_SCORE,
      });
      return paginate(matches, args, { fallback: 20, max: 100 });
    },
    screen: async (_: unknown, args: { names: string[]; asOf?: string | null }, context: Context) => {
      if (args.names.length > MAX_SCREEN_NAMES)
        throw badInput('names', `at most ${MAX_SCREEN_NAMES} names per request`);
      args.names.forEach((name, index) => checkText(`names[${index}]`, name));
      const asOf = args.asOf ?? today();
      const all = await matchNames(context.db, args.names, {
        limit: 20,
        minScore: context.settings.screenThreshold,
      });
      return args.names.map((input, index) => ({
        input,
        matches: (all[index] ?? []).map((match) => ({ match, asOf })),
      }));
    },
  },
  EntityEdge: {
    node: (edge: NameMatch, _: unknown, context: Context) => context.loaders.node.load(edge.id),
  },
  ScreeningMatch: {
    entity: ({ match }: { match: NameMatch }, _: unknown, context: Context) =>
      context.loaders.node.load(match.id),
    score: ({ match }: { match: NameMatch }) => match.score,
    matchedName: ({ match }: { match: NameMatch }) => match.matchedName,
    restricted: async ({ match, asOf }: { match: NameMatch; asOf: string }, _: unknown, context: Context) =>
      (await explain(context, { id: match.id, asOf })).restrictions.length > 0,
    restrictions: async ({ match, asOf }: { match: NameMatch; asOf: string }, _: unknown, context: Context) =>
      (await explain(context, { id: match.id, asOf })).restrictions,
  },
};
