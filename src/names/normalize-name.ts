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

const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

/**
 * The name's tokens joined by spaces, memoised: an import normalises each name of its file several times (to
 * ask the graph, to resolve, to write its keys), and a large file spends seconds on it otherwise.
 */
export function normalizeName(name: string): string {
  const known = cache.get(name);
  if (known !== undefined) return known;
  const normalised = nameTokens(name).join(' ');
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, normalised);
  return normalised;
}
