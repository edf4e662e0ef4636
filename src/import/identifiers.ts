import { cleanText, splitJoined, unique } from './text.js';

/**
 * Identifiers are stored on parties as "SCHEME:value". This module names the schemes, says which are strong
 * enough to merge on, and translates the identifier fields of FtM and the CSL into them.
 */

/**
 * Schemes that identify one party and no other, so a shared value is enough to merge: registry and market codes
 * and the source ids of the lists themselves (an OpenSanctions id, a CSL `_id`, an OFAC entity number).
 * Tax, VAT and free-text registration numbers are not here: they repeat across countries and registries.
 */
export const STRONG_SCHEMES = new Set([
  'LEI',
  'USCC',
  'ISIN',
  'SZSE',
  'SSE',
  'HKEX',
  'NYSE',
  'NASDAQ',
  'TICKER',
  'OPENSANCTIONS',
  'CSL',
  'OFAC',
  'INN',
  'OGRN',
  'PERMID',
  'SAM-UEI',
  'BIC',
]);

/**
 * Registry schemes where two parties that both have values, none of them shared, are two different parties
 * (a party may carry more than one value when a source merged successor records, as OpenSanctions does).
 */
export const REGISTRY_SCHEMES = new Set(['LEI', 'USCC', 'INN', 'OGRN']);

export function schemeOf(identifier: string): string {
  return identifier.slice(0, identifier.indexOf(':'));
}

export function isStrong(identifier: string): boolean {
  return STRONG_SCHEMES.has(schemeOf(identifier));
}

export function identifier(scheme: string, value: string): string | undefined {
  const clean = cleanText(value);
  return clean ? `${scheme}:${clean}` : undefined;
}

/** FtM identifier properties and the scheme each becomes (both ways: import and export). */
export const FTM_IDENTIFIER_PROPERTIES: Readonly<Record<string, string>> = {
  leiCode: 'LEI',
  uscCode: 'USCC',
  isinCode: 'ISIN',
  ticker: 'TICKER',
  innCode: 'INN',
  ogrnCode: 'OGRN',
  kppCode: 'KPP',
  permId: 'PERMID',
  uniqueEntityId: 'SAM-UEI',
  swiftBic: 'BIC',
  taxNumber: 'TAX',
  vatCode: 'VAT',
  dunsCode: 'DUNS',
};

/** FtM `registrationNumber` carries any other scheme as "SCHEME:value" (our export does so); else it is REG. */
export function fromRegistrationNumber(value: string): string | undefined {
  return /^[A-Z][A-Z0-9-]*:\S/.test(value) ? value : identifier('REG', value);
}

/**
 * OpenSanctions keeps the ids of the source records it merged (`referents`). Some of them are ids of other
 * lists we import: "trade-csl-<_id>" is a CSL row and "ofac-<n>" an OFAC entity number, so a party imported
 * from both sources meets on them.
 */
export function fromOpenSanctionsId(id: string): string[] {
  const found = [`OPENSANCTIONS:${id}`];
  const csl = /^trade-csl-([0-9a-f]{20,64})$/.exec(id);
  if (csl?.[1]) found.push(`CSL:${csl[1]}`);
  const ofac = /^ofac-(\d+)$/.exec(id);
  if (ofac?.[1]) found.push(`OFAC:${ofac[1]}`);
  return found;
}

/** CSL `ids` types that name a registry identifier, and their scheme. Others are skipped or kept by name. */
const CSL_ID_TYPES: ReadonlyArray<[RegExp, string]> = [
  [/unified social credit code/i, 'USCC'],
  [/legal entity number|^lei$/i, 'LEI'],
  [/^isin$/i, 'ISIN'],
  [/swift\/bic|^bic$/i, 'BIC'],
  [/tax id|taxpayer|^inn$/i, 'TAX'],
  [/v\.?a\.?t\.? number/i, 'VAT'],
  [/^(public |business )?registration (id|number)|^registration no/i, 'REG'],
  [/passport/i, 'PASSPORT'],
  [/national id/i, 'NATIONAL-ID'],
];

/** CSL `ids` items that describe rather than identify (sanction notes, contact details, personal traits). */
const CSL_NOT_IDENTIFIERS =
  /gender|e-?mail|website|secondary sanctions|directive|transactions prohibited|phone|nationality|organization (type|established)|additional sanctions|target type|vessel|aircraft|effective date|listing date|subject to/i;

/**
 * Parses the CSL's free-text `ids` ("Passport, 836238033, KP; Gender, Male; Registration ID, C122790"): each
 * "; "-separated item is "type, number[, country]". Items that are not identifiers are skipped.
 */
export function fromCslIds(text: string): string[] {
  const found: string[] = [];
  for (const item of splitJoined(text)) {
    const [rawType = '', rawValue = ''] = item.split(/\s*,\s*/);
    const type = rawType.replace(/:$/, '').trim();
    if (!/\d/.test(rawValue) || CSL_NOT_IDENTIFIERS.test(type)) continue;
    const known = CSL_ID_TYPES.find(([pattern]) => pattern.test(type))?.[1];
    const scheme =
      known ??
      type
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    const value = identifier(scheme || 'ID', rawValue);
    if (value) found.push(value);
  }
  return unique(found);
}
