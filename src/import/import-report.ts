import { printable } from '../model/values.js';
import type { ValidationIssue } from '../records/records.js';
import type { ChangeCount } from './graph-diff.js';
import type { ImportReport } from './run-import.js';

/** The import report as text: what changed (or would), every merge decision with its reason, every problem. */
export function formatImportReport(report: ImportReport, dryRun: boolean): string {
  const merged = report.decisions.filter((decision) => decision.outcome === 'MERGED');
  const same = report.decisions.filter((decision) => decision.outcome === 'SAME');
  const possible = report.decisions.filter((decision) => decision.possible.length > 0);
  const lines = [
    `${report.file}: ${report.rows} rows read (${report.format})`,
    ...Object.entries(report.skipped).map(
      ([kind, count]) => `  skipped ${count} × ${kind} (not in the model)`,
    ),
    '',
    dryRun ? 'Would change (dry run, nothing written):' : `Written: ${report.written} records`,
    table('Nodes', report.nodes),
    table('Relationships', report.relationships),
    '',
    `Entity resolution: ${report.decisions.length} parties; ${report.decisions.length - merged.length - same.length} new, ` +
      `${merged.length} merged into existing parties, ${same.length} already imported, ` +
      `${possible.length} kept apart but linked POSSIBLY_SAME_AS`,
    ...merged.map(
      (decision) =>
        `  MERGE ${position(decision.origin)} "${decision.name}" → ${decision.targetId}: ${decision.reason}`,
    ),
    ...possible.flatMap((decision) =>
      decision.possible.map(
        (link) =>
          `  POSSIBLY_SAME_AS ${position(decision.origin)} "${decision.name}" (${decision.targetId}) ~ ${link.id}: ${link.reason}`,
      ),
    ),
  ];
  if (report.issues.length > 0)
    lines.push('', `Bad rows, left out (${report.issues.length}):`, ...report.issues.map(describe));
  if (report.warnings.length > 0)
    lines.push('', `Warnings (${report.warnings.length}):`, ...report.warnings.map(describe));
  return lines.join('\n');
}

/** "file:line (id) field: message", the form editors and terminals turn into links. */
export function describe(issue: ValidationIssue): string {
  const id = issue.recordId ? ` (${printable(issue.recordId)})` : '';
  const field = issue.field ? ` ${printable(issue.field)}:` : ':';
  return `  ${printable(issue.file)}:${issue.position}${id}${field} ${printable(issue.message, 1000)}`;
}

function position(origin: { file: string; position: number }): string {
  return `${origin.file}:${origin.position}`;
}

function table(title: string, counts: ChangeCount[]): string {
  if (counts.length === 0) return `  ${title}: none`;
  return [
    `  ${title.padEnd(22)} ${'create'.padStart(7)} ${'update'.padStart(7)} ${'same'.padStart(7)}`,
    ...counts.map(
      (count) =>
        `    ${count.type.padEnd(20)} ${String(count.create).padStart(7)} ${String(count.update).padStart(7)} ${String(count.unchanged).padStart(7)}`,
    ),
  ].join('\n');
}
