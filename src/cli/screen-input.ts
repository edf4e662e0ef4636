import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './command.js';
import { CsvError, readCsv } from '../formats/csv-reader.js';

/** Column headers taken as "the name column" when --column is not given, in order of preference. */
const NAME_HEADERS = ['name', 'company', 'company name', 'entity', 'entity name', 'supplier', 'vendor'];

/** A file whose contents cannot be screened: missing, empty, or without the column asked for. */
export class ScreenInputError extends Error {}

/**
 * The names to screen: from a CSV file (first row is the header; the column named by --column, else a column
 * called name, company, ..., else the first) or, when the arguments are not one existing file, the arguments.
 */
export async function readScreenInput(
  positionals: string[],
  column: string | undefined,
  cwd = process.cwd(),
): Promise<string[]> {
  if (positionals.length === 0) throw new UsageError('Give a CSV file or one or more names to screen.');
  const [first] = positionals;
  const file = path.resolve(cwd, first!);
  const looksLikeFile = positionals.length === 1 && /\.(csv|txt)$/i.test(first!);
  if (looksLikeFile && !fs.existsSync(file)) throw new ScreenInputError(`No such file: ${first}`);
  if (!looksLikeFile || !fs.statSync(file).isFile()) {
    if (column) throw new UsageError('--column applies to a CSV file only.');
    return positionals.map((name) => name.trim()).filter(Boolean);
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
  const index = column
    ? headers.indexOf(column.trim().toLowerCase())
    : Math.max(
        0,
        headers.findIndex((cell) => NAME_HEADERS.includes(cell)),
      );
  if (index < 0) {
    throw new ScreenInputError(`${first} has no column "${column}"; its columns are: ${header.join(', ')}`);
  }
  const names = records.map((record) => (record[index] ?? '').trim()).filter(Boolean);
  if (names.length === 0) throw new ScreenInputError(`${first} has no names in column "${header[index]}".`);
  return names;
}
