/**
 * The types of the answers to the GraphQL operations the CLI sends. The operations themselves are shared with the
 * explorer (src/explorer/operations.js), so both clients ask the public API the same questions.
 */
export {
  BRAND_ORIGINS,
  BRANDS_LINKED_TO,
  ENTITY,
  EXPLAIN,
  OWNERSHIP_CHAIN,
  SCREEN_ENTRIES,
  SEARCH,
} from '../explorer/operations.js';

import type { ScreeningVerdict } from '../model/model.js';
import type { BrandRelation, EntityKind } from '../model/vocabulary.js';

export type { EntityKind };
export type Evidence = 'PRIMARY' | 'SECONDARY' | 'REFERENCE' | 'COMMUNITY';

export interface EntityRef {
  id: string;
  name: string;
}

export interface EntitySummary extends EntityRef {
  kind: EntityKind;
  aliases: string[];
  country?: string | null;
}

export interface Source {
  url: string;
  title: string;
  publisher: string;
  date?: string | null;
  evidence: Evidence;
}

export interface PathStep {
  from: EntityRef;
  relation: string;
  type: string;
  label: string;
  reverseLabel: string;
  to: EntityRef;
  percent?: number | null;
  validFrom?: string | null;
  validTo?: string | null;
  note?: string | null;
  evidence: Evidence;
  sources: Source[];
}

export interface Path {
  steps: PathStep[];
}

export interface Instrument {
  id: string;
  name: string;
  citation: string;
  signedOn?: string | null;
  effectiveOn?: string | null;
  url?: string | null;
}

export interface Restriction {
  measure: EntityRef & { kind: string; effectiveFrom: string; effectiveTo?: string | null };
  list: EntityRef;
  designation: { listedOn: string; effectiveFrom?: string | null; sources: Source[] };
  listedEntity: EntityRef;
  instruments: Instrument[];
  basis: string;
  effectivePercent?: number | null;
  rule: string;
  evidence: Evidence;
  path: Path;
  sources: Source[];
}

export interface UnappliedRestriction {
  measure: EntityRef;
  list: EntityRef;
  listedEntity: EntityRef;
  reason: string;
  explanation: string;
  path: Path;
}

export interface RestrictionReport {
  asOf: string;
  restricted: boolean;
  entity: EntityRef & { kind: EntityKind };
  restrictions: Restriction[];
  notApplied: UnappliedRestriction[];
  listedWithoutMeasure: { id: string; listedOn: string; list: EntityRef }[];
  coverage: ListCoverage[];
}

export interface ListCoverage {
  list: EntityRef;
  complete: boolean;
  asOf?: string | null;
  entries: number;
  note?: string | null;
}

export interface SearchEdge {
  score: number;
  matchedName: string;
  node: EntitySummary;
}

export interface BrandLink {
  brand: EntityRef;
  relation: BrandRelation;
  evidence: Evidence;
  path: Path;
  sources: Source[];
}

export interface BrandOrigin {
  entity: EntityRef & { kind: EntityKind };
  relation: BrandRelation;
  evidence: Evidence;
  restricted: boolean;
  path: Path;
  sources: Source[];
}

export interface OwnershipChain {
  root: EntityRef;
  direction: 'UP' | 'DOWN';
  cyclesFound: boolean;
  ultimateOwners: (EntityRef & { kind: EntityKind })[];
  paths: { effectivePercent?: number | null; end: EntityRef & { kind: EntityKind }; steps: PathStep[] }[];
}

export interface ScreeningMatch {
  score: number;
  matchedName: string;
  needsReview: boolean;
  restricted: boolean;
  explanation: { summary: string };
  entity: EntitySummary;
  restrictions: Pick<Restriction, 'basis' | 'measure' | 'list' | 'listedEntity' | 'sources'>[];
}

export interface ScreeningResult {
  input: string;
  verdict: ScreeningVerdict;
  incompleteLists: EntityRef[];
  matches: ScreeningMatch[];
}
