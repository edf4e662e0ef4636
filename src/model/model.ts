/**
 * The data model, described once. Seed validation, the importer, the database constraints, the GraphQL enums
 * that mirror it (test/unit/graphql-enums.test.ts checks each one) and the README's diagram all read this
 * module; vocabulary.ts adds the words for it (how restrictions travel along each relationship type, how people
 * read it, the kinds the API names). Nothing else lists labels or relationship types.
 *
 * Conventions:
 * - Every node has a stable, human-readable `id` (a slug) unique across all labels, and cites its sources in
 *   `sources` (ids of Source nodes). Every relationship does too.
 * - Dates are calendar dates (ISO `YYYY-MM-DD`, stored as Neo4j DATE). A period runs from `validFrom`
 *   (inclusive) to `validTo` (exclusive: the first day on which it no longer holds). A missing bound is open.
 */

export const EVIDENCE_GRADES = ['PRIMARY', 'SECONDARY', 'REFERENCE', 'COMMUNITY'] as const;
export type Evidence = (typeof EVIDENCE_GRADES)[number];

export const INSTRUMENT_KINDS = [
  'STATUTE',
  'STATUTE_SECTION',
  'EXECUTIVE_ORDER',
  'REGULATION',
  'FEDERAL_REGISTER_RULE',
  'AGENCY_ORDER',
  'GUIDANCE',
] as const;

export const MEASURE_KINDS = [
  'INVESTMENT_PROHIBITION',
  'PROCUREMENT_BAN',
  'CONTRACTOR_USE_BAN',
  'EXPORT_LICENCE_REQUIREMENT',
  'EQUIPMENT_AUTHORIZATION_BAN',
  'DOD_CONTRACTING_BAN',
  'GRANT_AND_LOAN_BAN',
  'BLOCKING',
] as const;

/**
 * How far a measure reaches beyond the party named on its list.
 * - NAMED_ONLY: the listed party alone (the Entity List before 2025; NS-CMIC per OFAC FAQ 857).
 * - SUBSIDIARIES_AND_AFFILIATES: the listed party and its subsidiaries and affiliates (§889, FCC Covered List),
 *   with percentage thresholds where the law gives them.
 * - OWNERSHIP_THRESHOLD: parties owned at least `reachMinPercent`, directly or indirectly, individually or in
 *   aggregate, by listed parties (the 2025 BIS affiliates rule, the OFAC 50 percent rule).
 * - CONTROL: parties subject to the control of a listed party (NDAA FY2024 §805).
 */
export const REACH_RULES = [
  'NAMED_ONLY',
  'SUBSIDIARIES_AND_AFFILIATES',
  'OWNERSHIP_THRESHOLD',
  'CONTROL',
] as const;

/** Sources `sync` downloads: the trade.gov Consolidated Screening List, or any FollowTheMoney JSON-lines file. */
export const SYNC_FEEDS = ['csl', 'ftm'] as const;
export type SyncFeed = (typeof SYNC_FEEDS)[number];

/**
 * What a sync saw happen to one listing between two snapshots of a source: a row that appeared, one that
 * disappeared (the designation ends on the snapshot's date) or one whose fields changed.
 */
export const LISTING_CHANGE_KINDS = ['ADDED', 'REMOVED', 'CHANGED'] as const;
export type ListingChangeKind = (typeof LISTING_CHANGE_KINDS)[number];

/** Why a restriction was gained or lost between two dates (GraphQL RestrictionChangeCause). */
export const RESTRICTION_CHANGE_CAUSES = [
  'LISTED',
  'REMOVED_FROM_LIST',
  'MEASURE_TOOK_EFFECT',
  'MEASURE_ENDED',
  'SUSPENDED',
  'SUSPENSION_ENDED',
  'RELATION_STARTED',
  'RELATION_ENDED',
  'OWNERSHIP_CHANGED',
  'NO_LONGER_REACHED',
  'NEWLY_REACHED',
] as const;
export type RestrictionChangeCause = (typeof RESTRICTION_CHANGE_CAUSES)[number];

/** The verdict on one screened input (GraphQL ScreeningVerdict). */
export const SCREENING_VERDICTS = ['RESTRICTED', 'POSSIBLE_MATCH', 'NOT_RESTRICTED', 'NO_MATCH'] as const;
export type ScreeningVerdict = (typeof SCREENING_VERDICTS)[number];

/** How a screened input met an entity (GraphQL MatchMethod). */
export const MATCH_METHODS = ['IDENTIFIER', 'SAME_NAME', 'TOKENS', 'SPELLING', 'CHINESE_CHARACTERS'] as const;
export type MatchMethodName = (typeof MATCH_METHODS)[number];

export type FieldType =
  | 'string'
  | 'text'
  | 'string[]'
  | 'date'
  | 'percent'
  | 'integer'
  | 'boolean'
  | 'url'
  | { enum: readonly string[] };

export interface FieldSpec {
  type: FieldType;
  required?: boolean;
  description: string;
}

/** A field of a node record that the importer turns into a relationship to another node. */
export interface ReferenceSpec {
  relationship: string;
  targets: readonly string[];
  required?: boolean;
  many?: boolean;
  description: string;
}

export interface NodeSpec {
  description: string;
  /** Extra labels, e.g. `Party` for everything that can own, be owned and be designated. */
  labels: readonly string[];
  fields: Record<string, FieldSpec>;
  references?: Record<string, ReferenceSpec>;
  /** Sources are the one node type that needs no source of its own. */
  cited?: false;
  /** Groups of references of which a record must give exactly one (e.g. a party or a product category). */
  exactlyOneOf?: readonly (readonly string[])[];
}

export interface RelationshipSpec {
  description: string;
  from: readonly string[];
  to: readonly string[];
  fields: Record<string, FieldSpec>;
}

const names = {
  name: { type: 'string', required: true, description: 'Name as most commonly written in English' },
  aliases: {
    type: 'string[]',
    description: 'Other names: legal names, former names, Chinese names, list spellings',
  },
} satisfies Record<string, FieldSpec>;

const party = {
  ...names,
  country: { type: 'string', description: 'ISO 3166-1 alpha-2 country code' },
  identifiers: {
    type: 'string[]',
    description:
      'Identifiers as SCHEME:value, e.g. USCC:91330000733796106P, ISIN:CNE100000PM8, SZSE:002415, LEI:...',
  },
  description: { type: 'text', description: 'One or two sentences on what the party is' },
  // Imports (FtM Address entities, CSL addresses) bring postal addresses; they stay text on the party rather
  // than nodes of their own, because nothing in the graph reasons over them and they are rarely normalised.
  addresses: {
    type: 'string[]',
    description: 'Postal addresses as the source writes them (not normalised)',
  },
} satisfies Record<string, FieldSpec>;

const period = {
  validFrom: { type: 'date', description: 'First day on which the relation holds; missing means not known' },
  validTo: {
    type: 'date',
    description: 'First day on which it no longer holds; missing means it still holds',
  },
  note: { type: 'text', description: 'Caveats, e.g. which date the source gives' },
} satisfies Record<string, FieldSpec>;

const PARTY_TYPES = ['Company', 'Person', 'GovernmentBody'] as const;

export const NODE_TYPES = {
  Company: {
    description: 'A company, including state-owned groups, holdings and investment vehicles',
    labels: ['Party', 'Entity'],
    fields: party,
  },
  Person: { description: 'A natural person', labels: ['Party', 'Entity'], fields: party },
  GovernmentBody: {
    description:
      'A government body: an owner such as SASAC, or an issuer such as BIS, OFAC, DoD, FCC or the President',
    labels: ['Party', 'Entity'],
    fields: party,
  },
  Brand: {
    description: 'A product brand or trademark',
    labels: ['Entity'],
    fields: { ...names, country: party.country, description: party.description },
  },
  LegalInstrument: {
    description:
      'A statute or statute section, executive order, regulation, Federal Register rule, agency order or guidance',
    labels: [],
    fields: {
      ...names,
      kind: {
        type: { enum: INSTRUMENT_KINDS },
        required: true,
        description: 'What sort of instrument it is',
      },
      citation: {
        type: 'string',
        required: true,
        description: 'Formal citation, e.g. "85 FR 73185" or "Pub. L. 115-232, §889"',
      },
      title: { type: 'text', description: 'Official title' },
      signedOn: { type: 'date', description: 'Signed, enacted or adopted' },
      publishedOn: { type: 'date', description: 'Published (e.g. in the Federal Register)' },
      effectiveOn: { type: 'date', description: 'Takes effect' },
      url: { type: 'url', description: 'Where the official text can be read' },
      description: party.description,
    },
    references: {
      issuedBy: {
        relationship: 'ISSUED_BY',
        targets: ['GovernmentBody'],
        description: 'Who issued or enacted it',
      },
    },
  },
  RestrictedList: {
    description: 'A list of designated parties, established by an instrument and kept by an authority',
    labels: [],
    fields: {
      ...names,
      url: { type: 'url', description: 'Official page of the list' },
      description: party.description,
      // Coverage says how much of the real list the graph holds, so an answer that finds nothing on a partial
      // list is never read as "clean". Optional because a list first met in an import has no sourced coverage.
      coverageComplete: {
        type: 'boolean',
        description: 'True only when the graph holds every entry of the edition or snapshot in coverageAsOf',
      },
      coverageAsOf: {
        type: 'date',
        description: 'Date of the edition or snapshot of the list that the graph holds',
      },
      coverageNote: {
        type: 'text',
        description: 'What a partial list holds and what is missing (or how a complete one was checked)',
      },
    },
    references: {
      coverageSource: {
        relationship: 'COVERAGE_FROM',
        targets: ['Source'],
        description: 'The edition, snapshot or page of the list that the coverage was judged against',
      },
      keptBy: {
        relationship: 'KEPT_BY',
        targets: ['GovernmentBody'],
        required: true,
        description: 'The authority that keeps it',
      },
      // Not required: lists first met in an import (e.g. a CSL source or an OpenSanctions program) come with
      // an authority but no instrument, and inventing one would be an unsourced fact.
      establishedBy: {
        relationship: 'ESTABLISHED_BY',
        targets: ['LegalInstrument'],
        description: 'The instrument that created it, where sourced',
      },
    },
  },
  Measure: {
    description: 'A legal consequence that a list carries, with its own effective period and reach rule',
    labels: [],
    fields: {
      ...names,
      kind: { type: { enum: MEASURE_KINDS }, required: true, description: 'What the measure does' },
      description: party.description,
      effectiveFrom: { type: 'date', required: true, description: 'First day on which it applies' },
      effectiveTo: { type: 'date', description: 'First day on which it no longer applies' },
      reachRule: {
        type: { enum: REACH_RULES },
        required: true,
        description: 'Which parties beyond the listed one it reaches',
      },
      reachMinPercent: {
        type: 'percent',
        description:
          'OWNERSHIP_THRESHOLD: ownership (at least this, aggregated over listed owners) that brings a party in',
      },
      reachSubsidiaryMinPercent: {
        type: 'percent',
        description:
          'SUBSIDIARIES_AND_AFFILIATES: ownership above which an owned party counts as a subsidiary',
      },
      reachAffiliateMinPercent: {
        type: 'percent',
        description:
          'SUBSIDIARIES_AND_AFFILIATES: ownership above which an owned party counts as an affiliate',
      },
      reachText: { type: 'text', required: true, description: 'The reach rule in the words of its source' },
      reachSources: { type: 'string[]', required: true, description: 'Sources of the reach rule' },
      extendsOnly: {
        type: 'boolean',
        description:
          "True when the measure only extends its list's own measures to other parties (the BIS affiliates rule), so it is not reported for the listed party itself",
      },
      coversProducts: {
        type: 'boolean',
        description:
          'The measure covers equipment produced by covered parties, so brands they make or own are reached',
      },
      designationDelayDays: {
        type: 'integer',
        description:
          'Days after a later designation before the measure applies to that party (e.g. 60 under EO 13959)',
      },
    },
    references: {
      list: {
        relationship: 'APPLIES_TO',
        targets: ['RestrictedList'],
        required: true,
        description: 'The list it attaches to',
      },
      instruments: {
        relationship: 'IMPOSED_BY',
        targets: ['LegalInstrument'],
        required: true,
        many: true,
        description: 'The instruments that impose it, from the founding one to the latest amendment',
      },
    },
  },
  // A category entry covers products by what they are and where they are made, whoever makes them; it is not a
  // party, so it stays out of every path, screening and entity listing.
  ProductCategory: {
    description:
      'A kind of product that a list entry covers by its kind and origin rather than by its maker (e.g. foreign-produced routers on the FCC Covered List)',
    labels: [],
    fields: {
      ...names,
      description: party.description,
      originCondition: {
        type: 'text',
        description:
          'Where a product must be produced to be covered, in the words of the entry (e.g. "produced in a foreign country")',
      },
      exceptions: {
        type: 'string[]',
        description: 'Products the entry excepts, each in the words of the entry',
      },
    },
  },
  Designation: {
    description:
      'One party, or one product category, on one list, with its dates and the instrument that made it',
    labels: [],
    exactlyOneOf: [['party', 'category']],
    fields: {
      nameOnList: { type: 'string', description: 'The name exactly as the list spells it' },
      listedOn: { type: 'date', required: true, description: 'Date of listing' },
      effectiveFrom: {
        type: 'date',
        description: 'First day on which the listing takes effect, when it differs',
      },
      removedOn: { type: 'date', description: 'First day on which the party is no longer listed' },
      note: period.note,
    },
    references: {
      party: {
        relationship: 'DESIGNATES',
        targets: PARTY_TYPES,
        description: 'The listed party (a category entry has a category instead)',
      },
      category: {
        relationship: 'COVERS',
        targets: ['ProductCategory'],
        description: 'The product category a category entry covers (instead of a party)',
      },
      list: { relationship: 'ON_LIST', targets: ['RestrictedList'], required: true, description: 'The list' },
      instrument: {
        relationship: 'MADE_BY',
        targets: ['LegalInstrument'],
        description: 'The notice or rule that listed it',
      },
    },
  },
  ListSnapshot: {
    description:
      'One download of a list source by `sync`: where and when it was fetched, how many rows it held, its digest',
    labels: [],
    fields: {
      feed: { type: { enum: SYNC_FEEDS }, required: true, description: 'Which kind of source it is' },
      url: {
        type: 'string',
        required: true,
        description: 'Where it was fetched from (a URL, or file:// and the path of a local file)',
      },
      fetchedAt: {
        type: 'string',
        required: true,
        description: 'When it was fetched, as an ISO 8601 UTC timestamp',
      },
      fetchedOn: { type: 'date', required: true, description: 'The UTC day it was fetched' },
      publishedOn: { type: 'date', description: 'Publication date, where the source gives one' },
      rows: { type: 'integer', required: true, description: 'Rows (records or lines) the file held' },
      sha256: { type: 'string', required: true, description: 'SHA-256 digest of the file as downloaded' },
      file: { type: 'string', required: true, description: 'The raw file kept in the snapshot folder' },
      complete: {
        type: 'boolean',
        required: true,
        description:
          'The file holds the whole of every list it covers (the CSL does; an FtM file may be a subset)',
      },
    },
    references: {
      lists: {
        relationship: 'COVERS',
        targets: ['RestrictedList'],
        many: true,
        description: 'The lists the file carries rows of',
      },
    },
  },
  ListingChange: {
    description: 'A listing that a sync found added, removed or changed since the previous snapshot',
    labels: [],
    fields: {
      kind: { type: { enum: LISTING_CHANGE_KINDS }, required: true, description: 'What happened' },
      on: { type: 'date', required: true, description: "The snapshot's date (publication, else fetch day)" },
      fields: {
        type: 'string[]',
        description: 'CHANGED: the fields of the listing (or its party) that changed',
      },
    },
    references: {
      designation: {
        relationship: 'CHANGE_OF',
        targets: ['Designation'],
        required: true,
        description: 'The listing that changed',
      },
      snapshot: {
        relationship: 'SEEN_IN',
        targets: ['ListSnapshot'],
        required: true,
        description: 'The snapshot that showed the change',
      },
    },
  },
  Source: {
    description: 'Where a fact comes from',
    labels: [],
    cited: false,
    fields: {
      url: { type: 'url', required: true, description: 'Address of the document' },
      title: { type: 'text', required: true, description: 'Title as the document gives it' },
      publisher: { type: 'string', required: true, description: 'Who published it' },
      date: { type: 'date', description: 'Publication date' },
      evidence: {
        type: { enum: EVIDENCE_GRADES },
        required: true,
        description:
          'PRIMARY government text, SECONDARY press or law firm, REFERENCE encyclopedia, COMMUNITY forum or issue tracker',
      },
      note: { type: 'text', description: 'What in the document supports the facts that cite it' },
    },
  },
} as const satisfies Record<string, NodeSpec>;

export const RELATIONSHIP_TYPES = {
  OWNS: {
    description: 'Holds equity in',
    from: PARTY_TYPES,
    to: PARTY_TYPES,
    fields: { percent: { type: 'percent', description: 'Share of equity held, 0 to 100' }, ...period },
  },
  SUBSIDIARY_OF: { description: 'Is a subsidiary of', from: PARTY_TYPES, to: PARTY_TYPES, fields: period },
  AFFILIATE_OF: {
    description: 'Is an affiliate of (either way)',
    from: PARTY_TYPES,
    to: PARTY_TYPES,
    fields: period,
  },
  CONTROLS: { description: 'Controls', from: PARTY_TYPES, to: PARTY_TYPES, fields: period },
  BRAND_OF: { description: 'Brand owned by', from: ['Brand'], to: PARTY_TYPES, fields: period },
  OEM_FOR: {
    description: 'Reportedly makes products sold under the brand (OEM / white label)',
    from: PARTY_TYPES,
    to: ['Brand'],
    fields: period,
  },
  AMENDS: { description: 'Amends', from: ['LegalInstrument'], to: ['LegalInstrument'], fields: period },
  SUPERSEDES: {
    description: 'Supersedes or replaces',
    from: ['LegalInstrument'],
    to: ['LegalInstrument'],
    fields: period,
  },
  REVOKES: { description: 'Revokes', from: ['LegalInstrument'], to: ['LegalInstrument'], fields: period },
  IMPLEMENTS: {
    description: 'Implements',
    from: ['LegalInstrument'],
    to: ['LegalInstrument'],
    fields: period,
  },
  SUSPENDS: {
    description: 'Suspends a measure for the period validFrom..validTo',
    from: ['LegalInstrument'],
    to: ['Measure'],
    fields: period,
  },
  // A company or brand may carry the product categories it is sourced to make, so a category entry can be shown as
  // a restriction on its products; no party restriction travels along it.
  PRODUCES: {
    description: 'Makes or sells products of the category',
    from: [...PARTY_TYPES, 'Brand'],
    to: ['ProductCategory'],
    fields: period,
  },
  // From FtM Directorship: an office holder, not an owner, so no restriction travels along it.
  DIRECTOR_OF: {
    description: 'Is a director, officer or leader of',
    from: PARTY_TYPES,
    to: PARTY_TYPES,
    fields: { role: { type: 'string', description: 'The role as the source words it' }, ...period },
  },
  // Entity resolution links parties it could not safely merge, for a curator to review. Written once per pair,
  // from the smaller id to the larger, so either side of the pair finds the same relationship.
  POSSIBLY_SAME_AS: {
    description: 'May be the same party (an import could not tell; review before merging)',
    from: PARTY_TYPES,
    to: PARTY_TYPES,
    fields: { reason: { type: 'text', required: true, description: 'The evidence the two have in common' } },
  },
} as const satisfies Record<string, RelationshipSpec>;

export type NodeType = keyof typeof NODE_TYPES;
export type RelationshipType = keyof typeof RELATIONSHIP_TYPES;

/** Relationship types created from node references (e.g. Designation.party → DESIGNATES). */
export const REFERENCE_RELATIONSHIPS: readonly string[] = Object.values(
  NODE_TYPES as Record<string, NodeSpec>,
).flatMap((spec) => Object.values(spec.references ?? {}).map((ref) => ref.relationship));

export const ALL_RELATIONSHIP_TYPES: readonly string[] = [
  ...Object.keys(RELATIONSHIP_TYPES),
  ...REFERENCE_RELATIONSHIPS,
];

export function isNodeType(value: string): value is NodeType {
  return Object.hasOwn(NODE_TYPES, value);
}

export function isRelationshipType(value: string): value is RelationshipType {
  return Object.hasOwn(RELATIONSHIP_TYPES, value);
}

export function nodeSpec(type: NodeType): NodeSpec {
  return NODE_TYPES[type];
}

export function relationshipSpec(type: RelationshipType): RelationshipSpec {
  return RELATIONSHIP_TYPES[type];
}

/** All labels a node of this type carries: the common `Node` label, its own, and its extra labels. */
export function labelsOf(type: NodeType): string[] {
  return ['Node', type, ...nodeSpec(type).labels];
}

/** Why a restriction reaches an entity: it is listed itself, or the path the measure's reach rule accepts. */
export const RESTRICTION_BASES = [
  'DIRECT',
  'SUBSIDIARY_OR_AFFILIATE',
  'OWNERSHIP_THRESHOLD',
  'CONTROL',
  'PRODUCT_OF',
] as const;
export type Basis = (typeof RESTRICTION_BASES)[number];

/** Why a measure the graph reaches does not apply on a date. */
export const UNAPPLIED_REASONS = [
  'NAMED_ONLY_RULE',
  'BELOW_THRESHOLD',
  'RELATION_ENDED',
  'RELATION_NOT_STARTED',
  'NOT_YET_EFFECTIVE',
  'MEASURE_ENDED',
  'SUSPENDED',
  'REMOVED_FROM_LIST',
  'PRODUCTS_NOT_COVERED',
] as const;
export type UnappliedReason = (typeof UNAPPLIED_REASONS)[number];

/**
 * Audit trail of curation (src/curation). A ChangeRecord says who changed which fact, when, why and on which
 * sources. It is not a fact of the graph: it has neither the `Node` label nor a model type, so it never shows in
 * stats, searches, exports or the validator, and a seed file cannot forge one.
 */
export const CHANGE_RECORD_LABEL = 'ChangeRecord';

/**
 * A retracted node loses its model labels (so every read, export and count stops seeing it) and gets this label
 * instead, keeping its properties in place; its former labels are kept in `retractedLabels`. A retracted
 * relationship is removed and survives in full in its ChangeRecord.
 */
export const RETRACTED_LABEL = 'Retracted';

export const CHANGE_ACTIONS = ['UPSERT_ENTITY', 'ADD_RELATIONSHIP', 'ADD_DESIGNATION', 'RETRACT'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];
