import type { Source } from '../../operations/answers.js';

/**
 * Numbers sources as footnotes: `cite(sources)` returns markers such as "[1][2]" (a source cited twice keeps its
 * number), and `lines()` the footnotes with evidence grade, title, publisher, date and URL.
 */
export class Citations {
  private readonly numbers = new Map<string, number>();
  private readonly sources: Source[] = [];

  cite(sources: readonly Source[]): string {
    const markers = sources.map((source) => {
      let number = this.numbers.get(source.url + source.title);
      if (number === undefined) {
        this.sources.push(source);
        number = this.sources.length;
        this.numbers.set(source.url + source.title, number);
      }
      return `[${number}]`;
    });
    return [...new Set(markers)].join('');
  }

  /** Whether a source already has a number. */
  has(source: Source): boolean {
    return this.numbers.has(source.url + source.title);
  }

  lines(): string[] {
    return this.sources.map(
      (source, index) =>
        `[${index + 1}] ${source.evidence.padEnd(9)} ${source.title} — ${source.publisher}` +
        `${source.date ? `, ${source.date}` : ''}  ${source.url}`,
    );
  }

  /** The footnotes under a "Sources:" heading after a blank line, or nothing when nothing was cited. */
  section(): string[] {
    const lines = this.lines();
    return lines.length > 0 ? ['', 'Sources:', ...lines.map((line) => `  ${line}`)] : [];
  }
}
