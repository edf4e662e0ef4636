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

export class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

/** One GraphQL request; GraphQL errors and network failures both become an ApiError with a readable message. */
export async function graphql(query, variables = {}) {
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
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The service answered HTTP ${response.status} without JSON.`, 'HTTP');
  }
  const [error] = body.errors ?? [];
  if (error) throw new ApiError(error.message, error.extensions?.code);
  return body.data;
}

export async function searchEntities(text, first = 8) {
  return (await graphql(SEARCH, { query: text, first })).search.edges;
}

export async function fetchEntity(id) {
  return (await graphql(ENTITY, { id })).entity;
}

export async function fetchNeighborhood(id, asOf, depth = 1) {
  return (await graphql(NEIGHBORHOOD, { id, asOf, depth })).neighborhood;
}

export async function explainRestrictions(id, asOf) {
  return (await graphql(EXPLAIN, { id, asOf })).explainRestrictions;
}

export async function fetchBrands(id, kind, asOf) {
  if (kind === 'BRAND') {
    return { kind: 'origins', items: (await graphql(BRAND_ORIGINS, { id, asOf })).brandOrigins };
  }
  return { kind: 'links', items: (await graphql(BRANDS_LINKED_TO, { id, asOf })).brandsLinkedTo };
}

export async function fetchOwnershipChain(id, direction, asOf) {
  return (await graphql(OWNERSHIP_CHAIN, { id, direction, asOf })).ownershipChain;
}

export async function fetchVocabulary() {
  return (await graphql(VOCABULARY)).vocabulary;
}
