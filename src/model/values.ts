/**
 * What a well-formed value of the model is: ids, calendar dates, points in time, percentages, country codes,
 * and how long a text or a list may be. Record validation (src/records/validate.ts) and the GraphQL scalars and
 * arguments (src/graphql) both ask these, so a value the API accepts is one a seed file may hold, and back.
 */

/** A readable slug: letters, digits and . _ : - , starting with a letter or digit. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

export const COUNTRY_CODE = /^[A-Z]{2}$/;

/**
 * Length limits. Neo4j refuses index keys of more than about 8 kB and a client can otherwise make the service
 * store and echo megabytes, so every text has a bound; the bounds sit well above anything a real source holds
 * (the seeds' longest note is under 500 characters, OpenSanctions' longest notes about 1,400).
 */
export const LIMITS = {
  /** Characters of an id. */
  id: 200,
  /** Characters of a one-line value: a name, an alias, a citation, a publisher, a role, a search text. */
  line: 500,
  /** Characters of free text: a description, a title, a note, a curator's reason. */
  text: 5_000,
  /** Characters of a URL. */
  url: 2_000,
  /** Items of a list value: aliases, identifiers, addresses, sources. */
  listItems: 500,
} as const;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** A calendar date written YYYY-MM-DD that exists (no 2021-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * A point in time as RFC 3339 writes it: date, `T`, time to the second (fractions allowed), and `Z` or an
 * offset. Looser forms that `Date.parse` takes ("1", "March 7 2021") and impossible dates are not.
 */
export function isIsoDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_TIME.exec(value);
  return match !== null && isIsoDate(match[1]);
}

/** A share of equity: a finite number from 0 to 100. */
export function isPercent(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
}

export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && COUNTRY_CODE.test(value);
}

/**
 * Control characters (NUL, escapes, bidirectional overrides) taken out of text that goes into a message, so a
 * hostile value cannot garble a terminal or a log; what is left is cut to a readable length.
 */
export function printable(text: string, max = 120): string {
  const clean = text.replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '');
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

/** A value quoted for a message: JSON for non-strings, control characters replaced, long values cut. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(printable(value)) : JSON.stringify(value);
  return printable(text ?? String(value), 160);
}
