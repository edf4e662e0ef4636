import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/formats/csv-reader.js';
import { fromCslIds, fromOpenSanctionsId } from '../../src/import/identifiers.js';
import { federalRegisterCitations } from '../../src/import/import-sources.js';
import { cslList, sanctionList } from '../../src/import/list-mapping.js';
import { splitJoined } from '../../src/import/text.js';

describe('CSL text', () => {
  it("reads quoted cells with commas, doubled quotes and line breaks, keeping each row's first line", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'csv-')), 'x.csv');
    fs.writeFileSync(file, '\uFEFFa,b\r\n"1, one","say ""hi"""\r\n"multi\nline",2\r\n\r\nlast,row');
    const rows = [];
    for await (const row of readCsv(file)) rows.push(row);
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1, one', 'say "hi"'] },
      { line: 3, cells: ['multi\nline', '2'] },
      { line: 6, cells: ['last', 'row'] },
    ]);
  });

  it('splits "; "-joined values, dropping the "and" before the last', () => {
    expect(splitJoined('Hebei Semiconductor; HSRI;  and CETC Research Institute 13')).toEqual([
      'Hebei Semiconductor',
      'HSRI',
      'CETC Research Institute 13',
    ]);
  });

  it('keeps identifiers from free-text ids and drops descriptions', () => {
    expect(
      fromCslIds(
        'Passport, 836238033, KP; Gender, Male; Secondary sanctions risk:, North Korea Sanctions Regulations, sections 510.201; ' +
          'Unified Social Credit Code (USCC), 91330000733796106P, CN; SWIFT/BIC, RUDVRUMM; Website, mspbank.ru; ' +
          'Executive Order 13662 Directive Determination -, Subject to Directive 2; Public Registration Number, 1027739108649',
      ),
    ).toEqual(['PASSPORT:836238033', 'USCC:91330000733796106P', 'REG:1027739108649']);
  });

  it('finds Federal Register citations in free text', () => {
    expect(federalRegisterCitations('67 F.R. 56530 9/4/02 67 F.R. 10890 3/11/02; 83 FR 37423')).toEqual([
      '67 FR 56530',
      '67 FR 10890',
      '83 FR 37423',
    ]);
  });

  it("maps OpenSanctions ids of CSL rows and OFAC entries to those sources' ids", () => {
    expect(fromOpenSanctionsId('trade-csl-a007c2d0fc4a689a513642262610347efd10d9d1099f2f42a41f2ab4')).toEqual(
      [
        'OPENSANCTIONS:trade-csl-a007c2d0fc4a689a513642262610347efd10d9d1099f2f42a41f2ab4',
        'CSL:a007c2d0fc4a689a513642262610347efd10d9d1099f2f42a41f2ab4',
      ],
    );
    expect(fromOpenSanctionsId('ofac-46001')).toEqual(['OPENSANCTIONS:ofac-46001', 'OFAC:46001']);
  });

  it('puts CSL sources and FtM programmes on the seed lists', () => {
    expect(cslList('Entity List (EL) - Bureau of Industry and Security', undefined).id).toBe(
      'bis-entity-list',
    );
    expect(
      cslList(
        'Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department',
        undefined,
      ).id,
    ).toBe('ofac-ns-cmic-list');
    const unknown = cslList('New List (NL) - Some Agency', 'https://example.gov/nl');
    expect(unknown).toMatchObject({ id: 'csl-list-new-list-nl', authority: { name: 'Some Agency' } });
    expect(
      sanctionList({
        authorities: ['OFAC'],
        programs: ['CMIC-EO13959'],
        programIds: [],
        datasets: [],
        country: 'us',
      }).id,
    ).toBe('ofac-ns-cmic-list');
    expect(
      sanctionList({
        authorities: ['Служба безпеки України', 'National Security and Defense Council'],
        programs: ['761/2024'],
        programIds: ['UA-SA1644'],
        datasets: ['ua_nsdc_sanctions'],
        country: 'ua',
      }),
    ).toMatchObject({
      id: 'os-list-national-security-and-defense-council-ua-sa1644',
      name: 'UA-SA1644 programme (National Security and Defense Council)',
    });
  });
});
