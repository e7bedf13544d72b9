import { rejectionOf } from '../../testing/rejection-of';
import { AetherError } from '../errors/aether-error';
import {
  INTERVAL_NAMES,
  isIntervalName,
  parseInterval,
  type IntervalName,
  type IntervalUnit,
} from './interval';

const rejection = (text: string, field?: string): AetherError =>
  rejectionOf(() => parseInterval(text, field));

// Intraday: ⌈390 session minutes / bar minutes⌉ bars a day × 252 trading days.
const EXPECTED: [IntervalName, number, IntervalUnit, boolean, number][] = [
  ['1m', 1, 'minute', true, 390 * 252], // 98 280
  ['2m', 2, 'minute', true, 195 * 252], // 390 / 2 = 195
  ['5m', 5, 'minute', true, 78 * 252], // 390 / 5 = 78
  ['15m', 15, 'minute', true, 26 * 252], // 390 / 15 = 26
  ['30m', 30, 'minute', true, 13 * 252], // 390 / 30 = 13
  ['60m', 60, 'minute', true, 7 * 252], // 390 / 60 = 6.5 → 7 (last bar partial) = 1764
  ['90m', 90, 'minute', true, 5 * 252], // 390 / 90 = 4.33 → 5 = 1260
  ['1h', 1, 'hour', true, 7 * 252], // same as 60m: 1764
  ['1d', 1, 'day', false, 252],
  ['5d', 5, 'day', false, 50.4], // 252 / 5
  ['1wk', 1, 'week', false, 52],
  ['1mo', 1, 'month', false, 12],
  ['3mo', 3, 'month', false, 4], // 12 / 3
];

describe('parseInterval', () => {
  it('covers every accepted name', () => {
    expect(EXPECTED.map(([name]) => name).sort()).toEqual([...INTERVAL_NAMES].sort());
  });

  it.each(EXPECTED)(
    'parses %s as %d %s (intraday %p) with %p periods a year',
    (name, count, unit, intraday, periodsPerYear) => {
      const interval = parseInterval(name);
      expect(interval.name).toBe(name);
      expect(interval.count).toBe(count);
      expect(interval.unit).toBe(unit);
      expect(interval.intraday).toBe(intraday);
      expect(interval.periodsPerYear).toBeCloseTo(periodsPerYear, 12);
    },
  );

  it.each([
    ['1m', 60_000],
    ['90m', 90 * 60_000],
    ['1h', 3_600_000],
    ['1d', 86_400_000],
    ['1wk', 7 * 86_400_000],
    ['1mo', 30 * 86_400_000], // nominal month of 30 days
    ['3mo', 90 * 86_400_000],
  ] as const)('gives %s a nominal length of %d ms', (name, ms) => {
    expect(parseInterval(name).nominalMs).toBe(ms);
  });

  it('trims surrounding whitespace', () => {
    expect(parseInterval(' 1d ').name).toBe('1d');
    expect(parseInterval('\t1wk\n').name).toBe('1wk');
  });

  it('returns frozen intervals that callers cannot alter', () => {
    expect(Object.isFrozen(parseInterval('1d'))).toBe(true);
  });

  it.each(['', ' ', '1D', '7d', '1y', 'abc', '1 d', '60M', '0m', '4h', '1w', '1mon', 'd'])(
    'rejects %p',
    (text) => {
      const error = rejection(text);
      expect(error.message).toBe(
        `interval must be one of 1m, 2m, 5m, 15m, 30m, 60m, 90m, 1h, 1d, 5d, 1wk, 1mo, 3mo (got ${JSON.stringify(text)})`,
      );
      expect(error.details?.violations).toHaveLength(1);
      expect(error.details?.violations?.[0]?.field).toBe('interval');
    },
  );

  it('names the given field', () => {
    const error = rejection('7d', '--interval');
    expect(error.message).toMatch(/^--interval must be one of 1m, /);
    expect(error.details?.violations?.[0]?.field).toBe('--interval');
  });
});

describe('isIntervalName', () => {
  it.each([...INTERVAL_NAMES])('accepts %s', (name) => {
    expect(isIntervalName(name)).toBe(true);
  });

  it.each(['', '1D', '7d', '1y', 'max'])('rejects %p', (text) => {
    expect(isIntervalName(text)).toBe(false);
  });
});
