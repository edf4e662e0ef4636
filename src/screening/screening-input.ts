import countries from 'i18n-iso-countries';
import { createRequire } from 'node:module';

/** Country names in English, so a spreadsheet may write "China" as well as CN or CHN. */
countries.registerLocale(createRequire(import.meta.url)('i18n-iso-countries/langs/en.json'));

/** The most rows one request screens, and the longest name. */
export const MAX_ENTRIES = 500;
export const MAX_NAME_LENGTH = 500;
const SCHEME = /^[A-Z][A-Z0-9-]{0,31}$/;

/** One row to screen, as a client sends it. */
export interface ScreeningInput {
  name?: string | null;
  country?: string | null;
  identifiers?: readonly { scheme: string; value: string }[] | null;
}

/** One row to screen, checked: a name or identifiers (SCHEME:value as the graph stores them), a country code. */
export interface ScreeningEntry {
  name: string | null;
  country: string | null;
  identifiers: string[];
}

/** A row that cannot be screened; `argument` is the path of the bad value, e.g. entries[3].country. */
export class InvalidScreeningInput extends Error {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(message);
  }
}

export function parseEntries(inputs: readonly ScreeningInput[], argument = 'entries'): ScreeningEntry[] {
  if (inputs.length > MAX_ENTRIES) {
    throw new InvalidScreeningInput(
      argument,
      `at most ${MAX_ENTRIES} entries per request, got ${inputs.length}`,
    );
  }
  return inputs.map((input, index) => parseEntry(input, `${argument}[${index}]`));
}

function parseEntry(input: ScreeningInput, at: string): ScreeningEntry {
  const name = input.name?.trim() || null;
  if (name && name.length > MAX_NAME_LENGTH) {
    throw new InvalidScreeningInput(`${at}.name`, `must be at most ${MAX_NAME_LENGTH} characters`);
  }
  const identifiers = (input.identifiers ?? []).map((identifier, index) =>
    parseIdentifier(identifier, `${at}.identifiers[${index}]`),
  );
  if (!name && identifiers.length === 0) {
    throw new InvalidScreeningInput(at, 'needs a name or at least one identifier');
  }
  return { name, country: parseCountry(input.country, `${at}.country`), identifiers };
}

function parseIdentifier({ scheme, value }: { scheme: string; value: string }, at: string): string {
  const cleanScheme = scheme.trim().toUpperCase();
  if (!SCHEME.test(cleanScheme)) {
    throw new InvalidScreeningInput(
      `${at}.scheme`,
      `"${scheme}" is not an identifier scheme (letters, digits and "-", e.g. LEI, USCC, ISIN, TICKER, CSL)`,
    );
  }
  const cleanValue = value.trim().replace(/\s+/g, ' ').toUpperCase();
  if (!cleanValue || cleanValue.length > 64) {
    throw new InvalidScreeningInput(`${at}.value`, 'must be 1 to 64 characters');
  }
  return `${cleanScheme}:${cleanValue}`;
}

/** An ISO alpha-2 code from alpha-2, alpha-3 or an English name; null when none is given. */
export function parseCountry(raw: string | null | undefined, at: string): string | null {
  const text = raw?.trim();
  if (!text) return null;
  const code =
    (/^[a-z]{2}$/i.test(text) && countries.isValid(text.toUpperCase()) ? text.toUpperCase() : undefined) ??
    (/^[a-z]{3}$/i.test(text) ? countries.alpha3ToAlpha2(text.toUpperCase()) : undefined) ??
    countries.getAlpha2Code(text, 'en');
  if (!code) {
    throw new InvalidScreeningInput(
      at,
      `"${text}" is not a country (give an ISO code such as CN or a name such as China)`,
    );
  }
  return code;
}
