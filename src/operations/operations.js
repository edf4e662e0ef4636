// @ts-check
/**
 * The GraphQL operations that the project's own clients send: the explorer (in the browser, which is why this is
 * a plain ES module that the service serves as it is) and the CLI. They use only the public contract in
 * schema/*.graphql, so anything either client shows can be fetched the same way over HTTP. The types of their
 * answers and variables are generated from the schema and these documents (`npm run codegen` writes
 * operations.generated.ts; `npm run check` fails when it is stale).
 */

/** @import * as Generated from './operations.generated.js' */

/**
 * A GraphQL document as it is sent, carrying the generated types of its answer and of its variables.
 *
 * @template Result, Variables
 * @typedef {string & { readonly ' result'?: Result; readonly ' variables'?: Variables }} Operation
 */

/**
 * An operation's text followed by the fragments it uses.
 *
 * @template Result, Variables
 * @param {string} text
 * @param {string[]} fragments
 * @returns {Operation<Result, Variables>}
 */
function operation(text, fragments = []) {
  return /** @type {Operation<Result, Variables>} */ ([text, ...fragments].join(''));
}

const SOURCE_FIELDS = /* GraphQL */ `
  fragment SourceFields on Source {
    url
    title
    publisher
    date
    evidence
  }
`;

const STEP_FIELDS = /* GraphQL */ `
  fragment StepFields on PathStep {
    from {
      id
      name
    }
    relation
    type
    label
    reverseLabel
    to {
      id
      name
    }
    percent
    validFrom
    validTo
    note
    evidence
    sources {
      ...SourceFields
    }
  }
`;

/** @type {Operation<Generated.SearchQuery, Generated.SearchQueryVariables>} */
export const SEARCH = operation(/* GraphQL */ `
  query Search($query: String!, $first: Int) {
    search(query: $query, first: $first) {
      totalCount
      edges {
        score
        matchedName
        weak
        node {
          id
          name
          kind
          aliases
          country
        }
      }
    }
  }
`);

/** @type {Operation<Generated.EntityQuery, Generated.EntityQueryVariables>} */
export const ENTITY = operation(
  /* GraphQL */ `
    query Entity($id: ID!) {
      entity(id: $id) {
        id
        name
        kind
        aliases
        country
        description
        identifiers {
          scheme
          value
        }
        sources {
          ...SourceFields
        }
      }
    }
  `,
  [SOURCE_FIELDS],
);

/** @type {Operation<Generated.NeighborhoodQuery, Generated.NeighborhoodQueryVariables>} */
export const NEIGHBORHOOD = operation(/* GraphQL */ `
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
        pointsUp
        percent
        validFrom
        validTo
        evidence
      }
    }
  }
`);

/** @type {Operation<Generated.ExplainQuery, Generated.ExplainQueryVariables>} */
export const EXPLAIN = operation(
  /* GraphQL */ `
    query Explain($id: ID!, $asOf: Date) {
      explainRestrictions(id: $id, asOf: $asOf) {
        asOf
        restricted
        entity {
          id
          name
          kind
        }
        restrictions {
          measure {
            id
            name
            kind
            effectiveFrom
            effectiveTo
          }
          list {
            id
            name
          }
          designation {
            id
            listedOn
            effectiveFrom
            sources {
              ...SourceFields
            }
          }
          listedEntity {
            id
            name
          }
          instruments {
            id
            name
            citation
            signedOn
            effectiveOn
            url
          }
          basis
          effectivePercent
          rule
          evidence
          path {
            steps {
              ...StepFields
            }
          }
          sources {
            ...SourceFields
          }
        }
        notApplied {
          measure {
            id
            name
          }
          list {
            id
            name
          }
          listedEntity {
            id
            name
          }
          reason
          explanation
          path {
            steps {
              ...StepFields
            }
          }
        }
        listedWithoutMeasure {
          id
          listedOn
          list {
            id
            name
          }
        }
        coverage {
          list {
            id
            name
          }
          complete
          asOf
          entries
          note
        }
      }
    }
  `,
  [STEP_FIELDS, SOURCE_FIELDS],
);

/** @type {Operation<Generated.BrandsQuery, Generated.BrandsQueryVariables>} */
export const BRANDS_LINKED_TO = operation(
  /* GraphQL */ `
    query Brands($id: ID!, $asOf: Date) {
      brandsLinkedTo(id: $id, asOf: $asOf) {
        brand {
          id
          name
        }
        relation
        evidence
        restricted
        path {
          steps {
            ...StepFields
          }
        }
        sources {
          ...SourceFields
        }
      }
    }
  `,
  [STEP_FIELDS, SOURCE_FIELDS],
);

/** @type {Operation<Generated.BrandOriginsQuery, Generated.BrandOriginsQueryVariables>} */
export const BRAND_ORIGINS = operation(
  /* GraphQL */ `
    query BrandOrigins($id: ID!, $asOf: Date) {
      brandOrigins(id: $id, asOf: $asOf) {
        entity {
          id
          name
          kind
        }
        relation
        evidence
        restricted
        path {
          steps {
            ...StepFields
          }
        }
        sources {
          ...SourceFields
        }
      }
    }
  `,
  [STEP_FIELDS, SOURCE_FIELDS],
);

/** @type {Operation<Generated.ChainQuery, Generated.ChainQueryVariables>} */
export const OWNERSHIP_CHAIN = operation(
  /* GraphQL */ `
    query Chain($id: ID!, $direction: OwnershipDirection, $asOf: Date) {
      ownershipChain(id: $id, direction: $direction, asOf: $asOf) {
        root {
          id
          name
        }
        direction
        cyclesFound
        ultimateOwners {
          id
          name
          kind
        }
        paths {
          effectivePercent
          end {
            id
            name
            kind
          }
          steps {
            ...StepFields
          }
        }
      }
    }
  `,
  [STEP_FIELDS, SOURCE_FIELDS],
);

/** @type {Operation<Generated.ScreenEntriesQuery, Generated.ScreenEntriesQueryVariables>} */
export const SCREEN_ENTRIES = operation(
  /* GraphQL */ `
    query ScreenEntries($entries: [ScreeningInput!]!, $asOf: Date) {
      screenEntries(entries: $entries, asOf: $asOf) {
        input
        verdict
        incompleteLists {
          id
          name
        }
        matches {
          score
          matchedName
          needsReview
          restricted
          explanation {
            summary
          }
          entity {
            id
            name
            kind
            aliases
            country
          }
          restrictions {
            basis
            measure {
              id
              name
            }
            list {
              id
              name
            }
            listedEntity {
              id
              name
            }
            sources {
              ...SourceFields
            }
          }
        }
      }
    }
  `,
  [SOURCE_FIELDS],
);

/**
 * The explorer's screening page (src/explorer/screen-page.js): screenEntries without the sources, which the graph
 * view shows on demand; a batch of 50 rows is about a tenth of SCREEN_ENTRIES's answer (60 KB instead of 570 KB).
 *
 * @type {Operation<Generated.ScreeningReportQuery, Generated.ScreeningReportQueryVariables>}
 */
export const SCREENING_REPORT = operation(/* GraphQL */ `
  query ScreeningReport($entries: [ScreeningInput!]!, $asOf: Date) {
    screenEntries(entries: $entries, asOf: $asOf) {
      input
      verdict
      incompleteLists {
        id
        name
      }
      matches {
        score
        matchedName
        needsReview
        restricted
        explanation {
          summary
          method
          identifier
        }
        entity {
          id
          name
          kind
          country
        }
        restrictions {
          basis
          measure {
            id
            name
          }
          list {
            id
            name
          }
          listedEntity {
            id
            name
          }
        }
      }
    }
  }
`);

/** @type {Operation<Generated.VocabularyQuery, Generated.VocabularyQueryVariables>} */
export const VOCABULARY = operation(/* GraphQL */ `
  query Vocabulary {
    vocabulary {
      kinds {
        kind
        label
        entity
      }
      brandRelations {
        relation
        label
      }
      identifierSchemes
    }
  }
`);

// The explorer's timeline (src/explorer/timeline-panel.js): an entity's listings and relations with their dates,
// and the measures that reach it (explained on today, so every listing, suspension and path it has is named).

const TIMELINE_RELATION = /* GraphQL */ `
  fragment TimelineRelation on Relation {
    id
    type
    label
    percent
    validFrom
    validTo
    entity {
      id
      name
    }
  }
`;

const TIMELINE_REACH = /* GraphQL */ `
  fragment TimelineMeasure on Measure {
    id
    name
    effectiveFrom
    effectiveTo
    suspensions {
      from
      to
      instrument {
        id
        name
      }
    }
  }
  fragment TimelineDesignation on Designation {
    id
    listedOn
    effectiveFrom
    removedOn
    list {
      id
      name
    }
  }
  fragment TimelineStep on PathStep {
    from {
      id
      name
    }
    to {
      id
      name
    }
    type
    label
    percent
    validFrom
    validTo
  }
`;

/** @type {Operation<Generated.TimelineQuery, Generated.TimelineQueryVariables>} */
export const TIMELINE = operation(
  /* GraphQL */ `
    query Timeline($id: ID!) {
      entity(id: $id) {
        id
        name
        designations {
          ...TimelineDesignation
          instrument {
            id
            name
          }
        }
        owners {
          ...TimelineRelation
        }
        subsidiaries {
          ...TimelineRelation
        }
        affiliates {
          ...TimelineRelation
        }
        brands {
          ...TimelineRelation
        }
        brandOwners {
          ...TimelineRelation
        }
        oemMakers {
          ...TimelineRelation
        }
        oemBrands {
          ...TimelineRelation
        }
      }
      explainRestrictions(id: $id) {
        asOf
        restrictions {
          measure {
            ...TimelineMeasure
          }
          designation {
            ...TimelineDesignation
          }
          listedEntity {
            id
            name
          }
          path {
            steps {
              ...TimelineStep
            }
          }
        }
        notApplied {
          reason
          measure {
            ...TimelineMeasure
          }
          designation {
            ...TimelineDesignation
          }
          listedEntity {
            id
            name
          }
          path {
            steps {
              ...TimelineStep
            }
          }
        }
      }
    }
  `,
  [TIMELINE_RELATION, TIMELINE_REACH],
);

/** @type {Operation<Generated.WhatChangedQuery, Generated.WhatChangedQueryVariables>} */
export const WHAT_CHANGED = operation(/* GraphQL */ `
  query WhatChanged($id: ID!, $from: Date!, $to: Date!, $lists: [ID!]!, $first: Int) {
    restrictionChanges(ids: [$id], from: $from, to: $to) {
      from
      to
      gained {
        ...RestrictionChangeFields
      }
      lost {
        ...RestrictionChangeFields
      }
    }
    listingChanges(since: $from, until: $to, lists: $lists, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          id
          kind
          on
          fields
          party {
            id
            name
          }
          list {
            id
            name
          }
        }
      }
    }
  }
  fragment RestrictionChangeFields on RestrictionChange {
    cause
    explanation
    restriction {
      basis
      measure {
        id
        name
      }
      list {
        id
        name
      }
      listedEntity {
        id
        name
      }
    }
  }
`);
