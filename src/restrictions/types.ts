import type { Basis, Evidence, UnappliedReason } from '../model/model.js';
import type { PathRelation, ReachRelation } from '../model/vocabulary.js';

export type { Basis, PathRelation, UnappliedReason };

export interface PathStep {
  id: string;
  from: string;
  to: string;
  relation: PathRelation;
  /** The stored relationship the step walks. */
  type: ReachRelation;
  percent: number | null;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
  sources: string[];
}

export interface Designation {
  id: string;
  partyId: string;
  listId: string;
  listedOn: string;
  effectiveFrom: string | null;
  removedOn: string | null;
  instrumentId: string | null;
  sources: string[];
}

export interface Measure {
  id: string;
  name: string;
  listId: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  reachRule: 'NAMED_ONLY' | 'SUBSIDIARIES_AND_AFFILIATES' | 'OWNERSHIP_THRESHOLD' | 'CONTROL';
  reachMinPercent: number | null;
  reachSubsidiaryMinPercent: number | null;
  reachAffiliateMinPercent: number | null;
  reachText: string;
  reachSources: string[];
  coversProducts: boolean;
  extendsOnly: boolean;
  designationDelayDays: number | null;
  instrumentIds: string[];
  suspensions: { instrumentId: string; from: string | null; to: string | null }[];
  sources: string[];
}

export interface NodeSummary {
  id: string;
  name: string;
  labels: string[];
  evidence?: Evidence | null;
  title?: string | null;
  publisher?: string | null;
  citation?: string | null;
}

/** A list entry that covers a product category (by kind and origin), not a party. */
export interface CategoryEntry {
  id: string;
  categoryId: string;
  listId: string;
  listedOn: string;
  removedOn: string | null;
  instrumentId: string | null;
  originCondition: string | null;
  exceptions: string[];
  sources: string[];
}

/** The entity makes or sells products of a category (a PRODUCES relation). */
export interface ProductTie {
  id: string;
  from: string;
  categoryId: string;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
  sources: string[];
}

/** A category entry covering products the entity makes: a restriction on those products, not on the entity. */
export interface ProductRestriction {
  entry: CategoryEntry;
  tie: ProductTie;
  /** The entry's list's measures that cover products and are in force on the date. */
  measureIds: string[];
  /** When the products are covered, e.g. "Covered if produced in a foreign country, unless: …". */
  condition: string;
  sources: string[];
}

/** Everything the evaluation needs, read from Neo4j in a handful of queries. */
export interface ReachData {
  entityId: string;
  /** Paths from the entity to designated parties (the last step's `to` is the listed party; empty = itself). */
  paths: { listedId: string; steps: PathStep[] }[];
  designations: Designation[];
  measures: Measure[];
  /** The entity's ties to product categories, and the list entries covering those categories. */
  productTies?: ProductTie[];
  categoryEntries?: CategoryEntry[];
  nodes: Map<string, NodeSummary>;
}

export interface AppliedRestriction {
  measure: Measure;
  designation: Designation;
  listedId: string;
  steps: PathStep[];
  basis: Basis;
  effectivePercent: number | null;
  instrumentIds: string[];
  rule: string;
  evidence: Evidence;
  sources: string[];
}

export interface UnappliedRestriction {
  measure: Measure;
  designation: Designation;
  listedId: string;
  steps: PathStep[];
  reason: UnappliedReason;
  explanation: string;
}

export interface RestrictionReport {
  entityId: string;
  asOf: string;
  restrictions: AppliedRestriction[];
  notApplied: UnappliedRestriction[];
  /** Category entries covering the entity's products on asOf, kept apart from the listings above. */
  productRestrictions: ProductRestriction[];
  /** The entity's own designations in force on asOf. */
  designationIds: string[];
}
