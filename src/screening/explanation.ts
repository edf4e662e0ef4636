import type { MatchMethodName } from '../model/model.js';
import type { MatchMethod as ScoreMethod } from '../search/match-score.js';
import type { CandidateNode, NameMatch } from '../search/search-entities.js';
import type { ScreeningEntry } from './screening-input.js';

/** Why an entity matched an entry, feature by feature (GraphQL MatchExplanation). */
export interface MatchExplanation {
  summary: string;
  matchedName: string;
  matchedAlias: boolean;
  derivedForm: string | null;
  method: MatchMethodName;
  tokens: { token: string; matched: string | null; similarity: number; weight: number }[];
  conversion: string | null;
  identifier: string | null;
  country: { given: string; entity: string | null; agrees: boolean | null } | null;
  contributions: { feature: string; points: number; description: string }[];
}

const METHODS: Record<ScoreMethod, MatchExplanation['method']> = {
  'same name': 'SAME_NAME',
  tokens: 'TOKENS',
  spelling: 'SPELLING',
  'chinese characters': 'CHINESE_CHARACTERS',
};

const DERIVED: Record<string, string> = {
  'short name': 'the short name in brackets',
  'former name': 'the former name',
  'name without brackets': 'the name without its brackets',
  pinyin: 'the pinyin',
};

export function explainMatch(match: {
  entry: ScreeningEntry;
  node: CandidateNode;
  name: NameMatch | undefined;
  identifier: string | null;
  countryPenalty: number;
}): MatchExplanation {
  const { entry, node, name, identifier, countryPenalty } = match;
  const best = name?.best;
  const matchedName = best?.form.name ?? node.name;
  const derivedForm = best?.form.via ? `${DERIVED[best.form.via]} "${best.form.text}"` : null;
  const conversion = best?.form.via === 'pinyin' ? `pinyin of ${best.form.name}` : (name?.conversion ?? null);
  const country = entry.country
    ? {
        given: entry.country,
        entity: node.country ?? null,
        agrees: node.country ? node.country === entry.country : null,
      }
    : null;
  const contributions = identifier
    ? [{ feature: 'identifier', points: 1, description: `the entity holds the identifier ${identifier}` }]
    : nameContributions(name);
  if (countryPenalty > 0 && country) {
    contributions.push({
      feature: 'country',
      points: -countryPenalty,
      description: `the input says ${country.given}, the entity is in ${country.entity}`,
    });
  }
  return {
    summary: summary({ entry, matchedName, derivedForm, conversion, identifier, country, name }),
    matchedName,
    matchedAlias: matchedName !== node.name,
    derivedForm,
    method: identifier ? 'IDENTIFIER' : METHODS[best?.method ?? 'tokens'],
    tokens: (best?.tokens ?? []).map(({ query, ...token }) => ({ token: query, ...token })),
    conversion,
    identifier,
    country,
    contributions,
  };
}

/** The name score split into what the query found, what of the name it covered, and the generic-words cut. */
function nameContributions(name: NameMatch | undefined): MatchExplanation['contributions'] {
  const best = name?.best;
  if (!best) return [];
  const points = (value: number) => Math.round(value * 1000) / 1000;
  if (best.method !== 'tokens') {
    const description = {
      'same name': 'the same words as the matched name, in any order, legal forms aside',
      spelling: 'spelled nearly like the matched name (edit distance over the whole name)',
      'chinese characters':
        best.score === 1
          ? 'the same Chinese characters as the matched name'
          : 'the Chinese characters found within the matched name, or the matched name within them',
    }[best.method];
    return [{ feature: best.method, points: best.score, description }];
  }
  const found = 0.75 * best.queryCoverage;
  const covered = 0.25 * best.nameCoverage;
  const parts = [
    {
      feature: 'input found in name',
      points: points(found),
      description: `${percent(best.queryCoverage)} of the input's weight is found in the name (counts 75 %)`,
    },
    {
      feature: 'name found in input',
      points: points(covered),
      description: `${percent(best.nameCoverage)} of the name's weight is found in the input (counts 25 %)`,
    },
  ];
  if (best.distinctiveness < 1) {
    parts.push({
      feature: 'only generic words',
      points: points(best.score - found - covered),
      description: `the words in common are generic (descriptive words, places), so the score keeps ${percent(best.distinctiveness)}`,
    });
  }
  return parts;
}

function summary(parts: {
  entry: ScreeningEntry;
  matchedName: string;
  derivedForm: string | null;
  conversion: string | null;
  identifier: string | null;
  country: MatchExplanation['country'];
  name: NameMatch | undefined;
}): string {
  const { matchedName, derivedForm, conversion, identifier, country, name } = parts;
  const sentences: string[] = [];
  if (identifier)
    sentences.push(`Identifier ${identifier} is held by this entity; an identifier match is decisive.`);
  if (name) {
    const via = derivedForm ? ` (${derivedForm})` : '';
    const how = conversion ? `, using ${conversion}` : '';
    const tokens = name.best.tokens
      .filter((token) => token.matched !== null)
      .map((token) =>
        token.matched === token.query
          ? `"${token.query}" (weight ${token.weight.toFixed(2)})`
          : `"${token.query}" as "${token.matched}" (weight ${token.weight.toFixed(2)})`,
      );
    const words = tokens.length > 0 ? ` on ${tokens.join(', ')}` : '';
    sentences.push(`Matched "${matchedName}"${via}${how}${words}: name score ${name.score.toFixed(2)}.`);
  }
  if (country?.agrees === false)
    sentences.push(`The input's country ${country.given} contradicts the entity's ${country.entity}.`);
  if (country?.agrees === true) sentences.push(`The country ${country.given} agrees.`);
  return sentences.join(' ');
}

const percent = (value: number) => `${Math.round(value * 100)} %`;
