import { rejectionOf } from '../../testing/rejection-of';
import { AetherError } from '../errors/aether-error';
import { parsePeriod, periodWindow } from './period';

const rejection = (text: string, field?: string): AetherError => rejectionOf(() => parsePeriod(text, field));

const DAY = 86_400_000;
/** The window start for `text` ending at `end`, as an ISO timestamp for readable failures. */
const startOf = (text: string, end: number): string | undefined => {
  const start = periodWindow(parsePeriod(text), end).start;
  return start === undefined ? undefined : new Date(start).toISOString();
};

describe('parsePeriod', () => {
  it.each([
    ['5d', 5, 'day'],
    ['1wk', 1, 'week'],
    ['6mo', 6, 'month'],
    ['1y', 1, 'year'],
    ['2y', 2, 'year'],
    ['100y', 100, 'year'],
    ['60mo', 60, 'month'],
  ] as const)('parses %s as %d %s(s) back', (text, count, unit) => {
    expect(parsePeriod(text)).toEqual({ kind: 'relative', name: text, count, unit });
  });

  it('parses ytd and max', () => {
    expect(parsePeriod('ytd')).toEqual({ kind: 'ytd', name: 'ytd' });
    expect(parsePeriod('max')).toEqual({ kind: 'max', name: 'max' });
  });

  it('trims surrounding whitespace', () => {
    expect(parsePeriod(' 1y ')).toEqual({ kind: 'relative', name: '1y', count: 1, unit: 'year' });
    expect(parsePeriod('\tmax\n').kind).toBe('max');
  });

  it('accepts exactly 100 years in months (1200mo = 100 × 12)', () => {
    expect(parsePeriod('1200mo')).toEqual({ kind: 'relative', name: '1200mo', count: 1200, unit: 'month' });
  });

  it.each([
    '0d',
    '0y',
    '-1y',
    '101y',
    '2000y', // a typo for a year, not a period
    '1213mo', // 101 years and a month
    '5300wk', // 5300 × 7 days ≈ 101.6 years
    '1.5y',
    '1h',
    '1m',
    'YTD', // case-sensitive
    'Max',
    '1Y',
    '',
    ' ',
    '1 y',
    '1yr',
    'y',
    '123456d', // more than five digits
  ])('rejects %p', (text) => {
    const error = rejection(text);
    expect(error.message).toBe(
      `period must be a positive count of d, wk, mo or y up to 100 years (5d, 6mo, 1y), or ytd or max (got ${JSON.stringify(text)})`,
    );
    expect(error.details?.violations?.[0]?.field).toBe('period');
  });

  it('names the given field', () => {
    expect(rejection('forever', '--period').message).toMatch(/^--period must be a positive count/);
  });
});

describe('periodWindow', () => {
  const NEW_YEAR_2020 = Date.UTC(2020, 0, 1); // a Wednesday

  it('keeps the end it was given, exclusive', () => {
    expect(periodWindow(parsePeriod('1y'), NEW_YEAR_2020)).toEqual({
      start: Date.UTC(2019, 0, 1),
      end: NEW_YEAR_2020,
    });
  });

  it('steps years and months back on the UTC calendar', () => {
    expect(startOf('1y', NEW_YEAR_2020)).toBe('2019-01-01T00:00:00.000Z');
    expect(startOf('2y', NEW_YEAR_2020)).toBe('2018-01-01T00:00:00.000Z');
    expect(startOf('6mo', NEW_YEAR_2020)).toBe('2019-07-01T00:00:00.000Z');
    expect(startOf('1mo', NEW_YEAR_2020)).toBe('2019-12-01T00:00:00.000Z');
    expect(startOf('3mo', Date.UTC(2020, 4, 15))).toBe('2020-02-15T00:00:00.000Z');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(startOf('1mo', Date.UTC(2019, 2, 31))).toBe('2019-02-28T00:00:00.000Z');
    expect(startOf('1mo', Date.UTC(2020, 2, 31))).toBe('2020-02-29T00:00:00.000Z'); // 2020 is a leap year
    expect(startOf('1mo', Date.UTC(2019, 4, 31))).toBe('2019-04-30T00:00:00.000Z');
    expect(startOf('1y', Date.UTC(2020, 1, 29))).toBe('2019-02-28T00:00:00.000Z'); // no 29 February in 2019
  });

  it('keeps the time of day when stepping back months', () => {
    expect(startOf('1mo', Date.UTC(2020, 2, 15, 12, 30))).toBe('2020-02-15T12:30:00.000Z');
  });

  it('steps weeks back by seven days each', () => {
    expect(periodWindow(parsePeriod('1wk'), NEW_YEAR_2020).start).toBe(NEW_YEAR_2020 - 7 * DAY);
    expect(startOf('1wk', NEW_YEAR_2020)).toBe('2019-12-25T00:00:00.000Z');
    expect(startOf('4wk', NEW_YEAR_2020)).toBe('2019-12-04T00:00:00.000Z'); // 28 days back
  });

  it('counts days as weekdays, starting from the day of the last instant', () => {
    // End Wed 2020-01-01 00:00 (exclusive): the last instant is on Tue 31 Dec. Weekdays counted back:
    // Tue 31, Mon 30, (Sun 29, Sat 28 skipped), Fri 27, Thu 26, Wed 25.
    expect(startOf('5d', NEW_YEAR_2020)).toBe('2019-12-25T00:00:00.000Z');
    expect(startOf('1d', NEW_YEAR_2020)).toBe('2019-12-31T00:00:00.000Z');
    expect(startOf('3d', NEW_YEAR_2020)).toBe('2019-12-27T00:00:00.000Z');
  });

  it('counts the Monday itself for a window ending on a Monday mid-day', () => {
    const mondayNoon = Date.UTC(2020, 0, 6, 12); // Mon 6 Jan 2020, 12:00
    expect(startOf('1d', mondayNoon)).toBe('2020-01-06T00:00:00.000Z');
    expect(startOf('2d', mondayNoon)).toBe('2020-01-03T00:00:00.000Z'); // Mon 6, Fri 3
    // Mon 6, Fri 3, Thu 2, Wed 1, Tue 31 Dec.
    expect(startOf('5d', mondayNoon)).toBe('2019-12-31T00:00:00.000Z');
  });

  it('does not count the Monday for a window ending at Monday midnight', () => {
    // The last instant is Sun 5 Jan, so the latest weekday is Fri 3 Jan.
    expect(startOf('1d', Date.UTC(2020, 0, 6))).toBe('2020-01-03T00:00:00.000Z');
  });

  it('starts ytd on 1 January of the year of the last instant', () => {
    expect(startOf('ytd', Date.UTC(2020, 5, 15, 10))).toBe('2020-01-01T00:00:00.000Z');
    // Ending exactly at New Year: the last instant is still in 2019.
    expect(startOf('ytd', NEW_YEAR_2020)).toBe('2019-01-01T00:00:00.000Z');
    expect(startOf('ytd', NEW_YEAR_2020 + 1)).toBe('2020-01-01T00:00:00.000Z');
  });

  it('has no start for max', () => {
    expect(periodWindow(parsePeriod('max'), NEW_YEAR_2020)).toEqual({ start: undefined, end: NEW_YEAR_2020 });
  });
});
