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

/** Everything the evaluation needs, read from Neo4j in a handful of queries. */
export interface ReachData {
  entityId: string;
  /** Paths from the entity to designated parties (the last step's `to` is the listed party; empty = itself). */
  paths: { listedId: string; steps: PathStep[] }[];
  designations: Designation[];
  measures: Measure[];
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
  /** The entity's own designations in force on asOf. */
  designationIds: string[];
}
