import { rejectionOf } from '../../testing/rejection-of';
import { AetherError } from '../errors/aether-error';
import { parseInterval } from './interval';
import { DAY_MS, formatBarTime, formatIsoDate, parseIsoTime } from './iso-time';

const rejection = (text: string, field?: string): AetherError => rejectionOf(() => parseIsoTime(text, field));

describe('parseIsoTime', () => {
  it('reads a date as midnight UTC', () => {
    expect(parseIsoTime('2019-12-31')).toBe(Date.UTC(2019, 11, 31));
    expect(parseIsoTime('1970-01-01')).toBe(0);
    expect(parseIsoTime(' 2019-12-31 ')).toBe(Date.UTC(2019, 11, 31));
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseIsoTime('2020-02-29')).toBe(Date.UTC(2020, 1, 29));
    expect(parseIsoTime('2000-02-29')).toBe(Date.UTC(2000, 1, 29)); // divisible by 400
    expect(rejection('2019-02-29').message).toBe('date is not a real date or time (got "2019-02-29")');
    expect(rejection('1900-02-29').message).toContain('is not a real date or time'); // divisible by 100, not 400
  });

  it('reads a UTC timestamp, with or without seconds', () => {
    expect(parseIsoTime('2019-12-31T14:30:00Z')).toBe(Date.UTC(2019, 11, 31, 14, 30));
    expect(parseIsoTime('2019-12-31T14:30Z')).toBe(Date.UTC(2019, 11, 31, 14, 30));
    expect(parseIsoTime('2019-12-31T23:59:59Z')).toBe(Date.UTC(2019, 11, 31, 23, 59, 59));
  });

  it('applies a zone offset', () => {
    // 15:30 at +01:00 is 14:30 UTC.
    expect(parseIsoTime('2019-12-31T15:30:00+01:00')).toBe(Date.UTC(2019, 11, 31, 14, 30));
    // 09:00 at -05:30 is 09:00 + 5:30 = 14:30 UTC.
    expect(parseIsoTime('2019-12-31T09:00:00-05:30')).toBe(Date.UTC(2019, 11, 31, 14, 30));
    // 23:30 at -05:30 is 05:00 UTC the next day.
    expect(parseIsoTime('2019-12-31T23:30:00-05:30')).toBe(Date.UTC(2020, 0, 1, 5, 0));
    expect(parseIsoTime('2019-12-31T14:30:00+00:00')).toBe(Date.UTC(2019, 11, 31, 14, 30));
  });

  it('reads milliseconds of one to three digits as a fraction of a second', () => {
    expect(parseIsoTime('2019-12-31T14:30:00.5Z')).toBe(Date.UTC(2019, 11, 31, 14, 30, 0, 500));
    expect(parseIsoTime('2019-12-31T14:30:00.05Z')).toBe(Date.UTC(2019, 11, 31, 14, 30, 0, 50));
    expect(parseIsoTime('2019-12-31T14:30:00.123Z')).toBe(Date.UTC(2019, 11, 31, 14, 30, 0, 123));
    expect(parseIsoTime('2019-12-31T14:30:00.123+01:00')).toBe(Date.UTC(2019, 11, 31, 13, 30, 0, 123));
  });

  it.each([
    '2019-02-30',
    '2019-04-31',
    '2019-13-01',
    '2019-00-10',
    '2019-01-00',
    '2019-01-01T24:00:00Z',
    '2019-01-01T24:00Z',
    '2019-01-01T10:60:00Z',
    '2019-01-01T10:00:60Z',
  ])('rejects %p as not a real date or time', (text) => {
    expect(rejection(text).message).toBe(`date is not a real date or time (got ${JSON.stringify(text)})`);
  });

  it.each([
    '2019-01-01T10:00', // no zone: ambiguous
    '2019-01-01T10:00:00',
    '2019-1-1',
    '19-01-01',
    '20190101',
    '2019/01/01',
    '2019-01-01 10:00:00Z',
    '2019-01-01T10:00:00.1234Z',
    '2019-01-01T10:00:00+0100',
    '2019-01-01T10Z',
    'yesterday',
    '',
    ' ',
  ])('rejects %p as not ISO-8601', (text) => {
    expect(rejection(text).message).toBe(
      `date must be an ISO date (YYYY-MM-DD) or timestamp with a zone (got ${JSON.stringify(text)})`,
    );
  });

  it('rejects a zone offset whose minutes do not exist', () => {
    rejection('2019-01-01T10:00:00+00:60');
    rejection('2019-01-01T10:00:00-01:99');
  });

  it('names the given field', () => {
    const error = rejection('2019-02-30', 'start');
    expect(error.message).toMatch(/^start is not a real date/);
    expect(error.details?.violations?.[0]?.field).toBe('start');
  });
});

describe('formatIsoDate', () => {
  it('writes a UTC midnight as YYYY-MM-DD', () => {
    expect(formatIsoDate(Date.UTC(2019, 11, 31))).toBe('2019-12-31');
    expect(formatIsoDate(0)).toBe('1970-01-01');
  });

  it('writes the UTC date of a time later in the day', () => {
    expect(formatIsoDate(Date.UTC(2019, 11, 31, 23, 59, 59, 999))).toBe('2019-12-31');
  });

  it('round-trips every date from 1900 to 2199 through parseIsoTime', () => {
    const mismatches: string[] = [];
    for (let day = Date.UTC(1900, 0, 1); day <= Date.UTC(2199, 11, 31); day += DAY_MS) {
      const text = formatIsoDate(day);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || parseIsoTime(text) !== day) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('formatBarTime', () => {
  const close = Date.UTC(2019, 11, 31, 14, 30);

  it('writes a date for daily and longer bars', () => {
    expect(formatBarTime(Date.UTC(2019, 11, 31), parseInterval('1d'))).toBe('2019-12-31');
    expect(formatBarTime(Date.UTC(2019, 11, 30), parseInterval('1wk'))).toBe('2019-12-30');
    expect(formatBarTime(Date.UTC(2019, 11, 1), parseInterval('1mo'))).toBe('2019-12-01');
  });

  it('writes a full UTC timestamp for intraday bars', () => {
    expect(formatBarTime(close, parseInterval('1h'))).toBe('2019-12-31T14:30:00.000Z');
    expect(formatBarTime(close, parseInterval('5m'))).toBe('2019-12-31T14:30:00.000Z');
  });

  it('writes what parseIsoTime reads back', () => {
    expect(parseIsoTime(formatBarTime(close, parseInterval('1m')))).toBe(close);
    expect(parseIsoTime(formatBarTime(Date.UTC(2019, 11, 31), parseInterval('1d')))).toBe(
      Date.UTC(2019, 11, 31),
    );
  });
});
