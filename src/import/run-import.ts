import type { Database } from '../db/database.js';
import { ensureSchema } from '../db/schema-setup.js';
import { InvalidRecordsError, type RawRecord, type ValidationIssue } from '../records/records.js';
import {
  referencedIds,
  validateRecords,
  type NodeRecord,
  type RelationshipRecord,
} from '../records/validate.js';
import { planBatches, runBatch } from '../records/write-records.js';
import type { MappedImport } from './candidates.js';
import { mapCslFile } from './csl-mapper.js';
import { mapFtmFile } from './ftm-mapper.js';
import { diffAgainstGraph, type ChangeCount } from './graph-diff.js';
import { readGraphState, withTypesOf } from './graph-state.js';
import { planImport, type MergeDecision } from './plan-import.js';

export const IMPORT_FORMATS = ['ftm', 'csl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportOptions {
  /** Plan and compare only; write nothing. @default false */
  dryRun?: boolean;
  /** Any bad row stops the import before anything is written. @default false */
  strict?: boolean;
  /** Records per UNWIND batch; each batch is its own transaction. @default 500 */
  batchSize?: number;
  /** CSL only: the file's date, recorded as "listed on or before" for rows without a start date. */
  snapshotDate?: string;
  /** The file's text encoding when it is not UTF-8 (e.g. latin1). @default UTF-8, checked */
  encoding?: string;
  onProgress?: (done: number, total: number) => void;
}

export type WriteImportOptions = Omit<ImportOptions, 'snapshotDate'>;

export interface ImportReport {
  format: ImportFormat;
  file: string;
  rows: number;
  /** Rows of the file that gave at least one valid record; 0 means the file held nothing to import. */
  validRows: number;
  skipped: Record<string, number>;
  /** Bad rows, left out (or, with --strict, the reason nothing was written). */
  issues: ValidationIssue[];
  /** Reported only: dangling references, values dropped, facts not made. */
  warnings: ValidationIssue[];
  decisions: MergeDecision[];
  nodes: ChangeCount[];
  relationships: ChangeCount[];
  /** Records written (0 on a dry run, and on a second run of the same file). */
  written: number;
}

/**
 * Imports one file: read and map it, resolve its parties against the graph, validate everything against the
 * model, compare with the graph, then write only what changes, in UNWIND batches of their own transactions.
 * Every write is a MERGE on ids and the plan is a function of the file and the graph, so a run that was killed
 * half-way is completed by running it again, and a second run writes nothing.
 */
export async function runImport(
  db: Database,
  format: ImportFormat,
  file: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const text = { encoding: options.encoding };
  const mapped: MappedImport =
    format === 'ftm'
      ? await mapFtmFile(file, text)
      : await mapCslFile(file, {
          ...text,
          ...(options.snapshotDate ? { snapshotDate: options.snapshotDate } : {}),
        });
  return importMapped(db, mapped, file, options);
}

/** The part of an import after reading the file, for callers (sync) that read and check it themselves. */
export async function importMapped(
  db: Database,
  mapped: MappedImport,
  file: string,
  options: WriteImportOptions = {},
): Promise<ImportReport> {
  const format = mapped.format;
  if (options.strict && mapped.issues.length > 0) throw new InvalidRecordsError(mapped.issues);
  // A dry run too: the graph is read through the indexes, and an older graph gets its name keys first.
  await ensureSchema(db);
  const graph = await readGraphState(db, mapped);
  const plan = planImport(mapped, graph);
  const known = await withTypesOf(db, graph.types, referencedIds(plan.records));
  const { nodes, relationships, issues, kept } = validateUntilClean(plan.records, known);
  if (options.strict && issues.length > 0) throw new InvalidRecordsError(issues);
  const diff = await diffAgainstGraph(db, { nodes, relationships });
  const report: ImportReport = {
    format,
    file,
    rows: mapped.rows,
    // Sources are made for rows, not read from them.
    validRows: new Set(
      kept.filter((record) => record.data.type !== 'Source').map((record) => record.origin.position),
    ).size,
    skipped: mapped.skipped,
    issues: [...mapped.issues, ...issues],
    warnings: plan.warnings,
    decisions: plan.decisions,
    nodes: diff.nodeCounts,
    relationships: diff.relationshipCounts,
    written: 0,
  };
  // A file with no valid row writes nothing at all, not even the sources its rows would have cited.
  if (options.dryRun || report.validRows === 0) return report;
  const batches = planBatches(diff, options.batchSize ?? 500);
  const total = diff.nodes.length + diff.relationships.length;
  for (const batch of batches) {
    await db.transaction((tx) => runBatch(tx, batch));
    report.written += batch.rows.length;
    options.onProgress?.(report.written, total);
  }
  return report;
}

/**
 * Validates, drops every record with a problem, and validates again until nothing is left to drop: a record
 * that pointed at a dropped one is dropped in the next round, so nothing half-made is written.
 */
export function validateUntilClean(
  records: RawRecord[],
  known: ReadonlyMap<string, string>,
): {
  nodes: NodeRecord[];
  relationships: RelationshipRecord[];
  issues: ValidationIssue[];
  /** The records that passed. */
  kept: RawRecord[];
} {
  const issues: ValidationIssue[] = [];
  let remaining = records;
  for (;;) {
    const result = validateRecords(remaining, known);
    if (result.issues.length === 0) {
      // The writer keeps each relationship's id among its properties; the diff compares against that.
      const relationships = result.relationships.map((rel) => ({
        ...rel,
        properties: { id: rel.id, ...rel.properties },
      }));
      return { nodes: result.nodes, relationships, issues, kept: remaining };
    }
    issues.push(...result.issues);
    const bad = new Set(result.issues.map(issueKey));
    const before = remaining.length;
    remaining = remaining.filter(
      (record) =>
        !bad.has(issueKey({ ...record.origin, recordId: idOf(record) })) &&
        !bad.has(issueKey({ ...record.origin, recordId: undefined })),
    );
    if (remaining.length === before) throw new InvalidRecordsError(result.issues);
  }
}

function idOf(record: RawRecord): string | undefined {
  return typeof record.data.id === 'string' ? record.data.id : undefined;
}

function issueKey(issue: { file: string; position: number; recordId: string | undefined }): string {
  return `${issue.file}|${issue.position}|${issue.recordId ?? ''}`;
}
