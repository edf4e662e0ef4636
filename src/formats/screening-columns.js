// @ts-check
// A plain ES module, not TypeScript: the CLI's `screen` and the explorer's /screen page read a supplier file's
// columns by the same words (the service serves this file to the browser).

/** Column headers taken as the name column when none is named, in order of preference. */
export const NAME_HEADERS = [
  'name',
  'company',
  'company name',
  'entity',
  'entity name',
  'supplier',
  'vendor',
];

/** Column headers taken as the country column. */
export const COUNTRY_HEADERS = [
  'country',
  'country code',
  'country_code',
  'countrycode',
  'nation',
  'jurisdiction',
];

/** Headers that name an identifier scheme in words rather than by its code. */
export const SCHEME_WORDS = /** @type {[RegExp, string][]} */ ([
  [/social credit|credit code/, 'USCC'],
  [/legal entity identifier/, 'LEI'],
  [/stock code|ticker symbol/, 'TICKER'],
]);
