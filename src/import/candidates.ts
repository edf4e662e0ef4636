import path from 'node:path';
import type { Evidence } from '../model/model.js';
import type { RecordOrigin, ValidationIssue } from '../records/records.js';

/**
 * What a reader+mapper makes of an external file, before entity resolution: parties that may turn out to be
 * parties already in the graph, and facts that point at parties by their key in the file. The planner
 * (plan-import.ts) resolves the keys and turns all of it into the seed record shape.
 */
export interface MappedImport {
  format: 'ftm' | 'csl';
  file: string;
  /** Rows (lines or records) read from the file. */
  rows: number;
  sources: Map<string, SourceSpec>;
  parties: PartyCandidate[];
  designations: DesignationCandidate[];
  relationships: RelationshipCandidate[];
  /** Bad rows: reported with file and line; fatal under --strict. */
  issues: ValidationIssue[];
  /** Reported, never fatal: references to entities not in the file, values that were dropped. */
  warnings: ValidationIssue[];
  /** Rows of kinds the model has no place for, counted by kind (FtM schema, CSL type). */
  skipped: Record<string, number>;
}

export type PartyType = 'Company' | 'Person' | 'GovernmentBody';

export interface PartyCandidate {
  /** The party's key in the file (an FtM id, a CSL `_id`); facts refer to it by this key. */
  key: string;
  /** The id the party gets when it matches nothing in the graph. */
  proposedId: string;
  type: PartyType;
  name: string;
  aliases: string[];
  country: string | undefined;
  identifiers: string[];
  addresses: string[];
  description: string | undefined;
  sources: string[];
  origin: RecordOrigin;
}

/** A party as a fact refers to it: its key in the file, and identifiers that find it in the graph otherwise. */
export interface PartyRef {
  key: string;
  identifiers: string[];
  /** The node id the party would have had if an earlier import created it. */
  id?: string;
}

export interface DesignationCandidate {
  id: string;
  party: PartyRef;
  list: ListSpec;
  listedOn: string | undefined;
  /** Why listedOn is missing, for the report (e.g. "the CSL row has no start_date"). */
  listedOnMissing?: string;
  effectiveFrom: string | undefined;
  removedOn: string | undefined;
  nameOnList: string | undefined;
  note: string | undefined;
  /** Federal Register citations ("83 FR 37423"): the instrument when the graph has it, else a source. */
  citations: string[];
  sources: string[];
  origin: RecordOrigin;
}

export interface RelationshipCandidate {
  id: string;
  type: 'OWNS' | 'DIRECTOR_OF';
  from: PartyRef;
  to: PartyRef;
  properties: Record<string, unknown>;
  sources: string[];
  origin: RecordOrigin;
}

export interface SourceSpec {
  id: string;
  url: string;
  title: string;
  publisher: string;
  date?: string;
  evidence: Evidence;
  note?: string;
}

export interface AuthoritySpec {
  id: string;
  name: string;
  aliases: string[];
  country: string | undefined;
}

export interface ListSpec {
  id: string;
  name: string;
  aliases: string[];
  url: string | undefined;
  authority: AuthoritySpec;
}

export function emptyImport(format: MappedImport['format'], file: string): MappedImport {
  return {
    format,
    file: path.basename(file),
    rows: 0,
    sources: new Map(),
    parties: [],
    designations: [],
    relationships: [],
    issues: [],
    warnings: [],
    skipped: {},
  };
}

export function rowIssue(
  origin: RecordOrigin,
  recordId: string | undefined,
  field: string | undefined,
  message: string,
): ValidationIssue {
  return { file: origin.file, position: origin.position, recordId, field, message };
}
