import { describeWithMarketData } from '@aetherquant/testing';
import { expectColumnClose } from '../../testing/compare';
import { alignedReturns, readAllMarkets, type MarketColumns } from '../../testing/market-columns';
import { column } from '../../testing/reference';
import { rollingBeta, rollingBetaWarmup } from './beta';

/**
 * Beta the textbook way, written here because trading-signals has no rolling beta: the sample covariance of
 * the two windows over the sample variance of the benchmark's, each from its own two-pass means.
 */
function textbookBeta(asset: number[], benchmark: number[]): number {
  const n = asset.length;
  const meanAsset = asset.reduce((a, b) => a + b, 0) / n;
  const meanBenchmark = benchmark.reduce((a, b) => a + b, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    const d = (benchmark[i] as number) - meanBenchmark;
    covariance += ((asset[i] as number) - meanAsset) * d;
    variance += d * d;
  }
  return covariance / (n - 1) / (variance / (n - 1));
}

describe('rollingBeta', () => {
  it('is the covariance with the benchmark over its variance (period 3)', () => {
    // bar 2: benchmark 1 2 3, asset 2 4 6 → asset = 2 × benchmark → 2.
    // bar 3: benchmark 2 3 4 (deviations −1 0 1), asset 4 6 9 (deviations −7/3 −1/3 8/3): 5 / 2 = 2.5
    const result = rollingBeta([2, 4, 6, 9], [1, 2, 3, 4], 3);
    expect(result[1]).toBeNaN();
    expect(result[2]).toBeCloseTo(2, 14);
    expect(result[3]).toBeCloseTo(2.5, 14);
    expect(rollingBetaWarmup(3)).toBe(2);
  });

  it('is NaN where the benchmark is flat', () => {
    expect(rollingBeta([1, 2], [3, 3], 2)[1]).toBeNaN();
  });

  it('names the argument it rejects', () => {
    expect(() => rollingBeta([1, 2], [1, 2], 1)).toThrow(
      'rollingBeta: period must be an integer of at least 2',
    );
  });
});

describeWithMarketData('rollingBeta on nine ETFs against a textbook implementation', (market) => {
  let markets: MarketColumns[];
  beforeAll(() => {
    markets = readAllMarkets(market);
  });

  it("agrees on every bar for each ETF's daily returns on SPY's, over 63 and 252 bars", () => {
    const spy = markets.find((columns) => columns.symbol === 'SPY') as MarketColumns;
    for (const other of markets.filter((columns) => columns !== spy)) {
      const [asset, benchmark] = alignedReturns(other, spy);
      for (const period of [63, 252]) {
        const expected = column(asset.length, (t) =>
          t < period - 1
            ? null
            : textbookBeta(
                Array.from(asset.subarray(t - period + 1, t + 1)),
                Array.from(benchmark.subarray(t - period + 1, t + 1)),
              ),
        );
        expectColumnClose(rollingBeta(asset, benchmark, period), expected, {
          warmup: period - 1,
          tolerance: 1e-10,
        });
      }
    }
  });
});
