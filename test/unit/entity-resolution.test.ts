import { describe, expect, it } from 'vitest';
import { ResolutionIndex, type IndexedParty } from '../../src/import/entity-resolution.js';

const party = (fields: Partial<IndexedParty> & Pick<IndexedParty, 'id' | 'name'>): IndexedParty => ({
  type: 'Company',
  aliases: [],
  country: undefined,
  identifiers: [],
  ...fields,
});

const graph = () =>
  new ResolutionIndex([
    party({
      id: 'hikvision',
      name: 'Hangzhou Hikvision Digital Technology Co., Ltd.',
      aliases: ['Hikvision'],
      country: 'CN',
      identifiers: ['USCC:91330000733796106P', 'SZSE:002415', 'REG:123'],
    }),
    party({ id: 'zte', name: 'ZTE Corporation', country: 'CN' }),
    party({ id: 'acme-1', name: 'Acme Trading Co., Ltd.', country: 'CN' }),
    party({ id: 'acme-2', name: 'ACME Trading Company Limited', country: 'CN' }),
    party({ id: 'john-smith', type: 'Person', name: 'John Smith', country: 'GB' }),
    party({
      id: 'lei-co',
      name: 'Registry Example Holdings',
      country: 'DE',
      identifiers: ['LEI:529900T8BM49AURSDO55'],
    }),
  ]);

describe('entity resolution', () => {
  it('merges on a shared strong identifier whatever the name says', () => {
    const result = graph().resolve(party({ id: 'x', name: 'HIK VISION', identifiers: ['SZSE:002415'] }));
    expect(result).toMatchObject({
      outcome: 'MERGED',
      targetId: 'hikvision',
      reason: 'shares identifier SZSE:002415',
    });
  });

  it('does not merge on weak identifiers such as a registration number', () => {
    const result = graph().resolve(party({ id: 'x', name: 'Other Name Entirely', identifiers: ['REG:123'] }));
    expect(result.outcome).toBe('NEW');
  });

  it('merges on the same normalised name and country', () => {
    const result = graph().resolve(
      party({ id: 'x', name: 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD', country: 'CN' }),
    );
    expect(result).toMatchObject({ outcome: 'MERGED', targetId: 'hikvision' });
  });

  it('links but does not merge when the country is missing or only an alias matches', () => {
    const noCountry = graph().resolve(
      party({ id: 'x', name: 'Hangzhou Hikvision Digital Technology Co Ltd' }),
    );
    expect(noCountry).toMatchObject({
      outcome: 'NEW',
      possible: [expect.objectContaining({ id: 'hikvision' })],
    });
    const aliasOnly = graph().resolve(
      party({ id: 'y', name: 'Some Shell Co', aliases: ['Hikvision'], country: 'CN' }),
    );
    expect(aliasOnly.outcome).toBe('NEW');
    expect(aliasOnly.possible.map((link) => link.id)).toEqual(['hikvision']);
  });

  it('keeps a name shared by two parties ambiguous', () => {
    const result = graph().resolve(party({ id: 'x', name: 'ACME TRADING CO., LTD.', country: 'CN' }));
    expect(result.outcome).toBe('NEW');
    expect(result.possible.map((link) => link.id)).toEqual(['acme-1', 'acme-2']);
  });

  it('never merges people on their names', () => {
    const result = graph().resolve(
      party({ id: 'x', type: 'Person', name: 'SMITH, John', aliases: ['John Smith'], country: 'GB' }),
    );
    expect(result).toMatchObject({
      outcome: 'NEW',
      possible: [expect.objectContaining({ id: 'john-smith' })],
    });
  });

  it('treats short names as too weak to merge', () => {
    const result = graph().resolve(party({ id: 'x', name: 'ZTE Corp', country: 'CN' }));
    expect(result.outcome).toBe('NEW');
  });

  it('keeps parties apart whose registry identifiers disagree', () => {
    const result = graph().resolve(
      party({
        id: 'x',
        name: 'Registry Example Holdings',
        country: 'DE',
        identifiers: ['LEI:000000000000000000XX'],
      }),
    );
    expect(result).toMatchObject({ outcome: 'NEW', possible: [] });
  });

  it('takes no evidence from a name that many parties share', () => {
    const ministries = Array.from({ length: 30 }, (_, n) =>
      party({
        id: `ministry-${n}`,
        type: 'GovernmentBody',
        name: `Agency ${n}`,
        aliases: ['Ministry of Defence'],
      }),
    );
    const index = new ResolutionIndex(ministries);
    const result = index.resolve(
      party({ id: 'x', type: 'GovernmentBody', name: 'Ministry of Defence', country: 'IR' }),
    );
    expect(result).toMatchObject({ outcome: 'NEW', possible: [] });
    const fewer = new ResolutionIndex(ministries.slice(0, 3)).resolve(
      party({ id: 'x', type: 'GovernmentBody', name: 'Ministry of Defence', country: 'IR' }),
    );
    expect(fewer.possible.map((link) => link.id)).toEqual(['ministry-0', 'ministry-1', 'ministry-2']);
  });

  it('finds a party it recorded earlier in the same run', () => {
    const index = graph();
    const first = party({
      id: 'new-1',
      name: 'Northern Star Machinery Export Ltd',
      country: 'IR',
      identifiers: ['CSL:1'],
    });
    index.record(first, index.resolve(first));
    const second = index.resolve(
      party({ id: 'new-2', name: 'Northern Star Machinery Export Limited', country: 'IR' }),
    );
    expect(second).toMatchObject({ outcome: 'MERGED', targetId: 'new-1' });
    expect(index.findByIdentifiers(['CSL:1'])).toBe('new-1');
  });
});
