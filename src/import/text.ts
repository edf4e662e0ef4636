import { createHash } from 'node:crypto';
import { isCountryCode } from '../model/values.js';
import { namesWithin } from '../names/name-parts.js';

/**
 * Small text rules shared by the importers: list sources join values with "; " (and sometimes "; and "), carry
 * stray whitespace and control characters, and need stable ASCII ids.
 */

/** Trims, folds runs of whitespace (including non-breaking spaces) and drops control characters. */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/[\s\u00a0\u2000-\u200b\u3000]+/g, ' ')
    .trim();
}

/** Splits a "; "-joined field, dropping a leading "and " that lists put before their last item. */
export function splitJoined(value: unknown): string[] {
  const text = cleanText(value);
  if (text === '') return [];
  return unique(
    text
      .split(/\s*;\s*/)
      .map((part) => part.replace(/^and\s+/i, '').trim())
      .filter((part) => part !== ''),
  );
}

/** Distinct values in first-seen order. */
export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** A lower-case ASCII slug ("China Electronics Tech. (CETC 13)" → "china-electronics-tech-cetc-13"), possibly empty. */
export function slugify(text: string, maxLength = 48): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '');
}

/** A short, stable hex digest for ids built from text that may not be ASCII. */
export function shortHash(text: string, length = 10): string {
  return createHash('sha1').update(text).digest('hex').slice(0, length);
}

/** An id made of a prefix, a readable slug of the name where there is one, and a stable digest of the key. */
export function readableId(prefix: string, name: string, key: string): string {
  const slug = slugify(name);
  return slug ? `${prefix}-${slug}-${shortHash(key)}` : `${prefix}-${shortHash(key)}`;
}

/** An ISO 3166 alpha-2 code in upper case, or undefined when the value is not one. */
export function countryCode(value: unknown): string | undefined {
  const text = cleanText(value).toUpperCase();
  return isCountryCode(text) ? text : undefined;
}

/** The earliest of a list of ISO dates (partial dates such as "2019" or "2019-05" are ignored). */
export function earliestDate(values: readonly string[]): string | undefined {
  return values.filter((value) => /^\d{4}-\d{2}-\d{2}$/.test(value)).sort()[0];
}

/** Cuts long free text (programme titles, notes) to a readable length. */
export function shorten(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Names with the names written inside them: "Shenzhen DJI Technology Co., Ltd. (DJI)" also gives "DJI" and the
 * name without the bracket, "Foo Ltd. (formerly Bar Ltd.)" gives "Bar Ltd.", so both become aliases on import.
 */
export function withNamesWithin(names: readonly string[]): string[] {
  return unique(names.flatMap((name) => [name, ...namesWithin(name).map((part) => part.name)]));
}
