import fs from 'node:fs';

export interface CsvRow {
  /** 1-based line of the file on which the row starts (a quoted field may span lines). */
  line: number;
  cells: string[];
}

/**
 * Streams an RFC 4180 CSV file row by row: quoted fields with doubled quotes, commas and line breaks inside
 * quotes, CRLF or LF endings, an optional UTF-8 byte order mark. An unterminated quote at the end of the file is
 * reported on the row's first line.
 */
export async function* readCsv(file: string): AsyncGenerator<CsvRow> {
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let rowLine = 1;
  let first = true;
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    let text = chunk as string;
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    for (let i = 0; i < text.length; i += 1) {
      const char = text[i];
      if (quoted) {
        if (char === '"') {
          quoted = false;
          afterQuote = true;
        } else {
          if (char === '\n') line += 1;
          cell += char;
        }
        continue;
      }
      if (char === '"') {
        // A quote right after a closing quote is an escaped quote ("" inside a quoted field).
        if (afterQuote) cell += '"';
        quoted = true;
        afterQuote = false;
      } else if (char === ',') {
        cells.push(cell);
        cell = '';
        afterQuote = false;
      } else if (char === '\n') {
        cells.push(cell.replace(/\r$/, ''));
        if (!(cells.length === 1 && cells[0] === '')) yield { line: rowLine, cells };
        cells = [];
        cell = '';
        afterQuote = false;
        line += 1;
        rowLine = line;
      } else {
        cell += char;
        afterQuote = false;
      }
    }
  }
  if (quoted) throw new CsvError(rowLine, 'a quoted field is not closed before the end of the file');
  if (cell !== '' || cells.length > 0) {
    cells.push(cell.replace(/\r$/, ''));
    yield { line: rowLine, cells };
  }
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}
