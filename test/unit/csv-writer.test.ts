import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvDocument, csvRecord } from '../../src/formats/csv-writer.js';
import { FORMULA_CELLS, neutralised } from '../helpers/formula-cells.js';

describe('CSV writer', () => {
  it('neutralises every cell that a spreadsheet would run as a formula and keeps its text', () => {
    const text = csvDocument([['name'], ...FORMULA_CELLS.map((cell) => [cell])]);
    const [, ...rows] = parse(text, { relax_column_count: true }) as string[][];
    expect(rows.map(([cell]) => cell)).toEqual(FORMULA_CELLS.map(neutralised));
  });

  it('keeps numbers (negative ones too), booleans, empty cells and quoting as RFC 4180 has them', () => {
    const text = csvDocument([
      ['id', 'percent', 'restricted', 'note'],
      ['a', -12.5, true, null],
      ['b', 0, false, 'say "hi", then\nleave'],
    ]);
    expect(text).toBe(
      'id,percent,restricted,note\r\na,-12.5,true,\r\nb,0,false,"say ""hi"", then\nleave"\r\n',
    );
    expect(csvRecord(['x', -1, undefined])).toBe('x,-1,\r\n');
  });
});
