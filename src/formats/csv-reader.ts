import { Readable } from 'node:stream';
import { CsvError as ParseError, parse } from 'csv-parse';
import { readText, type TextOptions } from '../records/text-file.js';

export interface CsvRow {
  /** 1-based line of the file on which the row starts (a quoted field may span lines). */
  line: number;
  cells: string[];
}

/**
 * The project's one CSV reader (imports, the CLI's screening input). Streams an RFC 4180 file row by row: quoted
 * fields with doubled quotes, commas and line breaks inside quotes, CRLF or LF endings; the text is decoded by
 * readText (byte order marks, UTF-8 checked with file and line, or a named encoding); a stray quote inside
 * an unquoted field is kept as text. Empty lines are skipped; rows may differ in length (the caller names the
 * row that does not fit its header). A quote left open at the end of the file is reported on the row's first
 * line.
 *
 * @example
 * for await (const { line, cells } of readCsv('list.csv')) console.log(line, cells[0]);
 */
export async function* readCsv(file: string, options: TextOptions = {}): AsyncGenerator<CsvRow> {
  const source = Readable.from(readText(file, options));
  const parser = parse({ bom: true, relax_quotes: true, relax_column_count: true, info: true });
  // pipe() does not pass a source's error on: a file readText refuses would leave the reader waiting forever.
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let lastLine = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      // csv-parse counts lines up to the record's end; its first line is that less the breaks inside its cells.
      const breaks = record.reduce((count, cell) => count + cell.split('\n').length - 1, 0);
      lastLine = info.lines;
      if (record.length === 1 && record[0] === '') continue;
      yield { line: info.lines - breaks, cells: record };
    }
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const message =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted field is not closed before the end of the file'
        : error.message;
    throw new CsvError(lastLine + 1, message, { cause: error });
  }
}

/** A file that is not CSV, with the line of the row where reading stopped. */
export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
