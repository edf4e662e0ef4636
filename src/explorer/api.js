/**
 * The explorer's only way to the data: POST /graphql with the public contract in schema/*.graphql.
 * Each function returns plain data or throws an Error whose message can be shown to the user as it is.
 */

const SOURCE = 'url title publisher date evidence';
const STEP = `from { id name } relation to { id name } percent validFrom validTo note evidence sources { ${SOURCE} }`;

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
  const data = await graphql(
    `
      query Search($query: String!, $first: Int) {
        search(query: $query, first: $first) {
          edges {
            score
            matchedName
            node {
              id
              name
              kind
              country
            }
          }
        }
      }
    `,
    { query: text, first },
  );
  return data.search.edges;
}

export async function fetchEntity(id) {
  const data = await graphql(
    `query Entity($id: ID!) {
      entity(id: $id) { id name kind aliases country description identifiers { scheme value } sources { ${SOURCE} } }
    }`,
    { id },
  );
  return data.entity;
}

export async function fetchNeighborhood(id, asOf, depth = 1) {
  const data = await graphql(
    `
      query Neighborhood($id: ID!, $asOf: Date, $depth: Int) {
        neighborhood(id: $id, asOf: $asOf, depth: $depth) {
          truncated
          nodes {
            id
            name
            kind
            restricted
          }
          edges {
            id
            source
            target
            type
            label
            percent
            validFrom
            validTo
            evidence
          }
        }
      }
    `,
    { id, asOf, depth },
  );
  return data.neighborhood;
}

export async function explainRestrictions(id, asOf) {
  const data = await graphql(
    `query Explain($id: ID!, $asOf: Date) {
      explainRestrictions(id: $id, asOf: $asOf) {
        asOf
        restricted
        entity { id name kind }
        restrictions {
          measure { id name kind effectiveFrom effectiveTo }
          list { id name }
          designation { id listedOn effectiveFrom sources { ${SOURCE} } }
          listedEntity { id name }
          instruments { id name citation signedOn effectiveOn url }
          basis
          effectivePercent
          rule
          evidence
          path { steps { ${STEP} } }
          sources { ${SOURCE} }
        }
        notApplied {
          measure { id name }
          list { id name }
          listedEntity { id name }
          reason
          explanation
          path { steps { ${STEP} } }
        }
      }
    }`,
    { id, asOf },
  );
  return data.explainRestrictions;
}

export async function fetchBrands(id, kind, asOf) {
  if (kind === 'BRAND') {
    const data = await graphql(
      `query Origins($id: ID!, $asOf: Date) {
        brandOrigins(id: $id, asOf: $asOf) {
          entity { id name kind } relation evidence restricted path { steps { ${STEP} } } sources { ${SOURCE} }
        }
      }`,
      { id, asOf },
    );
    return { kind: 'origins', items: data.brandOrigins };
  }
  const data = await graphql(
    `query Brands($id: ID!, $asOf: Date) {
      brandsLinkedTo(id: $id, asOf: $asOf) {
        brand { id name } relation evidence path { steps { ${STEP} } } sources { ${SOURCE} }
      }
    }`,
    { id, asOf },
  );
  return { kind: 'links', items: data.brandsLinkedTo };
}

export async function fetchOwnershipChain(id, direction, asOf) {
  const data = await graphql(
    `query Chain($id: ID!, $direction: OwnershipDirection, $asOf: Date) {
      ownershipChain(id: $id, direction: $direction, asOf: $asOf) {
        direction
        cyclesFound
        ultimateOwners { id name kind }
        paths { effectivePercent end { id name kind } steps { ${STEP} } }
      }
    }`,
    { id, direction, asOf },
  );
  return data.ownershipChain;
}
