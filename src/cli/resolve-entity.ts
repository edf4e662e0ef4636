import { loadConfig } from '../config.js';
import { normalizeName } from '../names/normalize-name.js';
import type { Api } from './api.js';
import type { Candidate } from './format/candidates.js';
import { ENTITY, SEARCH } from '../operations/operations.js';

/** A name or alias that scores this close to the best one is "about as good" and makes the choice ambiguous. */
export const AMBIGUITY_MARGIN = 0.03;

export type Choice =
  | { kind: 'match'; candidate: Candidate; exact: boolean }
  | { kind: 'ambiguous'; candidates: Candidate[]; exact: boolean }
  | { kind: 'none'; nearMisses: Candidate[] };

/**
 * Finds the one entity a user means by an id, a name or an alias: an id wins, then the one exact name or alias
 * match, then a clear best search hit; when several entities match about equally well the caller gets them all
 * (and should list them rather than guess).
 */
export async function resolveEntity(
  api: Api,
  text: string,
  minScore = loadConfig().screenThreshold,
): Promise<Choice> {
  const looksLikeId = /^[\w.:-]{1,200}$/.test(text);
  const { entity } = looksLikeId ? await api.request(ENTITY, { id: text }) : { entity: null };
  if (entity) return { kind: 'match', candidate: { entity, score: 1, matchedName: entity.id }, exact: true };
  const { search } = await api.request(SEARCH, { query: text, first: 10 });
  const candidates = search.edges.map((edge) => ({
    entity: edge.node,
    score: edge.score,
    matchedName: edge.matchedName,
  }));
  // Below the screening threshold a hit is a guess: report it as a near miss, never act on it.
  const choice = chooseCandidate(
    text,
    candidates.filter((candidate) => candidate.score >= minScore),
  );
  return choice.kind === 'none' ? { kind: 'none', nearMisses: candidates.slice(0, 3) } : choice;
}

/**
 * The choice among ranked candidates for one input: the one entity whose name or an alias equals the input
 * (after normalisation), else the best candidate if no other scores within AMBIGUITY_MARGIN of it. Several exact
 * matches, or several near-equal ones, are ambiguous. Shared by `screen`.
 */
export function chooseCandidate(text: string, candidates: Candidate[]): Choice {
  if (candidates.length === 0) return { kind: 'none', nearMisses: [] };
  const wanted = normalizeName(text);
  const exact = candidates.filter((candidate) =>
    [candidate.entity.name, ...candidate.entity.aliases].some((name) => normalizeName(name) === wanted),
  );
  if (exact.length === 1) return { kind: 'match', candidate: exact[0]!, exact: true };
  if (exact.length > 1) return { kind: 'ambiguous', candidates: exact, exact: true };
  const ranked = [...candidates].sort((a, b) => b.score - a.score);
  const best = ranked[0]!;
  const close = ranked.filter((candidate) => best.score - candidate.score < AMBIGUITY_MARGIN);
  return close.length === 1
    ? { kind: 'match', candidate: best, exact: false }
    : { kind: 'ambiguous', candidates: close, exact: false };
}
