// @ts-check
// A plain ES module, not TypeScript: the explorer runs this same file in the browser (the service serves it, and
// the explorer's import map points csv-stringify at the package's browser build).
import { stringify } from 'csv-stringify/sync';

/** @typedef {string | number | boolean | null | undefined} CsvCell */

/** @type {import('csv-stringify/sync').Options} */
const OPTIONS = {
  record_delimiter: 'windows',
  // OWASP's CSV injection advice: a text cell beginning with =, +, -, @, a tab or a carriage return (or their
  // full-width forms) gets a leading single quote, so a spreadsheet shows it as text instead of running it.
  escape_formulas: true,
  cast: { boolean: (value) => String(value) },
};

/**
 * The project's one CSV writer (the service's export, the CLI's screening report, the explorer's download):
 * RFC 4180 with CRLF line ends, fields quoted only when they hold a comma, quote or line break, and formula-safe.
 * A neutralised cell keeps its text after the added quote. Numbers stay numbers: a JavaScript number such as -5
 * cannot be a formula, so it is written as it is, while text that merely looks like one ("-5", "-1+cmd|' /C calc'!A0")
 * is neutralised; columns meant to stay numeric pass numbers, not formatted strings.
 *
 * @param {readonly (readonly CsvCell[])[]} rows
 * @returns {string}
 * @example
 * csvDocument([['name', 'percent'], ['=HYPERLINK("x")', -5]]); // "name,percent\r\n\"'=HYPERLINK(\"\"x\"\")\",-5\r\n"
 */
export function csvDocument(rows) {
  return stringify(/** @type {CsvCell[][]} */ (rows), OPTIONS);
}

/**
 * One record of {@link csvDocument}, with its line end, for writers that stream row by row.
 *
 * @param {readonly CsvCell[]} cells
 * @returns {string}
 */
export function csvRecord(cells) {
  return csvDocument([cells]);
}
