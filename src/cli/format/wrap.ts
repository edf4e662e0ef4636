/** Width of wrapped prose (rules, explanations) in human output; tables and trees are never wrapped. */
export const TEXT_WIDTH = 100;

/**
 * Wraps prose at word boundaries so that every line, indent included, fits in `width`; a word longer than the
 * line (a URL) gets a line of its own.
 */
export function wrap(text: string, indent: string, width = TEXT_WIDTH, firstIndent = indent): string[] {
  const lines: string[] = [];
  let line = firstIndent;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines;
}
