import { describe, expect, it } from 'vitest';
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
    expect(result.issues.map((issue) => issue.field)).toEqual(['id', 'validTo']);
  });
});
