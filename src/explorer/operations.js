/**
 * The GraphQL operations that the project's own clients send: the explorer (in the browser, which is why this is
 * a plain module served from here) and the CLI (src/cli/operations.ts adds the answers' types). They use only the
 * public contract in schema/*.graphql, so anything either client shows can be fetched the same way over HTTP.
 */

const SOURCE = 'url title publisher date evidence';
const STEP = `from { id name } relation type label reverseLabel to { id name } percent validFrom validTo note evidence sources { ${SOURCE} }`;

export const SEARCH = `query Search($query: String!, $first: Int) {
  search(query: $query, first: $first) {
    totalCount
    edges { score matchedName node { id name kind aliases country } }
  }
}`;

export const ENTITY = `query Entity($id: ID!) {
  entity(id: $id) {
    id name kind aliases country description identifiers { scheme value } sources { ${SOURCE} }
  }
}`;

export const NEIGHBORHOOD = `query Neighborhood($id: ID!, $asOf: Date, $depth: Int) {
  neighborhood(id: $id, asOf: $asOf, depth: $depth) {
    truncated
    nodes { id name kind restricted }
    edges { id source target type label pointsUp percent validFrom validTo evidence }
  }
}`;

export const EXPLAIN = `query Explain($id: ID!, $asOf: Date) {
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
    listedWithoutMeasure { id listedOn list { id name } }
    coverage { list { id name } complete asOf entries note }
  }
}`;

export const BRANDS_LINKED_TO = `query Brands($id: ID!, $asOf: Date) {
  brandsLinkedTo(id: $id, asOf: $asOf) {
    brand { id name } relation evidence path { steps { ${STEP} } } sources { ${SOURCE} }
  }
}`;

export const BRAND_ORIGINS = `query BrandOrigins($id: ID!, $asOf: Date) {
  brandOrigins(id: $id, asOf: $asOf) {
    entity { id name kind } relation evidence restricted path { steps { ${STEP} } } sources { ${SOURCE} }
  }
}`;

export const OWNERSHIP_CHAIN = `query Chain($id: ID!, $direction: OwnershipDirection, $asOf: Date) {
  ownershipChain(id: $id, direction: $direction, asOf: $asOf) {
    root { id name }
    direction
    cyclesFound
    ultimateOwners { id name kind }
    paths { effectivePercent end { id name kind } steps { ${STEP} } }
  }
}`;

export const SCREEN_ENTRIES = `query ScreenEntries($entries: [ScreeningInput!]!, $asOf: Date) {
  screenEntries(entries: $entries, asOf: $asOf) {
    input
    verdict
    incompleteLists { id name }
    matches {
      score
      matchedName
      needsReview
      restricted
      explanation { summary }
      entity { id name kind aliases }
      restrictions { basis measure { id name } list { id name } listedEntity { id name } sources { ${SOURCE} } }
    }
  }
}`;

export const VOCABULARY = `query Vocabulary {
  vocabulary {
    kinds { kind label entity }
    brandRelations { relation label }
  }
}`;
