/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** How a brand is tied to the party asked about. */
export type BrandRelation =
  /** The entity (or a party it owns or controls) reportedly makes the brand's products. */
  | 'OEM_REPORTED'
  /** Owned by the entity itself. */
  | 'OWN_BRAND'
  /** Owned by a subsidiary or other party the entity owns or controls. */
  | 'SUBSIDIARY_BRAND';

/** What an entity is. */
export type EntityKind =
  /** A brand or trade name: not a party, but it leads back to the parties that own it or make its products. */
  | 'BRAND'
  /** A company or other business organisation. */
  | 'COMPANY'
  /** A government, ministry, agency or state-owned administration. */
  | 'GOVERNMENT_BODY'
  /** A natural person. */
  | 'PERSON';

/** How much a source can bear: PRIMARY government text, SECONDARY press or law firm, REFERENCE encyclopedia, COMMUNITY forum or issue tracker. */
export type Evidence =
  /** A forum post, issue tracker or other community source: the weakest grade. */
  | 'COMMUNITY'
  /** Government text: a statute, rule, notice, list or official filing. */
  | 'PRIMARY'
  /** An encyclopedia or other reference work. */
  | 'REFERENCE'
  /** Press, a law firm's or a research institute's reporting. */
  | 'SECONDARY';

/** What a node in a graph view is. */
export type GraphNodeKind =
  /** A brand. */
  | 'BRAND'
  /** A company. */
  | 'COMPANY'
  /** A government body. */
  | 'GOVERNMENT_BODY'
  /** A legal instrument. */
  | 'INSTRUMENT'
  /** A restricted list. */
  | 'LIST'
  /** A measure (a list's legal consequence). */
  | 'MEASURE'
  /** A natural person. */
  | 'PERSON';

/** An identifier of a party, as the graph stores identifiers (SCHEME:value). */
export type IdentifierInput = {
  /** The scheme, e.g. LEI, USCC, ISIN, TICKER, SZSE, CSL (the CSL entity number), OFAC, OPENSANCTIONS. */
  scheme: string;
  /** The value, e.g. 91330000733796106P for a USCC or 002415 CN for a ticker; case and spacing do not matter. */
  value: string;
};

/** What happened to a listing. */
export type ListingChangeKind =
  /** The party was listed. */
  | 'ADDED'
  /** The listing or its party changed between two snapshots; `fields` says which. */
  | 'CHANGED'
  /** The party left the list (the designation ends on this date and stays in the history). */
  | 'REMOVED';

/** How names were compared in a match. */
export type MatchMethod =
  /** The same Chinese characters, simplified and traditional alike. */
  | 'CHINESE_CHARACTERS'
  /** An identifier of the input is one the entity holds. */
  | 'IDENTIFIER'
  /** The same words, in any order, case and punctuation, legal forms aside. */
  | 'SAME_NAME'
  /** The whole name spelled nearly the same (edit distance). */
  | 'SPELLING'
  /** Shared words, weighed by how distinctive each is in the graph. */
  | 'TOKENS';

/** What a measure prohibits or requires. */
export type MeasureKind =
  /** Property and interests in property are blocked (e.g. OFAC's SDN List). */
  | 'BLOCKING'
  /** Federal agencies may not contract with entities that use the covered equipment (e.g. §889(a)(1)(B)). */
  | 'CONTRACTOR_USE_BAN'
  /** The Department of Defense may not contract with the listed parties (e.g. NDAA FY2021 §1260H as amended). */
  | 'DOD_CONTRACTING_BAN'
  /** The FCC does not authorise the covered equipment (e.g. the Covered List's equipment authorisation rules). */
  | 'EQUIPMENT_AUTHORIZATION_BAN'
  /** Exports, re-exports and transfers of items subject to the EAR need a licence (e.g. the Entity List). */
  | 'EXPORT_LICENCE_REQUIREMENT'
  /** Federal grants and loans may not be used for the covered equipment or services (e.g. §889(b)). */
  | 'GRANT_AND_LOAN_BAN'
  /** US persons may not buy or sell publicly traded securities of the listed parties (e.g. EO 13959/14032). */
  | 'INVESTMENT_PROHIBITION'
  /** Federal agencies may not procure the covered equipment or services (e.g. NDAA FY2019 §889(a)(1)(A)). */
  | 'PROCUREMENT_BAN';

/** Which way an ownership chain goes. */
export type OwnershipDirection =
  /** From the party to what it owns or controls, and their holdings. */
  | 'DOWN'
  /** From the party to those who own or control it, and their owners. */
  | 'UP';

/** How a step of a path reads, walking from the entity asked about towards the listed party. */
export type PathRelation =
  /** `from` is an affiliate of `to`. */
  | 'AFFILIATE_OF'
  /** `from` is a brand of `to`. */
  | 'BRAND_OF'
  /** `from` is controlled by `to`. */
  | 'CONTROLLED_BY'
  /** `from` is a brand whose products `to` reportedly makes (OEM / white label). */
  | 'MADE_BY_OEM'
  /** `from` is owned (in part) by `to`; `percent` gives the share. */
  | 'OWNED_BY'
  /** `from` is a subsidiary of `to`. */
  | 'SUBSIDIARY_OF';

/** The type of a relation between two entities, as stored (read from the relation's start to its end). */
export type RelationType =
  /** The parties are affiliates. */
  | 'AFFILIATE_OF'
  /** A brand belongs to a party. */
  | 'BRAND_OF'
  /** One party controls the other. */
  | 'CONTROLS'
  /** A party reportedly makes a brand's products (OEM / white label). */
  | 'OEM_FOR'
  /** One party holds equity in the other; `percent` gives the share when known. */
  | 'OWNS'
  /** One party is a subsidiary of the other. */
  | 'SUBSIDIARY_OF';

/** On what ground a measure reaches an entity. */
export type RestrictionBasis =
  /** Subject to the control of a listed party. */
  | 'CONTROL'
  /** The entity itself is listed. */
  | 'DIRECT'
  /** Owned at or above the measure's threshold, directly or indirectly, individually or in aggregate, by listed parties. */
  | 'OWNERSHIP_THRESHOLD'
  /** A brand made or owned by a covered party. */
  | 'PRODUCT_OF'
  /** A subsidiary or affiliate of a listed party, as the measure's rule defines them. */
  | 'SUBSIDIARY_OR_AFFILIATE';

/** Why a restriction was gained or lost between two dates. */
export type RestrictionChangeCause =
  /** The party was listed in between. */
  | 'LISTED'
  /** The measure ceased to apply. */
  | 'MEASURE_ENDED'
  /** The measure, or its application to this listing, took effect. */
  | 'MEASURE_TOOK_EFFECT'
  /** The graph reached no listing of the measure on the earlier date. */
  | 'NEWLY_REACHED'
  /** The graph reaches no listing of the measure on the later date. */
  | 'NO_LONGER_REACHED'
  /** Ownership along the path crossed the measure's threshold. */
  | 'OWNERSHIP_CHANGED'
  /** A relation on the path ended. */
  | 'RELATION_ENDED'
  /** A relation on the path began. */
  | 'RELATION_STARTED'
  /** The listed party was removed from the list. */
  | 'REMOVED_FROM_LIST'
  /** The measure was suspended. */
  | 'SUSPENDED'
  /** A suspension of the measure ended. */
  | 'SUSPENSION_ENDED';

/** One row to screen: a name, an identifier, or both, and optionally a country. */
export type ScreeningInput = {
  /** ISO 3166-1 country (alpha-2 such as CN, alpha-3 such as CHN, or an English name such as China). */
  country?: string | null | undefined;
  /** Identifiers of the party, matched exactly against the identifiers the graph holds. */
  identifiers?: Array<IdentifierInput> | null | undefined;
  /** The name as the spreadsheet writes it (any script; legal forms, order and punctuation do not matter). */
  name?: string | null | undefined;
};

/** The outcome of screening one input. */
export type ScreeningVerdict =
  /** Every counted match is restricted by nothing on the date, and no match to review is restricted. */
  | 'NOT_RESTRICTED'
  /** Nothing in the graph matched. Not a clean result: the party may be on a list the graph does not hold fully. */
  | 'NO_MATCH'
  /** A match in the review band (between the review and the match threshold) needs a person to decide. */
  | 'POSSIBLE_MATCH'
  /** A match at or above the match threshold is restricted on the date. */
  | 'RESTRICTED';

/** Why a measure the graph reaches does not apply on the date asked. */
export type UnappliedReason =
  /** Ownership along the path is below the measure's threshold, or not known. */
  | 'BELOW_THRESHOLD'
  /** The measure had ceased to apply by that date. */
  | 'MEASURE_ENDED'
  /** The measure reaches only the listed party itself. */
  | 'NAMED_ONLY_RULE'
  /** The measure, or its application to this listing, had not taken effect by that date. */
  | 'NOT_YET_EFFECTIVE'
  /** The measure does not cover products, so a brand is not reached. */
  | 'PRODUCTS_NOT_COVERED'
  /** A relation on the path had ended by that date. */
  | 'RELATION_ENDED'
  /** A relation on the path had not begun by that date. */
  | 'RELATION_NOT_STARTED'
  /** The listed party had been removed from the list by that date. */
  | 'REMOVED_FROM_LIST'
  /** The measure was suspended on that date. */
  | 'SUSPENDED';

export type SourceFieldsFragment = { url: string, title: string, publisher: string, date: string | null, evidence: Evidence };

export type StepFieldsFragment = { relation: PathRelation, type: RelationType, label: string, reverseLabel: string, percent: number | null, validFrom: string | null, validTo: string | null, note: string | null, evidence: Evidence, from: { id: string, name: string }, to: { id: string, name: string }, sources: Array<{ url: string, title: string, publisher: string, date: string | null, evidence: Evidence }> };

export type SearchQueryVariables = Exact<{
  query: string;
  first?: number | null | undefined;
}>;


export type SearchQuery = { search: { totalCount: number, edges: Array<{ score: number, matchedName: string, weak: boolean, node: { id: string, name: string, kind: EntityKind, aliases: Array<string>, country: string | null } }> } };

export type EntityQueryVariables = Exact<{
  id: string | number;
}>;


export type EntityQuery = { entity: { id: string, name: string, kind: EntityKind, aliases: Array<string>, country: string | null, description: string | null, identifiers: Array<{ scheme: string, value: string }>, sources: Array<{ url: string, title: string, publisher: string, date: string | null, evidence: Evidence }> } | null };

export type NeighborhoodQueryVariables = Exact<{
  id: string | number;
  asOf?: string | null | undefined;
  depth?: number | null | undefined;
}>;


export type NeighborhoodQuery = { neighborhood: { truncated: boolean, nodes: Array<{ id: string, name: string, kind: GraphNodeKind, restricted: boolean }>, edges: Array<{ id: string, source: string, target: string, type: string, label: string, pointsUp: boolean, percent: number | null, validFrom: string | null, validTo: string | null, evidence: Evidence | null }> } };

export type ExplainQueryVariables = Exact<{
  id: string | number;
  asOf?: string | null | undefined;
}>;


export type ExplainQuery = { explainRestrictions: { asOf: string, restricted: boolean, entity: { id: string, name: string, kind: EntityKind }, restrictions: Array<{ basis: RestrictionBasis, effectivePercent: number | null, rule: string, evidence: Evidence, measure: { id: string, name: string, kind: MeasureKind, effectiveFrom: string, effectiveTo: string | null }, list: { id: string, name: string }, designation: { id: string, listedOn: string, effectiveFrom: string | null, sources: Array<{ url: string, title: string, publisher: string, date: string | null, evidence: Evidence }> }, listedEntity: { id: string, name: string }, instruments: Array<{ id: string, name: string, citation: string, signedOn: string | null, effectiveOn: string | null, url: string | null }>, path: { steps: Array<{ relation: PathRelation, type: RelationType, label: string, reverseLabel: string, percent: number | null, validFrom: string | null, validTo: string | null, note: string | null, evidence: Evidence, from: { id: string, name: string }, to: { id: string, name: string }, sources: Array<{ url: string, title: string, publisher: string, date: string | null, evidence: Evidence }> }> }, sources: Array<{ url: string, title: string, publisher: string, date: string | null, evidence: Evidence }> }>, notApplied: Array<{ reason: UnappliedReason, explanation: string, measure: { id: string, name: string }, list: { id: string, name: string }, listedEntity: { id: string, name: string }, path: { steps: Array<{ relation: PathRelation, type: RelationType, label: string, reverseLabel: string, percent: number | null, validFrom: string | null, validTo: string | null, note: string | null, evidence: Evidence, from: { id: string, name: string }, to: { id: string, name: string }, sources: Array<{ url: string, title: string, publisher: string, date: string | null, evidence: Evidence }> }> } }>, listedWithoutMeasure: Array<{ id: string, listedOn: string, list: { id: string, name: string } }>, coverage: Array<{ complete: boolean, asOf: string | null, entries: number, note: string | null, list: { id: string, name: string } }> } };

export type BrandsQueryVariables = Exact<{
  id: string | number;
  asOf?: string | null | undefined;
}>;


export type BrandsQuery = { brandsLinkedTo: Array<{ relation: BrandRelation, evidence: Evidence, restricted: boolean, brand: { id: string, name: string }, path: { steps: Array<{ relation: PathRelation, type: RelationType, label: string, reverseLabel: string, percent: number | null, validFrom: string | null, validTo: string | null, note: string | null, evidence: Evidence, from: { id: string, name: string }, to: { id: string, name: string }, sources: Array<{ url: string, title: string, publisher: string, date: string | null, evidence: Evidence }> }> }, sources: Array<{ url: string, title: string, publisher: string, date: string | null, evidence: Evidence }> }> };

export type BrandOriginsQueryVariables = Exact<{
  id: string | number;
  asOf?: string | null | undefined;
}>;


export type BrandOriginsQuery = { brandOrigins: Array<{ relation: BrandRelation, evidence: Evidence, restricted: boolean, entity: { id: string, name: string, kind: EntityKind }, path: { steps: Array<{ relation: PathRelation, type: RelationType, label: string, reverseLabel: string, percent: number | null, validFrom: string | null, validTo: string | null, note: string | null, evidence: Evidence, from: { id: string, name: string }, to: { id: string, name: string }, sources: Array<{ url: string, title: string, publisher: string, date: string | null, evidence: Evidence }> }> }, sources: Array<{ url: string, title: string, publisher: string, date: string | null, evidence: Evidence }> }> };

export type ChainQueryVariables = Exact<{
  id: string | number;
  direction?: OwnershipDirection | null | undefined;
  asOf?: string | null | undefined;
}>;


export type ChainQuery = { ownershipChain: { direction: OwnershipDirection, cyclesFound: boolean, root: { id: string, name: string }, ultimateOwners: Array<{ id: string, name: string, kind: EntityKind }>, paths: Array<{ effectivePercent: number | null, end: { id: string, name: string, kind: EntityKind }, steps: Array<{ relation: PathRelation, type: RelationType, label: string, reverseLabel: string, percent: number | null, validFrom: string | null, validTo: string | null, note: string | null, evidence: Evidence, from: { id: string, name: string }, to: { id: string, name: string }, sources: Array<{ url: string, title: string, publisher: string, date: string | null, evidence: Evidence }> }> }> } };

export type ScreenEntriesQueryVariables = Exact<{
  entries: Array<ScreeningInput> | ScreeningInput;
  asOf?: string | null | undefined;
}>;


export type ScreenEntriesQuery = { screenEntries: Array<{ input: string, verdict: ScreeningVerdict, incompleteLists: Array<{ id: string, name: string }>, matches: Array<{ score: number, matchedName: string, needsReview: boolean, restricted: boolean, explanation: { summary: string }, entity: { id: string, name: string, kind: EntityKind, aliases: Array<string>, country: string | null }, restrictions: Array<{ basis: RestrictionBasis, measure: { id: string, name: string }, list: { id: string, name: string }, listedEntity: { id: string, name: string }, sources: Array<{ url: string, title: string, publisher: string, date: string | null, evidence: Evidence }> }> }> }> };

export type ScreeningReportQueryVariables = Exact<{
  entries: Array<ScreeningInput> | ScreeningInput;
  asOf?: string | null | undefined;
}>;


export type ScreeningReportQuery = { screenEntries: Array<{ input: string, verdict: ScreeningVerdict, incompleteLists: Array<{ id: string, name: string }>, matches: Array<{ score: number, matchedName: string, needsReview: boolean, restricted: boolean, explanation: { summary: string, method: MatchMethod, identifier: string | null }, entity: { id: string, name: string, kind: EntityKind, country: string | null }, restrictions: Array<{ basis: RestrictionBasis, measure: { id: string, name: string }, list: { id: string, name: string }, listedEntity: { id: string, name: string } }> }> }> };

export type VocabularyQueryVariables = Exact<{ [key: string]: never; }>;


export type VocabularyQuery = { vocabulary: { identifierSchemes: Array<string>, kinds: Array<{ kind: GraphNodeKind, label: string, entity: boolean }>, brandRelations: Array<{ relation: BrandRelation, label: string }> } };

export type TimelineRelationFragment = { id: string, type: RelationType, label: string, percent: number | null, validFrom: string | null, validTo: string | null, entity: { id: string, name: string } };

export type TimelineMeasureFragment = { id: string, name: string, effectiveFrom: string, effectiveTo: string | null, suspensions: Array<{ from: string | null, to: string | null, instrument: { id: string, name: string } }> };

export type TimelineDesignationFragment = { id: string, listedOn: string, effectiveFrom: string | null, removedOn: string | null, list: { id: string, name: string } };

export type TimelineStepFragment = { type: RelationType, label: string, percent: number | null, validFrom: string | null, validTo: string | null, from: { id: string, name: string }, to: { id: string, name: string } };

export type TimelineQueryVariables = Exact<{
  id: string | number;
}>;


export type TimelineQuery = { entity: { id: string, name: string, designations: Array<{ id: string, listedOn: string, effectiveFrom: string | null, removedOn: string | null, instrument: { id: string, name: string } | null, list: { id: string, name: string } }>, owners: Array<{ id: string, type: RelationType, label: string, percent: number | null, validFrom: string | null, validTo: string | null, entity: { id: string, name: string } }>, subsidiaries: Array<{ id: string, type: RelationType, label: string, percent: number | null, validFrom: string | null, validTo: string | null, entity: { id: string, name: string } }>, affiliates: Array<{ id: string, type: RelationType, label: string, percent: number | null, validFrom: string | null, validTo: string | null, entity: { id: string, name: string } }>, brands: Array<{ id: string, type: RelationType, label: string, percent: number | null, validFrom: string | null, validTo: string | null, entity: { id: string, name: string } }>, brandOwners: Array<{ id: string, type: RelationType, label: string, percent: number | null, validFrom: string | null, validTo: string | null, entity: { id: string, name: string } }>, oemMakers: Array<{ id: string, type: RelationType, label: string, percent: number | null, validFrom: string | null, validTo: string | null, entity: { id: string, name: string } }>, oemBrands: Array<{ id: string, type: RelationType, label: string, percent: number | null, validFrom: string | null, validTo: string | null, entity: { id: string, name: string } }> } | null, explainRestrictions: { asOf: string, restrictions: Array<{ measure: { id: string, name: string, effectiveFrom: string, effectiveTo: string | null, suspensions: Array<{ from: string | null, to: string | null, instrument: { id: string, name: string } }> }, designation: { id: string, listedOn: string, effectiveFrom: string | null, removedOn: string | null, list: { id: string, name: string } }, listedEntity: { id: string, name: string }, path: { steps: Array<{ type: RelationType, label: string, percent: number | null, validFrom: string | null, validTo: string | null, from: { id: string, name: string }, to: { id: string, name: string } }> } }>, notApplied: Array<{ reason: UnappliedReason, measure: { id: string, name: string, effectiveFrom: string, effectiveTo: string | null, suspensions: Array<{ from: string | null, to: string | null, instrument: { id: string, name: string } }> }, designation: { id: string, listedOn: string, effectiveFrom: string | null, removedOn: string | null, list: { id: string, name: string } }, listedEntity: { id: string, name: string }, path: { steps: Array<{ type: RelationType, label: string, percent: number | null, validFrom: string | null, validTo: string | null, from: { id: string, name: string }, to: { id: string, name: string } }> } }> } };

export type WhatChangedQueryVariables = Exact<{
  id: string | number;
  from: string;
  to: string;
  lists: Array<string | number> | string | number;
  first?: number | null | undefined;
}>;


export type WhatChangedQuery = { restrictionChanges: Array<{ from: string, to: string, gained: Array<{ cause: RestrictionChangeCause, explanation: string | null, restriction: { basis: RestrictionBasis, measure: { id: string, name: string }, list: { id: string, name: string }, listedEntity: { id: string, name: string } } }>, lost: Array<{ cause: RestrictionChangeCause, explanation: string | null, restriction: { basis: RestrictionBasis, measure: { id: string, name: string }, list: { id: string, name: string }, listedEntity: { id: string, name: string } } }> }>, listingChanges: { totalCount: number, pageInfo: { hasNextPage: boolean }, edges: Array<{ node: { id: string, kind: ListingChangeKind, on: string, fields: Array<string>, party: { id: string, name: string }, list: { id: string, name: string } } }> } };

export type RestrictionChangeFieldsFragment = { cause: RestrictionChangeCause, explanation: string | null, restriction: { basis: RestrictionBasis, measure: { id: string, name: string }, list: { id: string, name: string }, listedEntity: { id: string, name: string } } };
