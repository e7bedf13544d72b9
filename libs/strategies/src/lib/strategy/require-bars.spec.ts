import { seriesOf, thrown } from '../../testing/series';
import { buyAndHoldStrategy } from '../buy-and-hold/buy-and-hold.strategy';
import { donchianBreakoutStrategy } from '../donchian-breakout/donchian-breakout.strategy';
import { maCrossStrategy } from '../ma-cross/ma-cross.strategy';
import { minimumBars, requireBars } from './require-bars';

const bars = (length: number, symbol = 'SPY') =>
  seriesOf({ close: Array.from({ length }, (_, i) => 100 + (i % 7)) }, symbol);

describe('requireBars', () => {
  it('needs warm-up + 2 bars: the first possible signal and the bar whose return it earns', () => {
    // ma-cross slow 50: the first target is at bar 49, and it earns the return of bar 50 → 51 bars.
    expect(minimumBars(maCrossStrategy)).toBe(51);
    expect(() => requireBars(bars(51), maCrossStrategy, {})).not.toThrow();
    const error = thrown(() => requireBars(bars(40), maCrossStrategy, {}));
    expect(error.message).toBe('SPY 1d: bars must number at least 51 for ma-cross with slow 50 (got 40)');
    expect(error.details?.violations?.map((v) => v.field)).toEqual(['bars']);
    expect(thrown(() => requireBars(bars(50), maCrossStrategy, {})).message).toContain('(got 50)');
  });

  it('follows the parameters and names the ones the warm-up depends on', () => {
    expect(() => requireBars(bars(4), maCrossStrategy, { fast: 2, slow: 3 })).not.toThrow();
    expect(thrown(() => requireBars(bars(3, 'QQQ'), maCrossStrategy, { fast: 2, slow: 3 })).message).toBe(
      'QQQ 1d: bars must number at least 4 for ma-cross with slow 3 (got 3)',
    );
    expect(thrown(() => requireBars(bars(10), donchianBreakoutStrategy, { entry: 20 })).message).toBe(
      'SPY 1d: bars must number at least 22 for donchian-breakout with entry 20 (got 10)',
    );
    expect(thrown(() => requireBars(bars(1), buyAndHoldStrategy)).message).toBe(
      'SPY 1d: bars must number at least 2 for buy-and-hold (got 1)',
    );
  });

  it('refuses bad parameters first', () => {
    expect(thrown(() => requireBars(bars(100), maCrossStrategy, { fast: 50, slow: 20 })).message).toBe(
      'ma-cross parameters: fast must be less than slow (got fast 50, slow 20)',
    );
  });
});
