/**
 * Name normalisation shared by indexing and querying, so that "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD",
 * "Hangzhou Hikvision Digital Technology Co., Ltd." and "hikvision" meet on the same tokens.
 */
const LEGAL_FORMS = new Set([
  'co',
  'company',
  'corp',
  'corporation',
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'plc',
  'gmbh',
  'bv',
  'nv',
  'sa',
  'ag',
  'ab',
  'oy',
  'spa',
  'srl',
  'pte',
  'pty',
  'jsc',
  'ooo',
  'the',
  'of',
  'and',
]);
const CHINESE_LEGAL_FORMS = /(股份有限公司|有限责任公司|有限公司|集团)/g;

/** Lower-case word tokens without punctuation, accents or legal forms. */
export function nameTokens(name: string): string[] {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(CHINESE_LEGAL_FORMS, ' ')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  const tokens = folded.split(' ').filter((token) => token !== '');
  const meaningful = tokens.filter((token) => !LEGAL_FORMS.has(token));
  return meaningful.length > 0 ? meaningful : tokens;
}

export function normalizeName(name: string): string {
  return nameTokens(name).join(' ');
}
