import {
  formatCount,
  formatDecimal,
  formatDuration,
  formatMoney,
  formatParams,
  formatPercent,
  formatPrice,
  formatSignedPercent,
  formatTime,
  formatWindow,
  MISSING,
} from './number-format';

// Expected values worked out by hand: the ratio × 100, rounded half away from zero on its decimal digits (so
// 2.675 is 2.68, where `toFixed` would give 2.67 from the binary 2.67499…), en-US separators.

describe('formatPercent', () => {
  it.each([
    [-0.023535, '-2.35 %'], // -2.3535 %: the third decimal is 3, rounds down
    [0.132669, '13.27 %'], // 13.2669 %: up
    [0.285, '28.50 %'], // scaled in decimal: 28.5 exactly, not 28.499999…
    [0.00125, '0.13 %'], // 0.125 %: a half rounds away from zero
    [-0.00125, '-0.13 %'],
    [1, '100.00 %'],
    [12.3456, '1,234.56 %'], // thousands separator in the percentage
    [1e15, '100,000,000,000,000,000.00 %'], // huge, written out in full
    [0, '0.00 %'],
  ])('%p → %p', (ratio, text) => {
    expect(formatPercent(ratio)).toBe(text);
  });

  it('gives no sign to a loss that rounds to zero: -0.00004 is 0.00 %, not -0.00 %', () => {
    expect(formatPercent(-0.00004)).toBe('0.00 %');
    expect(formatPercent(-0)).toBe('0.00 %');
  });

  it('writes a figure that is not there as —, and infinities as ∞', () => {
    expect(formatPercent(null)).toBe(MISSING);
    expect(formatPercent(undefined)).toBe('—');
    expect(formatPercent(NaN)).toBe('—');
    expect(formatPercent(Infinity)).toBe('∞');
    expect(formatPercent(-Infinity)).toBe('-∞');
  });

  it('takes other precisions', () => {
    expect(formatPercent(-0.023535, 1)).toBe('-2.4 %');
    expect(formatPercent(0.5, 0)).toBe('50 %');
  });
});

describe('formatSignedPercent', () => {
  it('puts + on gains, - on losses, nothing on zero', () => {
    expect(formatSignedPercent(0.583003)).toBe('+58.30 %');
    expect(formatSignedPercent(-0.24346)).toBe('-24.35 %');
    expect(formatSignedPercent(0.00001)).toBe('0.00 %');
    expect(formatSignedPercent(0)).toBe('0.00 %');
    expect(formatSignedPercent(null)).toBe('—');
    expect(formatSignedPercent(Infinity)).toBe('∞');
  });
});

describe('formatMoney', () => {
  it.each([
    [78829.41, '$78,829.41'],
    [346875.08, '$346,875.08'],
    [-1234.5, '-$1,234.50'],
    [0, '$0.00'],
    [-0.001, '$0.00'], // rounds to zero: no sign
    [1234567890.125, '$1,234,567,890.13'],
    [1e21, '$1,000,000,000,000,000,000,000.00'],
  ])('%p → %p', (value, text) => {
    expect(formatMoney(value)).toBe(text);
  });

  it('uses the currency given, and — for no amount', () => {
    expect(formatMoney(5, 'EUR')).toBe('€5.00');
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney(NaN)).toBe('—');
  });
});

describe('formatDecimal', () => {
  it.each([
    [0.707268, '0.71'],
    [-0.088108, '-0.09'],
    [2.675, '2.68'], // decimal rounding, not toFixed's binary 2.67
    [1234.5, '1,234.50'],
    [-0.004, '0.00'],
  ])('%p → %p', (value, text) => {
    expect(formatDecimal(value)).toBe(text);
  });

  it('writes null and NaN as —', () => {
    expect(formatDecimal(null)).toBe('—');
    expect(formatDecimal(NaN)).toBe('—');
  });
});

describe('formatCount', () => {
  it.each([
    [2516, '2,516'],
    [0, '0'],
    [-1500, '-1,500'],
    [12.5, '12.5'], // fractional shares keep their decimals (up to 4)
    [0.123456, '0.1235'],
    [1e21, '1,000,000,000,000,000,000,000'],
  ])('%p → %p', (value, text) => {
    expect(formatCount(value)).toBe(text);
  });

  it('writes null as —', () => {
    expect(formatCount(null)).toBe('—');
  });
});

describe('formatTime', () => {
  it('keeps a date, drops midnight UTC, and writes other moments in UTC without the T and the Z', () => {
    expect(formatTime('2019-12-31')).toBe('2019-12-31');
    expect(formatTime('2025-12-03T00:00:00.000Z')).toBe('2025-12-03');
    expect(formatTime('2026-12-03T18:37:21.868Z')).toBe('2026-12-03 18:37:21');
    expect(formatTime('2026-12-03T18:37:21.868Z', 'minutes')).toBe('2026-12-03 18:37');
    expect(formatTime('2026-12-03T18:37:21Z')).toBe('2026-12-03 18:37:21');
  });

  it('shows anything else as it is, and nothing as —', () => {
    expect(formatTime('yesterday')).toBe('yesterday');
    expect(formatTime(null)).toBe('—');
    expect(formatTime('')).toBe('—');
  });

  it('writes a window as first → last', () => {
    expect(formatWindow('2010-01-04', '2019-12-31')).toBe('2010-01-04 → 2019-12-31');
  });
});

describe('formatDuration', () => {
  it.each([
    [63.79, '64 ms'],
    [999.4, '999 ms'],
    [1234, '1.2 s'],
    [65_000, '1 min 5 s'],
    [7_380_000, '2 h 3 min'],
  ])('%p ms → %p', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('writes null as —', () => {
    expect(formatDuration(null)).toBe('—');
  });
});

describe('formatParams', () => {
  it('writes parameters as --param takes them', () => {
    expect(formatParams({ fast: 20, slow: 50 })).toBe('fast=20 slow=50');
    expect(formatParams({})).toBe('(no parameters)');
  });
});

describe('formatPrice', () => {
  it('shows cents from $10 up, four significant digits below (at least two decimals)', () => {
    expect(formatPrice(487.82)).toBe('$487.82');
    expect(formatPrice(1234.5)).toBe('$1,234.50');
    expect(formatPrice(3.14159)).toBe('$3.142');
    expect(formatPrice(1.71)).toBe('$1.71');
    expect(formatPrice(0.012345)).toBe('$0.01235');
    expect(formatPrice(0.5)).toBe('$0.50');
    expect(formatPrice(0)).toBe('$0.00');
    expect(formatPrice(-2.5)).toBe('-$2.50');
    expect(formatPrice(null)).toBe('—');
  });
});
