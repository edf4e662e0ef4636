/** East Asian wide characters take two terminal columns (Chinese names must not break the alignment). */
const WIDE =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/gu;

/** How many terminal columns a text takes. */
export function displayWidth(text: string): number {
  return [...text].length + (text.match(WIDE)?.length ?? 0);
}

/**
 * A plain-text table: a header row, a rule, and left-aligned columns (right-aligned when every value in the
 * column is a number, such as scores).
 */
export function renderTable(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((header, column) =>
    Math.max(displayWidth(header), ...rows.map((row) => displayWidth(row[column] ?? ''))),
  );
  const numeric = headers.map(
    (_, column) => rows.length > 0 && rows.every((row) => /^-?[\d.]+( ?%)?$/.test(row[column] ?? '')),
  );
  const pad = (cell: string, column: number) => {
    const fill = ' '.repeat(widths[column]! - displayWidth(cell));
    return numeric[column] ? fill + cell : cell + fill;
  };
  const line = (cells: string[]) => cells.map(pad).join('  ').trimEnd();
  return [line(headers), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)];
}
