import { readGraphCounts } from '../../db/graph-counts.js';
import type { Context } from '../context.js';
import { DateScalar, DateTimeScalar } from '../scalars.js';
import { curationResolvers } from './curation.js';
import { entityResolvers } from './entity.js';
import { legalResolvers } from './legal.js';
import { listResolvers } from './lists.js';
import { nodeResolvers } from './node.js';
import { restrictionChangeResolvers } from './restriction-changes.js';
import { reachResolvers } from './reach.js';
import { restrictionResolvers } from './restriction.js';
import { searchResolvers } from './search.js';
import { viewResolvers } from './views.js';
import { vocabularyResolvers } from './vocabulary.js';
import { whatIfResolvers } from './what-if.js';

type ResolverMap = Record<string, Record<string, unknown>>;

/** Merges the per-concept resolver maps (each file contributes Query fields and its own types). */
export function mergeResolvers(...maps: ResolverMap[]): ResolverMap {
  const merged: ResolverMap = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) merged[type] = { ...merged[type], ...fields };
  }
  return merged;
}

const baseResolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: {
    stats: (_: unknown, __: unknown, context: Context) => readGraphCounts(context.db),
  },
} as unknown as ResolverMap;

export const resolvers = mergeResolvers(
  baseResolvers,
  entityResolvers,
  legalResolvers,
  restrictionResolvers,
  restrictionChangeResolvers,
  listResolvers,
  nodeResolvers,
  reachResolvers,
  searchResolvers,
  viewResolvers,
  curationResolvers,
  vocabularyResolvers,
  whatIfResolvers,
);
