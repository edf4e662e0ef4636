import { printable } from '../model/values.js';

/**
 * A record as it stands in a seed or import file, before validation: a node (`type` is a node type) or a
 * relationship (`type` is a relationship type with `from` and `to`). `origin` says where it came from, so that
 * every error can name the file and the record.
 */
export interface RawRecord {
  origin: RecordOrigin;
  data: Record<string, unknown>;
}

export interface RecordOrigin {
  file: string;
  /** 1-based position of the record in its file (or line number for line-based formats). */
  position: number;
}

export interface ValidationIssue {
  file: string;
  position: number;
  recordId: string | undefined;
  field: string | undefined;
  message: string;
}

/** One line naming file, record and field; control characters of hostile input never reach a terminal. */
export function describeIssue(issue: ValidationIssue): string {
  const id = issue.recordId === undefined ? '' : ` (${printable(issue.recordId)})`;
  const field = issue.field ? `, field "${printable(issue.field)}"` : '';
  // Position 0 is the file as a whole (not found, a folder, not JSON).
  const record = issue.position > 0 ? ` record ${issue.position}${id}${field}:` : '';
  return `${printable(issue.file)}:${record} ${printable(issue.message, 1000)}`;
}

export class InvalidRecordsError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(
      `${issues.length} problem(s) found; nothing was written.\n` +
        issues
          .slice(0, 50)
          .map((issue) => `  ${describeIssue(issue)}`)
          .join('\n') +
        (issues.length > 50 ? `\n  ... and ${issues.length - 50} more` : ''),
    );
  }
}
