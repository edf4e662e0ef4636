import type { Api } from './api.js';
import { EXIT, type CommandContext } from './command.js';
import { renderCandidates } from './format/candidates.js';
import type { EntitySummary } from '../operations/answers.js';
import { resolveEntity, type Choice } from './resolve-entity.js';

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
  return choice.kind === 'match' ? choice.candidate.entity : refuse(choice, context, text, json);
}

/**
 * Like entityOrExit, but a name that is exactly the name of entities of different kinds (the brand "Lorex" and
 * the company Lorex) answers for each of them: the user asked about the name, and both readings are answers.
 */
export async function entitiesOrExit(
  api: Api,
  context: CommandContext,
  text: string,
  json: boolean | undefined,
): Promise<EntitySummary[] | number> {
  const choice = await resolveEntity(api, text);
  if (choice.kind === 'match') return [choice.candidate.entity];
  if (choice.kind === 'ambiguous' && choice.exact) {
    const kinds = new Set(choice.candidates.map((candidate) => candidate.entity.kind));
    if (kinds.size === choice.candidates.length)
      return choice.candidates.map((candidate) => candidate.entity);
  }
  return refuse(choice, context, text, json);
}

// Private: the message and exit code for a name that found no entity, or several of the same kind.
function refuse(
  choice: Exclude<Choice, { kind: 'match' }>,
  context: CommandContext,
  text: string,
  json: boolean | undefined,
): number {
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
