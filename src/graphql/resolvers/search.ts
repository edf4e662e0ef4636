import { findIncompleteLists } from '../../lists/coverage.js';
import { screenEntries, type EntryMatch } from '../../screening/screen-entries.js';
import {
  InvalidScreeningInput,
  parseEntries,
  type ScreeningEntry,
  type ScreeningInput,
} from '../../screening/screening-input.js';
import { screeningVerdict } from '../../screening/verdict.js';
import { typeOfKind, type EntityKind } from '../../model/vocabulary.js';
import { matchNames, type NameMatch } from '../../search/search-entities.js';
import { LIMITS } from '../../model/values.js';
import { badInput } from '../errors.js';
import { paginate } from '../connection.js';
import type { Context } from '../context.js';
import { today } from '../../model/period.js';
import { explain, isRestrictedOn } from './restriction.js';

const MAX_SCREEN_NAMES = 500;
/** Search shows looser matches than screening does; below this a candidate is noise. */
const SEARCH_MIN_SCORE = 0.6;

interface SearchArgs {
  query: string;
  kinds?: EntityKind[] | null;
  first?: number | null;
  after?: string | null;
}

function checkText(argument: string, text: string): void {
  if (text.length > LIMITS.line) throw badInput(argument, `must be at most ${LIMITS.line} characters`);
}

export const searchResolvers = {
  Query: {
    search: async (_: unknown, args: SearchArgs, context: Context) => {
      checkText('query', args.query);
      const labels = args.kinds?.map((kind) => typeOfKind(kind)) ?? null;
      const [matches = []] = await matchNames(context.db, [args.query], {
        labels,
        limit: 200,
        minScore: SEARCH_MIN_SCORE,
        loose: true,
      });
      return paginate(matches, args, { fallback: 20, max: 100 });
    },
    screen: (_: unknown, args: { names: string[]; asOf?: string | null }, context: Context) => {
      if (args.names.length > MAX_SCREEN_NAMES)
        throw badInput('names', `at most ${MAX_SCREEN_NAMES} names per request`);
      args.names.forEach((name, index) => checkText(`names[${index}]`, name));
      // Unlike screenEntries, an empty name is screened (and matches nothing), as it always was.
      const entries = args.names.map((name) => ({
        name: name.trim() || null,
        country: null,
        identifiers: [],
      }));
      return screenResults(context, entries, args.names, args.asOf);
    },
    screenEntries: (
      _: unknown,
      args: { entries: ScreeningInput[]; asOf?: string | null },
      context: Context,
    ) => {
      let entries: ScreeningEntry[];
      try {
        entries = parseEntries(args.entries);
      } catch (error) {
        if (error instanceof InvalidScreeningInput) throw badInput(error.argument, error.message);
        throw error;
      }
      return screenResults(context, entries, null, args.asOf);
    },
  },
  EntityEdge: {
    node: (edge: NameMatch, _: unknown, context: Context) => context.loaders.node.load(edge.id),
    weak: (edge: NameMatch, _: unknown, context: Context) =>
      edge.score < context.settings.screenReviewThreshold,
  },
  ScreeningResult: {
    verdict: async (result: ScreeningResultParent, _: unknown, context: Context) =>
      screeningVerdict(
        await Promise.all(
          result.matches.map(async (parent) => ({
            needsReview: parent.match.needsReview,
            restricted: await isRestricted(parent, context),
          })),
        ),
      ),
    incompleteLists: (_: ScreeningResultParent, __: unknown, context: Context) => incompleteLists(context),
  },
  ScreeningMatch: {
    entity: ({ match }: MatchParent, _: unknown, context: Context) => context.loaders.node.load(match.id),
    score: ({ match }: MatchParent) => match.score,
    matchedName: ({ match }: MatchParent) => match.matchedName,
    needsReview: ({ match }: MatchParent) => match.needsReview,
    explanation: ({ match }: MatchParent) => match.explanation,
    restricted: (parent: MatchParent, _: unknown, context: Context) => isRestricted(parent, context),
    restrictions: async ({ match, asOf }: MatchParent, _: unknown, context: Context) =>
      (await explain(context, { id: match.id, asOf })).restrictions,
  },
};

interface MatchParent {
  match: EntryMatch;
  asOf: string;
}

interface ScreeningResultParent {
  input: string;
  matches: MatchParent[];
}

async function screenResults(
  context: Context,
  entries: ScreeningEntry[],
  inputs: readonly string[] | null,
  asOf: string | null | undefined,
): Promise<ScreeningResultParent[]> {
  const day = asOf ?? today();
  const results = await screenEntries(context.db, entries, {
    match: context.settings.screenThreshold,
    review: context.settings.screenReviewThreshold,
  });
  return results.map((result, index) => ({
    input: inputs?.[index] ?? result.input,
    matches: result.matches.map((match) => ({ match, asOf: day })),
  }));
}

const isRestricted = ({ match, asOf }: MatchParent, context: Context) =>
  isRestrictedOn(context, match.id, asOf);

const incompleteListsOf = new WeakMap<Context, Promise<unknown[]>>();

/** The request's incomplete lists, read once however many results ask. */
function incompleteLists(context: Context): Promise<unknown[]> {
  let lists = incompleteListsOf.get(context);
  if (!lists) {
    // Whether a list is complete does not depend on the day; the day only counts its entries.
    lists = findIncompleteLists(context.db, today()).then((ids) => loadNodes(context, ids));
    incompleteListsOf.set(context, lists);
  }
  return lists;
}

async function loadNodes(context: Context, ids: string[]) {
  const nodes = await context.loaders.node.loadMany(ids);
  return nodes.filter((node) => node && !(node instanceof Error));
}
