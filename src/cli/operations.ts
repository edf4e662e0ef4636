/**
 * The GraphQL operations the CLI sends, with the shapes of their answers. They use only the public contract in
 * schema/*.graphql, so anything the CLI shows can be fetched the same way over HTTP.
 */

const SOURCE = 'url title publisher date evidence';
const PATH = `steps { from { id name } relation to { id name } percent validFrom validTo note evidence sources { ${SOURCE} } }`;

export const SEARCH = `query Search($query: String!, $first: Int) {
  search(query: $query, first: $first) {
    totalCount
    edges { score matchedName node { id name kind aliases country } }
  }
}`;

export const ENTITY = `query Entity($id: ID!) { entity(id: $id) { id name kind aliases country } }`;

export const EXPLAIN = `query Explain($id: ID!, $asOf: Date) {
  explainRestrictions(id: $id, asOf: $asOf) {
    asOf
    restricted
    entity { id name kind }
    restrictions {
      measure { id name kind effectiveFrom effectiveTo }
      list { id name }
      designation { listedOn effectiveFrom sources { ${SOURCE} } }
      listedEntity { id name }
      instruments { id name citation signedOn effectiveOn url }
      basis
      effectivePercent
      rule
      evidence
      path { ${PATH} }
      sources { ${SOURCE} }
    }
    notApplied {
      measure { id name }
      list { id name }
      listedEntity { id name }
      reason
      explanation
      path { ${PATH} }
    }
  }
}`;

export const BRANDS_LINKED_TO = `query Brands($id: ID!, $asOf: Date) {
  brandsLinkedTo(id: $id, asOf: $asOf) {
    brand { id name }
    relation
    evidence
    path { ${PATH} }
    sources { ${SOURCE} }
  }
}`;

export const BRAND_ORIGINS = `query BrandOrigins($id: ID!, $asOf: Date) {
  brandOrigins(id: $id, asOf: $asOf) {
    entity { id name kind }
    relation
    evidence
    restricted
    path { ${PATH} }
    sources { ${SOURCE} }
  }
}`;

export const OWNERSHIP_CHAIN = `query Chain($id: ID!, $direction: OwnershipDirection, $asOf: Date) {
  ownershipChain(id: $id, direction: $direction, asOf: $asOf) {
    root { id name }
    direction
    cyclesFound
    ultimateOwners { id name kind }
    paths { effectivePercent end { id name kind } steps { from { id name } relation to { id name } percent validFrom validTo evidence sources { ${SOURCE} } } }
  }
}`;

export const SCREEN = `query Screen($names: [String!]!, $asOf: Date) {
  screen(names: $names, asOf: $asOf) {
    input
    matches {
      score
      matchedName
      restricted
      entity { id name kind aliases }
      restrictions { basis measure { id name } list { id name } listedEntity { id name } sources { ${SOURCE} } }
    }
  }
}`;

export type EntityKind = 'COMPANY' | 'PERSON' | 'GOVERNMENT_BODY' | 'BRAND';
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
}

export interface SearchEdge {
  score: number;
  matchedName: string;
  node: EntitySummary;
}

export interface BrandLink {
  brand: EntityRef;
  relation: string;
  evidence: Evidence;
  path: Path;
  sources: Source[];
}

export interface BrandOrigin {
  entity: EntityRef & { kind: EntityKind };
  relation: string;
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
  restricted: boolean;
  entity: EntitySummary;
  restrictions: Pick<Restriction, 'basis' | 'measure' | 'list' | 'listedEntity' | 'sources'>[];
}

export interface ScreeningResult {
  input: string;
  matches: ScreeningMatch[];
}
