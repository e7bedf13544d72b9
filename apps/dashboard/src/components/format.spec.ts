import {
  DASH,
  formatBars,
  formatBasisPoints,
  formatCount,
  formatDecimal,
  formatDuration,
  formatFigure,
  formatMoney,
  formatMultiple,
  formatPercent,
  formatPercentagePoints,
  formatPrice,
  formatQuantity,
  toneOf,
} from './format';

// Every expected text below is worked out by hand from the rule in format.ts, not read back from the code.

describe('money', () => {
  it('carries the currency, thousands separators and cents', () => {
    expect(formatMoney(110108.21)).toBe('$110,108.21');
    // 62,426.374 rounds down to the cent; 0.005 of a cent more rounds up.
    expect(formatMoney(62426.374)).toBe('$62,426.37');
    expect(formatMoney(-5198.56)).toBe('-$5,198.56');
    expect(formatMoney(1234567.891, { decimals: 0 })).toBe('$1,234,568');
  });

  it('signs a difference, and shows a loss that rounds to nothing as $0.00, unsigned', () => {
    // 62,426.37 − 57,227.81 = 5,198.56 (the strategy's final equity against its benchmark's).
    expect(formatMoney(62426.37 - 57227.81, { signed: true })).toBe('+$5,198.56');
    expect(formatMoney(-5198.56, { signed: true })).toBe('-$5,198.56');
    expect(formatMoney(-0.001)).toBe('$0.00');
    expect(formatMoney(-0.001, { signed: true })).toBe('$0.00');
  });

  it('uses the currency the API names, and the display currency for a code that is not one', () => {
    expect(formatMoney(100000, { currency: 'EUR' })).toBe('€100,000.00');
    expect(formatMoney(100000, { currency: 'dollars' })).toBe('$100,000.00');
  });

  it('shows a dash for a figure that could not be computed', () => {
    expect(formatMoney(null)).toBe(DASH);
    expect(formatMoney(undefined)).toBe(DASH);
    expect(formatMoney(Number.NaN)).toBe(DASH);
  });
});

describe('prices', () => {
  it('have cents at and above $10', () => {
    expect(formatPrice(487.82)).toBe('$487.82');
    // 422.80861… (a fill after slippage) to the cent.
    expect(formatPrice(422.80861495971686)).toBe('$422.81');
    expect(formatPrice(10)).toBe('$10.00');
    expect(formatPrice(1234.5)).toBe('$1,234.50');
  });

  it('have 4 significant digits below $10, never fewer than 2 decimals', () => {
    // 1.7126: one whole digit, so 3 decimals make 4 significant digits.
    expect(formatPrice(1.7126)).toBe('$1.713');
    // 1.71 as the API sends it: the third decimal would be a 0, and is not shown.
    expect(formatPrice(1.71)).toBe('$1.71');
    expect(formatPrice(1.7)).toBe('$1.70');
    // 0.012345: the first significant digit is the second decimal, so 5 decimals.
    expect(formatPrice(0.012345)).toBe('$0.01235');
    expect(formatPrice(0)).toBe('$0.00');
    expect(formatPrice(undefined)).toBe(DASH);
  });
});

describe('percentages', () => {
  it('show a fraction as a percentage, with the decimals asked for', () => {
    expect(formatPercent(-0.203452)).toBe('-20.3%');
    expect(formatPercent(0.363636)).toBe('36.4%');
    expect(formatPercent(0.140127, 2)).toBe('14.01%');
    expect(formatPercent(12.345)).toBe('1,234.5%');
    expect(formatPercent(null)).toBe(DASH);
  });

  it('never show a minus on a figure that rounds to zero, and sign gains when asked', () => {
    expect(formatPercent(-0.00001)).toBe('0.0%');
    expect(formatPercent(0.1234, 1, { signed: true })).toBe('+12.3%');
  });

  it('show a difference in percentage points, always signed', () => {
    // −20.3452% − (−23.6195%) = 3.2743 pp.
    expect(formatPercentagePoints(0.032743)).toBe('+3.3 pp');
    expect(formatPercentagePoints(-0.154811)).toBe('-15.5 pp');
    expect(formatPercentagePoints(0.0000001)).toBe('0.0 pp');
    expect(formatPercentagePoints(null)).toBe(DASH);
  });
});

describe('counts, ratios and other figures', () => {
  it('show counts as whole numbers with separators', () => {
    expect(formatCount(250000)).toBe('250,000');
    expect(formatCount(11)).toBe('11');
    expect(formatBars(414)).toBe('414 bars');
    expect(formatBars(1)).toBe('1 bar');
  });

  it('show ratios with 2 decimals', () => {
    expect(formatDecimal(-0.438724)).toBe('-0.44');
    // −0.438724 − (−0.499609) = 0.060885.
    expect(formatDecimal(-0.438724 - -0.499609, 2, { signed: true })).toBe('+0.06');
    expect(formatMultiple(13.430982)).toBe('13.43×');
  });

  it('show shares whole, or to 4 decimals when fractional', () => {
    expect(formatQuantity(58382)).toBe('58,382');
    expect(formatQuantity(1.234567)).toBe('1.2346');
  });

  it('show costs, durations and unknown figures readably', () => {
    expect(formatBasisPoints(0.5)).toBe('0.5 bps');
    expect(formatBasisPoints(1)).toBe('1 bps');
    expect(formatDuration(17.329841)).toBe('17 ms');
    expect(formatDuration(2430)).toBe('2.4 s');
    expect(formatFigure(414)).toBe('414');
    expect(formatFigure(2.465033)).toBe('2.47');
    expect(formatFigure(0.003412)).toBe('0.003412');
  });
});

describe('the tone of a figure', () => {
  it('follows the sign of the figure as shown', () => {
    expect(toneOf(-0.203452, '-20.3%')).toBe('negative');
    expect(toneOf(0.032743, '+3.3 pp')).toBe('positive');
    // 0.00004 shows as 0.0%: neither a gain nor a loss on screen.
    expect(toneOf(0.00004, '0.0%')).toBe('zero');
    expect(toneOf(0, '$0.00')).toBe('zero');
    expect(toneOf(null, DASH)).toBe('none');
  });
});
