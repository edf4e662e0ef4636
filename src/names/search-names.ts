import { formsOf } from './name-forms.js';

/**
 * The text indexed for full-text search: every name and alias, as written and normalised, the names written
 * inside them (short names in brackets, former names), and Chinese names in simplified characters and in
 * pinyin, so that each way of writing a query has something to meet.
 */
export function searchNames(name: string, aliases: readonly string[]): string {
  const forms = [name, ...aliases].flatMap(formsOf);
  const texts = forms.flatMap((form) => [form.text, form.tokens.join(' '), form.han]);
  return [...new Set(texts.filter(Boolean))].join(' | ');
}
