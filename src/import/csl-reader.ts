import path from 'node:path';
import { InvalidRecordsError, type RecordOrigin, type ValidationIssue } from '../records/records.js';
import { readTextFile, type TextOptions } from '../records/text-file.js';
import { CsvError, readCsv } from '../formats/csv-reader.js';

/** One CSL entry in the column names of the CSV (the JSON API's nested values are flattened to them). */
export interface CslRow {
  origin: RecordOrigin;
  fields: Record<string, string>;
}

/** Columns every CSL format has; the current CSV adds `_id` in front. */
const REQUIRED_COLUMNS = ['source', 'name'];

/**
 * Reads a Consolidated Screening List file: the CSV (the current 29-column format with `_id`, or the older one
 * without) or the JSON of the trade.gov API (`{"results": [...]}` or a bare array). Rows come out one at a time;
 * problems with the file as a whole are thrown, problems with a row are left to the mapper.
 */
export async function* readCsl(
  file: string,
  issues: ValidationIssue[],
  options: TextOptions = {},
): AsyncGenerator<CslRow> {
  const name = path.basename(file);
  if (/\.json$/i.test(file)) {
    yield* readCslJson(file, name, issues, options);
    return;
  }
  let header: string[] | undefined;
  try {
    for await (const row of readCsv(file, options)) {
      if (!header) {
        header = row.cells.map((cell) => cell.trim());
        const missing = REQUIRED_COLUMNS.filter((column) => !header?.includes(column));
        if (missing.length > 0) {
          throw fileProblem(name, 1, `not a CSL file; missing column(s) ${missing.join(', ')}`);
        }
        continue;
      }
      const origin = { file: name, position: row.line };
      if (row.cells.length !== header.length) {
        issues.push({
          file: name,
          position: row.line,
          recordId: undefined,
          field: undefined,
          message: `has ${row.cells.length} columns; the header has ${header.length}`,
        });
        continue;
      }
      const fields: Record<string, string> = {};
      header.forEach((column, index) => (fields[column] = row.cells[index] ?? ''));
      yield { origin, fields };
    }
  } catch (error) {
    // A file that cannot be read as CSV is invalid input (exit 3), with its line.
    if (error instanceof CsvError) throw fileProblem(name, error.line, error.message);
    throw error;
  }
}

function fileProblem(file: string, position: number, message: string): InvalidRecordsError {
  return new InvalidRecordsError([{ file, position, recordId: undefined, field: undefined, message }]);
}

async function* readCslJson(
  file: string,
  name: string,
  issues: ValidationIssue[],
  options: TextOptions,
): AsyncGenerator<CslRow> {
  const text = readTextFile(file, options);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw fileProblem(name, 0, `not valid JSON: ${(error as Error).message}`);
  }
  const results = Array.isArray(parsed) ? parsed : (parsed as { results?: unknown } | null)?.results;
  if (!Array.isArray(results))
    throw fileProblem(name, 0, 'expected {"results": [...]} or an array of entries');
  for (const [index, entry] of results.entries()) {
    const origin = { file: name, position: index + 1 };
    if (typeof entry !== 'object' || entry === null) {
      issues.push({ ...issueAt(origin), message: 'is not an object' });
      continue;
    }
    yield { origin, fields: flattenApiEntry(entry as Record<string, unknown>) };
  }
}

/** The API gives lists and objects where the CSV has "; "-joined text; this writes them the CSV's way. */
function flattenApiEntry(entry: Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'id' && entry._id === undefined) fields._id = String(value);
    if (value === null || value === undefined) fields[key] = '';
    else if (key === 'addresses' && Array.isArray(value)) fields.addresses = value.map(apiAddress).join('; ');
    else if (key === 'ids' && Array.isArray(value)) fields.ids = value.map(apiIdentifier).join('; ');
    else if (Array.isArray(value)) fields[key] = value.map(String).join('; ');
    else fields[key] = String(value);
  }
  return fields;
}

function apiAddress(address: unknown): string {
  if (typeof address !== 'object' || address === null) return String(address);
  const { address: street, city, state, postal_code, country } = address as Record<string, unknown>;
  return [street, city, state, postal_code, country].filter((part) => part).join(', ');
}

function apiIdentifier(id: unknown): string {
  if (typeof id !== 'object' || id === null) return String(id);
  const { type, number, country } = id as Record<string, unknown>;
  return [type, number, country].filter((part) => part).join(', ');
}

function issueAt(origin: RecordOrigin): Omit<ValidationIssue, 'message'> {
  return { file: origin.file, position: origin.position, recordId: undefined, field: undefined };
}
