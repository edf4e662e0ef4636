import { describe, expect, it } from 'vitest';
import { isIsoDate, isIsoDateTime, isPercent, printable } from '../../src/model/values.js';

describe("the model's value checks", () => {
  it.each(['2021-02-28', '2024-02-29', '1999-12-31'])('takes the calendar date %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each(['2021-02-30', '2023-02-29', '2021-13-01', '1', 'March 7 2021', '2021-3-7', '20210307', '', 2021])(
    'refuses %j as a date',
    (value) => expect(isIsoDate(value)).toBe(false),
  );

  it.each([
    '2021-03-07T12:00:00Z',
    '2021-03-07T12:00:00.123Z',
    '2021-03-07T23:59:59+08:00',
    '2024-02-29T00:00:00-05:30',
  ])('takes the point in time %s', (value) => expect(isIsoDateTime(value)).toBe(true));

  it.each([
    '2021-02-30T00:00:00Z',
    '1',
    'March 7 2021',
    '2021-03-07',
    '2021-03-07T24:00:00Z',
    '2021-03-07T12:00:00',
    '2021-03-07 12:00:00Z',
    '2021-03-07T12:60:00Z',
    '2021-03-07T12:00:00+25:00',
    null,
  ])('refuses %j as a point in time', (value) => expect(isIsoDateTime(value)).toBe(false));

  it.each([
    [0, true],
    [100, true],
    [50.5, true],
    [-1, false],
    [100.01, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    ['50', false],
  ])('percent %j: %s', (value, expected) => expect(isPercent(value)).toBe(expected));

  it('takes control and direction characters out of text meant for a message', () => {
    expect(printable('a\u0000b\u202ec\u001b[31md\r\n')).toBe('abc[31md');
    expect(printable('x'.repeat(500), 10)).toHaveLength(10);
  });
});
