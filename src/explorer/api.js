// @ts-check
/**
 * The explorer's only way to the data: POST /graphql with the public contract in schema/*.graphql.
 * Each function returns plain data or throws an Error whose message can be shown to the user as it is.
 */

import {
  BRAND_ORIGINS,
  BRANDS_LINKED_TO,
  ENTITY,
  EXPLAIN,
  NEIGHBORHOOD,
  OWNERSHIP_CHAIN,
  SEARCH,
  VOCABULARY,
} from '../operations/operations.js';

/**
 * @import { Operation } from '../operations/operations.js'
 * @import { BrandLink, BrandOrigin, EntityKind, OwnershipDirection } from '../operations/answers.js'
 */

/**
 * What the Brands panel shows: the brands behind a party, or the parties behind a brand.
 *
 * @typedef {{ kind: 'links', items: BrandLink[] } | { kind: 'origins', items: BrandOrigin[] }} BrandsAnswer
 */

export class ApiError extends Error {
  /**
   * @param {string} message
   * @param {string | undefined} code
   */
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

/**
 * One GraphQL request; GraphQL errors and network failures both become an ApiError with a readable message.
 *
 * @template Result, Variables
 * @param {Operation<Result, Variables>} query
 * @param {Variables} variables
 * @returns {Promise<Result>}
 */
export async function graphql(query, variables) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('The service cannot be reached. Is it running?', 'NETWORK');
  }
  /** @type {{ data?: Result, errors?: { message: string, extensions?: { code?: string } }[] }} */
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The service answered HTTP ${response.status} without JSON.`, 'HTTP');
  }
  const [error] = body.errors ?? [];
  if (error) throw new ApiError(error.message, error.extensions?.code);
  if (!body.data) throw new ApiError(`The service answered HTTP ${response.status} without data.`, 'HTTP');
  return body.data;
}

/** @param {string} text */
export async function searchEntities(text, first = 8) {
  return (await graphql(SEARCH, { query: text, first })).search.edges;
}

/** @param {string} id */
export async function fetchEntity(id) {
  return (await graphql(ENTITY, { id })).entity;
}

/**
 * @param {string} id
 * @param {string} asOf
 */
export async function fetchNeighborhood(id, asOf, depth = 1) {
  return (await graphql(NEIGHBORHOOD, { id, asOf, depth })).neighborhood;
}

/**
 * @param {string} id
 * @param {string} asOf
 */
export async function explainRestrictions(id, asOf) {
  return (await graphql(EXPLAIN, { id, asOf })).explainRestrictions;
}

/**
 * @param {string} id
 * @param {EntityKind} kind
 * @param {string} asOf
 * @returns {Promise<BrandsAnswer>}
 */
export async function fetchBrands(id, kind, asOf) {
  if (kind === 'BRAND') {
    return { kind: 'origins', items: (await graphql(BRAND_ORIGINS, { id, asOf })).brandOrigins };
  }
  return { kind: 'links', items: (await graphql(BRANDS_LINKED_TO, { id, asOf })).brandsLinkedTo };
}

/**
 * @param {string} id
 * @param {OwnershipDirection} direction
 * @param {string} asOf
 */
export async function fetchOwnershipChain(id, direction, asOf) {
  return (await graphql(OWNERSHIP_CHAIN, { id, direction, asOf })).ownershipChain;
}

export async function fetchVocabulary() {
  return (await graphql(VOCABULARY, {})).vocabulary;
}
