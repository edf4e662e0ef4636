import { loadConfig } from '../config.js';
import { normalizeName } from '../search/normalize-name.js';
import type { Api } from './api.js';
import { EXIT, type CommandContext } from './command.js';
import { renderCandidates } from './format/candidates.js';
import { ENTITY, SEARCH } from '../operations/operations.js';
import type { EntitySummary } from '../operations/answers.js';

/** A name or alias that scores this close to the best one is "about as good" and makes the choice ambiguous. */
export const AMBIGUITY_MARGIN = 0.03;

export interface Candidate {
  entity: EntitySummary;
  score: number;
  matchedName: string;
}

export type Choice =
  | { kind: 'match'; candidate: Candidate; exact: boolean }
  | { kind: 'ambiguous'; candidates: Candidate[] }
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
 * Resolves the entity a command is about, or tells the user why it cannot: nothing matched (EXIT.NOT_FOUND) or
 * several entities match about equally well (EXIT.AMBIGUOUS, with the candidates listed, as JSON under --json).
 */
export async function entityOrExit(
  api: Api,
  context: CommandContext,
  text: string,
  json: boolean | undefined,
): Promise<EntitySummary | number> {
  const choice = await resolveEntity(api, text);
  if (choice.kind === 'match') return choice.candidate.entity;
  if (choice.kind === 'none') {
    const closest = choice.nearMisses.map(
      (miss) => `${miss.entity.name} (${miss.entity.id}, ${miss.score.toFixed(2)})`,
    );
    if (json)
      context.out(
        JSON.stringify({ error: 'NOT_FOUND', input: text, nearMisses: choice.nearMisses }, null, 2),
      );
    context.err(
      `No entity matches "${text}" well enough.` +
        (closest.length ? ` Closest: ${closest.join('; ')}.` : ` Try \`search ${text}\` with fewer words.`),
    );
    return EXIT.NOT_FOUND;
  }
  if (json) {
    context.out(JSON.stringify({ error: 'AMBIGUOUS', input: text, candidates: choice.candidates }, null, 2));
  } else context.out(renderCandidates(text, choice.candidates));
  return EXIT.AMBIGUOUS;
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
  if (exact.length > 1) return { kind: 'ambiguous', candidates: exact };
  const ranked = [...candidates].sort((a, b) => b.score - a.score);
  const best = ranked[0]!;
  const close = ranked.filter((candidate) => best.score - candidate.score < AMBIGUITY_MARGIN);
  return close.length === 1
    ? { kind: 'match', candidate: best, exact: false }
    : { kind: 'ambiguous', candidates: close };
}
