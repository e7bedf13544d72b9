import { invalidArgumentOf } from '../../testing/error-of';
import { profitFactor, winRate } from './trades';

// Five trades: two wins (+5%, +3%), two losses (−2%, −4%) and one at exactly 0.
const TRADES = [0.05, -0.02, 0.03, 0, -0.04];

describe('winRate', () => {
  it('is the fraction of trades with a return above 0', () => {
    // 2 wins of 5 trades (the trade at 0 is not a win) = 0.4
    expect(winRate(TRADES)).toBe(0.4);
    expect(winRate([0.01])).toBe(1);
  });

  it('is 0 when every trade loses, and null without trades', () => {
    expect(winRate([-0.5, -0.1, -0.2])).toBe(0);
    expect(winRate([])).toBeNull();
  });

  it('refuses a trade return that is not finite', () => {
    expect(invalidArgumentOf(() => winRate([0.1, Number.NaN])).message).toBe(
      'winRate: tradeReturns[1] must be a finite number (got NaN)',
    );
  });
});

describe('profitFactor', () => {
  it('is the sum of gains over the absolute sum of losses', () => {
    // (0.05 + 0.03) / |−0.02 − 0.04| = 0.08 / 0.06 = 1.3333…
    expect(profitFactor(TRADES)).toBeCloseTo(4 / 3, 14);
  });

  it('is 0 when every trade loses', () => {
    // 0 / |−0.8| = 0
    expect(profitFactor([-0.5, -0.1, -0.2])).toBe(0);
  });

  it('is null without losing trades, including no trades and flat trades', () => {
    expect(profitFactor([0.05, 0.01])).toBeNull();
    expect(profitFactor([0, 0])).toBeNull();
    expect(profitFactor([])).toBeNull();
  });
});
