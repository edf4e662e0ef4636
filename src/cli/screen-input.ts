import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './command.js';
import { CsvError, readCsv } from '../formats/csv-reader.js';
import { NAME_HEADERS } from '../formats/screening-columns.js';

/** A file whose contents cannot be screened: missing, empty, or without the column asked for. */
export class ScreenInputError extends Error {}

/** One row to screen, as screenEntries takes it. */
export interface ScreenEntry {
  name: string | null;
  country: string | null;
  identifiers: { scheme: string; value: string }[];
}

export interface ScreenColumns {
  /** --column: the name column. */
  name?: string | undefined;
  /** --country-column. */
  country?: string | undefined;
  /** --id-column SCHEME=NAME, repeatable. */
  identifiers?: readonly string[] | undefined;
}

/**
 * The rows to screen: from a CSV file (first row is the header; the name column named by --column, else a column
 * called name, company, ..., else the first; a country and identifier columns when named) or, when the arguments
 * are not one existing file, the arguments as names.
 */
export async function readScreenInput(
  positionals: string[],
  columns: ScreenColumns = {},
  cwd = process.cwd(),
): Promise<ScreenEntry[]> {
  if (positionals.length === 0) throw new UsageError('Give a CSV file or one or more names to screen.');
  const idColumns = (columns.identifiers ?? []).map(idColumn);
  const [first] = positionals;
  const file = path.resolve(cwd, first!);
  const looksLikeFile = positionals.length === 1 && /\.(csv|txt)$/i.test(first!);
  if (looksLikeFile && !fs.existsSync(file)) throw new ScreenInputError(`No such file: ${first}`);
  if (!looksLikeFile || !fs.statSync(file).isFile()) {
    const option = columns.name
      ? '--column'
      : columns.country
        ? '--country-column'
        : idColumns.length
          ? '--id-column'
          : null;
    if (option) throw new UsageError(`${option} applies to a CSV file only.`);
    return positionals
      .map((name) => name.trim())
      .filter(Boolean)
      .map((name) => ({ name, country: null, identifiers: [] }));
  }
  const rows: string[][] = [];
  try {
    for await (const { cells } of readCsv(file))
      if (cells.some((cell) => cell.trim() !== '')) rows.push(cells);
  } catch (error) {
    if (error instanceof CsvError)
      throw new ScreenInputError(`${first}: line ${error.line}: ${error.message}`);
    throw error;
  }
  const [header, ...records] = rows;
  if (!header) throw new ScreenInputError(`${first} is empty.`);
  const headers = header.map((cell) => cell.trim().toLowerCase());
  const columnIndex = (name: string, option: string) => {
    const index = headers.indexOf(name.trim().toLowerCase());
    if (index < 0) {
      throw new ScreenInputError(
        `${first} has no column "${name}" (${option}); its columns are: ${header.join(', ')}`,
      );
    }
    return index;
  };
  const nameIndex = columns.name
    ? columnIndex(columns.name, '--column')
    : Math.max(
        0,
        headers.findIndex((cell) => NAME_HEADERS.includes(cell)),
      );
  const countryIndex = columns.country ? columnIndex(columns.country, '--country-column') : -1;
  const idIndexes = idColumns.map(({ scheme, column }) => ({
    scheme,
    index: columnIndex(column, '--id-column'),
  }));
  const cell = (record: string[], index: number) => (index < 0 ? '' : (record[index] ?? '').trim());
  const entries = records
    .map((record) => ({
      name: cell(record, nameIndex) || null,
      country: cell(record, countryIndex) || null,
      identifiers: idIndexes
        .map(({ scheme, index }) => ({ scheme, value: cell(record, index) }))
        .filter((identifier) => identifier.value !== ''),
    }))
    .filter((entry) => entry.name !== null || entry.identifiers.length > 0);
  if (entries.length === 0) {
    throw new ScreenInputError(`${first} has no names in column "${header[nameIndex]}" and no identifiers.`);
  }
  return entries;
}

/** "LEI=lei_code" → the scheme and the column holding its values. */
function idColumn(option: string): { scheme: string; column: string } {
  const match = /^([A-Za-z][A-Za-z0-9-]*)=(.+)$/.exec(option.trim());
  if (!match) {
    throw new UsageError(
      `--id-column takes SCHEME=COLUMN (e.g. LEI=lei or USCC="credit code"), got "${option}"`,
    );
  }
  return { scheme: match[1]!.toUpperCase(), column: match[2]!.trim() };
}
