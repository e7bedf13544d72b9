import { validate } from '../validation/validate';
import { backtestRequestSchema } from './backtest-request';
import { portfolioBacktestRequestSchema } from './portfolio-requests';

describe('benchmark in requests', () => {
  it('normalises a ticker as the data layer does, and leaves it out by default', () => {
    expect(validate(backtestRequestSchema, { benchmark: ' spy ' }).benchmark).toBe('SPY');
    expect(validate(backtestRequestSchema, { benchmark: 'brk.b' }).benchmark).toBe('BRK.B');
    expect(validate(backtestRequestSchema, {}).benchmark).toBeUndefined();
  });

  it('takes equal-weight (any case) for a portfolio, and only a ticker for one symbol', () => {
    expect(
      validate(portfolioBacktestRequestSchema, { symbols: ['A', 'B'], benchmark: 'Equal-Weight' }).benchmark,
    ).toBe('equal-weight');
    expect(
      validate(portfolioBacktestRequestSchema, { symbols: ['A', 'B'], benchmark: 'qqq' }).benchmark,
    ).toBe('QQQ');
    // One symbol has no equal weights to measure against: refused, not read as a ticker.
    expect(() => validate(backtestRequestSchema, { benchmark: 'EQUAL-WEIGHT' })).toThrow(
      'equal-weight is for several symbols (got "EQUAL-WEIGHT")',
    );
  });

  it.each([
    [backtestRequestSchema, {}, 'must be a ticker of 1 to 15 letters'],
    [
      portfolioBacktestRequestSchema,
      { symbols: ['A', 'B'] },
      'must be equal-weight or a ticker of 1 to 15 letters',
    ],
  ])('refuses what is no ticker, naming benchmark and the rule', (schema, base, rule) => {
    for (const bad of ['SPY$', '../etc', '', '^GSPC', 'A'.repeat(16)]) {
      expect(() => validate(schema, { ...base, benchmark: bad })).toThrow(`benchmark ${rule}`);
    }
    expect(() => validate(schema, { ...base, benchmark: 42 })).toThrow('benchmark must be a string');
  });
});
