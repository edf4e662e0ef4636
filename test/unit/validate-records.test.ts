import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../src/records/records.js';
import { validateRecords } from '../../src/records/validate.js';

const source = {
  type: 'Source',
  id: 'src',
  url: 'https://example.org/a',
  title: 'A',
  publisher: 'P',
  evidence: 'PRIMARY',
};
const records = (...data: Record<string, unknown>[]) =>
  [source, ...data].map((item, index) => ({
    origin: { file: 'test.json', position: index + 1 },
    data: item,
  }));

describe('validateRecords', () => {
  it('wants a designation of exactly one party or product category', () => {
    const base = [
      { type: 'GovernmentBody', id: 'gov', name: 'Gov', sources: ['src'] },
      { type: 'RestrictedList', id: 'list', name: 'List', keptBy: 'gov', sources: ['src'] },
      { type: 'Company', id: 'maker', name: 'Maker', sources: ['src'] },
      {
        type: 'ProductCategory',
        id: 'drones',
        name: 'Drones',
        originCondition: 'produced abroad',
        sources: ['src'],
      },
    ];
    const designation = (fields: Record<string, unknown>) =>
      validateRecords(
        records(...base, {
          type: 'Designation',
          id: 'd',
          list: 'list',
          listedOn: '2025-12-22',
          sources: ['src'],
          ...fields,
        }),
      ).issues.map((issue) => issue.field);
    expect(designation({ party: 'maker' })).toEqual([]);
    expect(designation({ category: 'drones' })).toEqual([]);
    expect(designation({ party: 'maker', category: 'drones' })).toEqual(['party/category']);
    expect(designation({})).toEqual(['party/category']);
    expect(designation({ category: 'maker' })).toEqual(['category']);
  });

  it('accepts a sourced company and turns references into relationships', () => {
    const result = validateRecords(
      records(
        { type: 'GovernmentBody', id: 'gov', name: 'Gov', sources: ['src'] },
        {
          type: 'LegalInstrument',
          id: 'law',
          name: 'Law',
          kind: 'STATUTE',
          citation: 'L 1',
          issuedBy: 'gov',
          sources: ['src'],
        },
      ),
    );
    expect(result.issues).toEqual([]);
    expect(result.relationships).toEqual([
      expect.objectContaining({ type: 'ISSUED_BY', from: 'law', to: 'gov', id: 'law:issuedBy:gov' }),
    ]);
  });

  it.each([
    [{ type: 'Spaceship', id: 'x' }, 'type', /unknown type/],
    [{ type: 'Company', id: 'x', name: 'X', sources: ['src'], colour: 'red' }, 'colour', /not a field/],
    [{ type: 'Company', id: 'x', name: 'X', country: 'China', sources: ['src'] }, 'country', /alpha-2/],
    [{ type: 'Company', id: 'x', name: 'X', sources: ['nope'] }, 'sources', /not a Source/],
    [{ type: 'OWNS', from: 'src', to: 'src', sources: ['src'] }, 'from', /a Source; OWNS goes from/],
    [{ type: 'Company', id: 'bad id!', name: 'X', sources: ['src'] }, 'id', /slug/],
  ])('names the field of a bad record: %j', (record, field, message) => {
    const [issue] = validateRecords(records(record)).issues;
    expect(issue).toMatchObject({ file: 'test.json', position: 2, field });
    expect(issue!.message).toMatch(message);
  });

  it('finds a duplicate id and a relation that ends before it starts', () => {
    const result = validateRecords(
      records(
        { type: 'Company', id: 'a', name: 'A', sources: ['src'] },
        { type: 'Company', id: 'a', name: 'A again', sources: ['src'] },
        {
          type: 'OWNS',
          from: 'a',
          to: 'a',
          validFrom: '2020-01-01',
          validTo: '2019-01-01',
          sources: ['src'],
        },
      ),
    );
    // The second company's id is taken, a party cannot own itself, and the period runs backwards.
    expect(result.issues.map((issue) => issue.field)).toEqual(['id', 'to', 'validTo']);
  });

  it.each(['OWNS', 'SUBSIDIARY_OF', 'CONTROLS', 'AFFILIATE_OF', 'POSSIBLY_SAME_AS'])(
    'refuses a party in a %s relation with itself',
    (type) => {
      const [issue] = validateRecords(
        records(
          { type: 'Company', id: 'a', name: 'A', sources: ['src'] },
          {
            type,
            from: 'a',
            to: 'a',
            percent: type === 'OWNS' ? 50 : undefined,
            reason: 'x',
            sources: ['src'],
          },
        ),
      ).issues;
      expect(issue).toMatchObject({ field: 'to', position: 3 });
      expect(issue!.message).toMatch(/same as "from"/);
    },
  );

  it.each([
    [
      'a 50 MB title',
      {
        type: 'Source',
        id: 's2',
        url: 'https://e.org',
        title: 'x'.repeat(50e6),
        publisher: 'P',
        evidence: 'PRIMARY',
      },
      'title',
      /at most 5000 characters; got 50000000/,
    ],
    [
      'a 1 MB name',
      { type: 'Company', id: 'c', name: 'n'.repeat(1e6), sources: ['src'] },
      'name',
      /at most 500 characters/,
    ],
    [
      '10,000 aliases',
      {
        type: 'Company',
        id: 'c',
        name: 'C',
        aliases: Array.from({ length: 10_000 }, (_, i) => `a${i}`),
        sources: ['src'],
      },
      'aliases',
      /at most 500 items; got 10000/,
    ],
    [
      'a 1 MB alias',
      { type: 'Company', id: 'c', name: 'C', aliases: ['a'.repeat(1e6)], sources: ['src'] },
      'aliases',
      /at most 500 characters each/,
    ],
    [
      'a 1 MB note',
      { type: 'OWNS', from: 'src', to: 'src', note: 'n'.repeat(1e6), sources: ['src'] },
      'note',
      /at most 5000/,
    ],
    [
      'a 3 kB URL',
      {
        type: 'Source',
        id: 's2',
        url: `https://e.org/${'p'.repeat(3000)}`,
        title: 'T',
        publisher: 'P',
        evidence: 'PRIMARY',
      },
      'url',
      /at most 2000/,
    ],
    [
      'an impossible date',
      { type: 'Designation', id: 'd', listedOn: '2021-02-30', party: 'src', list: 'src', sources: ['src'] },
      'listedOn',
      /YYYY-MM-DD; got "2021-02-30"/,
    ],
    [
      'a percentage over 100',
      { type: 'OWNS', from: 'src', to: 'src', percent: 150, sources: ['src'] },
      'percent',
      /0 to 100; got 150/,
    ],
    [
      'a lower-case country',
      { type: 'Company', id: 'c', name: 'C', country: 'cn', sources: ['src'] },
      'country',
      /alpha-2/,
    ],
  ])("holds seeds, imports and curation to the model's limits: %s", (_, record, field, message) => {
    const issues = validateRecords(records(record as Record<string, unknown>)).issues;
    const issue = issues.find((candidate) => candidate.field === field);
    expect(issue, JSON.stringify(issues).slice(0, 300)).toBeDefined();
    expect(issue!.message).toMatch(message);
    expect(issue!.message.length).toBeLessThan(300);
  });

  it('keeps control characters of a hostile value out of the message', () => {
    const [issue] = validateRecords(
      records({ type: 'Company', id: 'c', name: 'C', country: '\u0000\u202eNC\u001b[31m', sources: ['src'] }),
    ).issues;
    expect(describeIssue(issue!)).not.toMatch(/[\p{Cc}\u202e]/u);
    expect(describeIssue(issue!)).toContain('NC[31m');
  });
});
