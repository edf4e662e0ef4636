// @ts-check
import { fetchVocabulary } from './api.js';

/** @import { BrandRelation, GraphNodeKind, KindWords } from '../operations/answers.js' */

/**
 * The API's names for kinds and brand relations (Query.vocabulary), fetched once when the page starts, so the
 * explorer shows the server's words and holds no table of its own. Until they arrive, a value shows as itself.
 */
/** @type {Map<GraphNodeKind, KindWords>} */
const kinds = new Map();
/** @type {Map<BrandRelation, string>} */
const brandRelations = new Map();

export async function loadVocabulary() {
  const vocabulary = await fetchVocabulary();
  for (const words of vocabulary.kinds) kinds.set(words.kind, words);
  for (const words of vocabulary.brandRelations) brandRelations.set(words.relation, words.label);
}

/**
 * A kind as the API words it ("Government body"); the kind itself until the words have arrived.
 *
 * @param {GraphNodeKind} kind
 * @returns {string}
 */
export function kindText(kind) {
  return kinds.get(kind)?.label ?? kind;
}

/**
 * Parties and brands: the kinds the explorer can focus on (lists, measures and instruments are only shown).
 *
 * @param {GraphNodeKind} kind
 * @returns {boolean}
 */
export function isEntityKind(kind) {
  return kinds.get(kind)?.entity ?? false;
}

/**
 * @param {BrandRelation} relation
 * @returns {string}
 */
export function brandRelationText(relation) {
  return brandRelations.get(relation) ?? relation;
}
