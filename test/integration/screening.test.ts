import { describe, expect, it } from 'vitest';
import { useSeededServer } from '../helpers/seeded-server.js';

const context = useSeededServer();
const server = () => context.server();

const SCREEN_ENTRIES = `query S($entries: [ScreeningInput!]!) {
  screenEntries(entries: $entries, asOf: "2026-12-01") {
    input verdict incompleteLists { id }
    matches {
      entity { id name } score matchedName needsReview restricted
      explanation {
        summary matchedName matchedAlias derivedForm method conversion identifier
        tokens { token matched similarity weight }
        country { given entity agrees }
        contributions { feature points description }
      }
    }
  }
}`;

interface Explanation {
  summary: string;
  matchedName: string;
  matchedAlias: boolean;
  derivedForm: string | null;
  method: string;
  conversion: string | null;
  identifier: string | null;
  tokens: { token: string; matched: string | null; similarity: number; weight: number }[];
  country: { given: string; entity: string | null; agrees: boolean | null } | null;
  contributions: { feature: string; points: number; description: string }[];
}
interface Result {
  input: string;
  verdict: string;
  incompleteLists: { id: string }[];
  matches: {
    entity: { id: string; name: string };
    score: number;
    matchedName: string;
    needsReview: boolean;
    restricted: boolean;
    explanation: Explanation;
  }[];
}
type Entry = { name?: string; country?: string; identifiers?: { scheme: string; value: string }[] };

async function screen(entries: Entry[]): Promise<Result[]> {
  const result = await server().graphql<{ screenEntries: Result[] }>(SCREEN_ENTRIES, { entries });
  expect(result.errors).toBeUndefined();
  return result.data!.screenEntries;
}

const screenOne = async (entry: Entry) => (await screen([entry]))[0]!;

describe('screenEntries: names', () => {
  it('finds SZ DJI Technology from "DJI" alone, restricted, and says which tokens carried it', async () => {
    const result = await screenOne({ name: 'DJI' });
    expect(result.verdict).toBe('RESTRICTED');
    const [best] = result.matches;
    expect(best!.entity.id).toBe('dji');
    expect(best!.needsReview).toBe(false);
    expect(best!.explanation.tokens).toEqual([
      expect.objectContaining({ token: 'dji', matched: 'dji', similarity: 1 }),
    ]);
    expect(best!.explanation.tokens[0]!.weight).toBeGreaterThan(0.5);
    // The §1260H editions give "DJI" as one of the list's spellings, so the alias matches whole; the
    // explanation names whichever name or alias carried the match.
    expect(best!.explanation.matchedName).toBe(best!.matchedName);
    expect(best!.explanation.summary).toContain(`"${best!.matchedName}"`);
  });

  it.each([
    ['華為技術有限公司', 'huawei', '华为技术有限公司', 'traditional Chinese characters read as simplified'],
    ['华为', 'huawei', '华为', null],
    ['Huawei Jishu', 'huawei', '华为技术有限公司', 'pinyin of 华为技术有限公司'],
    ['Haikang Weishi', 'hikvision', '海康威视', 'pinyin of 海康威视'],
  ])('finds %s as %s through the alias %s', async (name, id, alias, conversion) => {
    const result = await screenOne({ name });
    expect(result.verdict).toBe('RESTRICTED');
    const [best] = result.matches;
    expect(best).toMatchObject({ entity: { id }, matchedName: alias, needsReview: false });
    expect(best!.explanation).toMatchObject({ matchedName: alias, matchedAlias: true, conversion });
  });

  it('matches a one- or two-character Chinese query whole: 大疆 does not find 大华 (Dahua)', async () => {
    const result = await screenOne({ name: '大疆' });
    expect(result.matches.map((match) => match.entity.id)).not.toContain('dahua');
    expect(result.verdict).toBe('NO_MATCH');
  });

  it.each(['China Construction Bank', 'Technology Group Holdings Ltd', 'Mobile Communications'])(
    'gives NO_MATCH for %s, which shares only generic words with listed companies',
    async (name) => {
      const result = await screenOne({ name });
      expect(result.matches).toEqual([]);
      expect(result.verdict).toBe('NO_MATCH');
    },
  );

  it('does not mind word order, punctuation, case or diacritics', async () => {
    const results = await screen([
      { name: 'technologies huawei CO LTD' },
      { name: 'Huáwéi  Technologies, Co.' },
    ]);
    for (const result of results) {
      expect(result.matches[0]).toMatchObject({ entity: { id: 'huawei' }, score: 1 });
      expect(result.matches[0]!.explanation.method).toBe('SAME_NAME');
    }
  });

  it('names the matched alias in every explanation, and the contributions add up to the score', async () => {
    const results = await screen([
      { name: 'Hikvision' },
      { name: 'HIKVISON DIGITAL TECHNOLOGY' },
      { name: 'ZTE' },
      { name: 'China Mobile Communications' },
      { name: 'Dahau Technology', country: 'CN' },
    ]);
    for (const result of results) {
      expect(result.matches.length).toBeGreaterThan(0);
      for (const match of result.matches) {
        expect(match.explanation.matchedName).toBe(match.matchedName);
        expect(match.explanation.summary).toContain(match.matchedName);
        const total = match.explanation.contributions.reduce((sum, part) => sum + part.points, 0);
        expect(total).toBeCloseTo(match.score, 2);
      }
    }
  });

  it('says which lists it cannot vouch for: exactly those whose coverage the API calls incomplete', async () => {
    const result = await screenOne({ name: 'Acme Garden Furniture Ltd' });
    expect(result.verdict).toBe('NO_MATCH');
    const answer = await server().graphql<{ lists: { id: string; coverage: { complete: boolean } }[] }>(
      '{ lists { id coverage { complete } } }',
    );
    const incomplete = answer.data!.lists.filter((list) => !list.coverage.complete).map((list) => list.id);
    expect(incomplete).toContain('bis-entity-list');
    expect(result.incompleteLists.map((list) => list.id).sort()).toEqual(incomplete.sort());
  });

  it('stops naming a list as held in part once a whole-list sync covers it, and names it again without', async () => {
    const db = context.db();
    await db.write(`
      MATCH (l:RestrictedList {id: 'bis-entity-list'})
      CREATE (s:Node:ListSnapshot {id: 'test-snapshot-whole-bis-entity-list', feed: 'csl', url: 'https://example.test/csl.json',
              fetchedAt: '2026-12-01T00:00:00Z', fetchedOn: date('2026-12-01'), rows: 1, sha256: 'x', file: 'x',
              complete: true, sources: []})-[:COVERS]->(l)`);
    try {
      const synced = await screenOne({ name: 'Acme Garden Furniture Ltd' });
      expect(synced.incompleteLists.map((list) => list.id)).not.toContain('bis-entity-list');
    } finally {
      await db.write(`MATCH (s:ListSnapshot {id: 'test-snapshot-whole-bis-entity-list'}) DETACH DELETE s`);
    }
    const again = await screenOne({ name: 'Acme Garden Furniture Ltd' });
    expect(again.incompleteLists.map((list) => list.id)).toContain('bis-entity-list');
  });
});

describe('screenEntries: identifiers and country', () => {
  it.each([
    ['USCC', '91330000733796106P', 'hikvision'],
    ['ISIN', 'cne100000pm8', 'hikvision'],
    ['CSL', '33111', 'dji'],
    ['TICKER', '002415  cn', 'hikvision'],
  ])('finds the entity holding %s %s whatever the name says', async (scheme, value, id) => {
    const result = await screenOne({ name: 'Totally Different Name Ltd', identifiers: [{ scheme, value }] });
    expect(result.matches.map((match) => match.entity.id)).toEqual([id]);
    expect(result.matches[0]).toMatchObject({ score: 1, needsReview: false });
    expect(result.matches[0]!.explanation).toMatchObject({
      method: 'IDENTIFIER',
      identifier: expect.stringMatching(new RegExp(`^${scheme}:`)),
    });
    expect(result.verdict).toBe('RESTRICTED');
  });

  it('screens an entry with only an identifier', async () => {
    const result = await screenOne({ identifiers: [{ scheme: 'csl', value: '30947' }] });
    expect(result.matches[0]!.entity.id).toBe('huawei');
    expect(result.input).toBe('CSL:30947');
  });

  it('falls back to the name when the identifier is not in the graph', async () => {
    const result = await screenOne({
      name: 'Hikvision',
      identifiers: [{ scheme: 'LEI', value: '0000NOTHELD0000' }],
    });
    expect(result.matches[0]!.entity.id).toBe('hikvision');
    expect(result.matches[0]!.explanation.method).not.toBe('IDENTIFIER');
  });

  it('lowers the score when the country contradicts the entity, and sends an exact name to review', async () => {
    const [agrees, contradicts, named] = await screen([
      { name: 'Zhejiang Dahua Technology', country: 'CN' },
      { name: 'Zhejiang Dahua Technology', country: 'France' },
      { name: 'Zhejiang Dahua Technology' },
    ]);
    const dahua = (result: Result) => result.matches.find((match) => match.entity.id === 'dahua')!;
    expect(dahua(agrees!).score).toBe(dahua(named!).score);
    expect(dahua(contradicts!).score).toBeLessThan(dahua(agrees!).score);
    expect(dahua(contradicts!).explanation.country).toEqual({ given: 'FR', entity: 'CN', agrees: false });
    expect(dahua(contradicts!).explanation.contributions).toContainEqual(
      expect.objectContaining({ feature: 'country', points: -0.15 }),
    );
    expect(dahua(agrees!).explanation.country).toEqual({ given: 'CN', entity: 'CN', agrees: true });
  });

  it('gives POSSIBLE_MATCH for a score in the review band', async () => {
    const result = await screenOne({ name: 'Zhejiang Dahua Technology', country: 'FR' });
    const dahua = result.matches.find((match) => match.entity.id === 'dahua')!;
    expect(dahua.needsReview).toBe(true);
    expect(dahua.score).toBeGreaterThanOrEqual(0.75);
    expect(dahua.score).toBeLessThan(0.88);
    expect(result.verdict).toBe('POSSIBLE_MATCH');
  });

  it('gives NOT_RESTRICTED for a matched entity that nothing restricts on the date', async () => {
    const result = await screenOne({ name: 'Xiaomi Corporation' });
    expect(result.matches[0]).toMatchObject({ entity: { id: 'xiaomi' }, restricted: false });
    expect(result.verdict).toBe('NOT_RESTRICTED');
  });
});

describe('screenEntries: bad input', () => {
  it.each([
    ['an empty entry', [{ name: 'Hikvision' }, {}], 'entries[1]'],
    ['a blank name and no identifiers', [{ name: '  ', identifiers: [] }], 'entries[0]'],
    ['an unknown country', [{ name: 'Hikvision', country: 'Atlantis' }], 'entries[0].country'],
    [
      'an unknown scheme',
      [{ identifiers: [{ scheme: 'not a scheme', value: '1' }] }],
      'entries[0].identifiers[0].scheme',
    ],
    [
      'a blank identifier',
      [{ identifiers: [{ scheme: 'LEI', value: ' ' }] }],
      'entries[0].identifiers[0].value',
    ],
    ['501 entries', Array.from({ length: 501 }, () => ({ name: 'x' })), 'entries'],
  ])('refuses %s with BAD_USER_INPUT naming %s', async (_, entries, argument) => {
    const result = await server().graphql(SCREEN_ENTRIES, { entries });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(result.errors![0]!.message).toContain(argument);
  });
});
