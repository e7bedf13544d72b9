import { invalidArgumentOf } from '../../testing/error-of';
import {
  FALLING_EQUITY,
  FLAT_EQUITY,
  GOLDEN_EQUITY,
  HALVING_EQUITY,
  ONE_BAR_EQUITY,
} from '../../testing/risk-fixtures';
import { summary, type RiskSummary } from './summary';

/** Every number of a summary rounded to 12 decimals, so a golden scenario can be compared whole. */
const rounded = (result: RiskSummary) =>
  Object.fromEntries(
    Object.entries(result).map(([key, value]) => [
      key,
      typeof value === 'number' ? +value.toFixed(12) : value,
    ]),
  );

describe('summary', () => {
  it('reports every metric of the golden curve against a benchmark, with trades, positions and targets', () => {
    const result = summary({
      equity: GOLDEN_EQUITY, // returns 0.1, −0.1, 0.1, 0.2
      periodsPerYear: 4,
      benchmarkEquity: [100, 105, 100.8, 105.84, 111.132], // returns 0.05, −0.04, 0.05, 0.05
      tradeReturns: [0.05, -0.02, 0.03, 0, -0.04],
      positions: [0, 1, 1, -1, 0.5],
      targets: [1, 1, -1, -1, 0],
    });
    expect(rounded(result)).toEqual({
      totalReturn: 0.3068, // 130.68 / 100 − 1
      annualReturn: 0.238703317265, // 1.3068^(4/5) − 1 = 1.2387033… − 1
      volatility: 0.251661147842, // √(0.0475 / 3) × √4
      sharpe: 1.192079121359, // 0.075 / 0.1258305739 × √4
      sortino: 3, // 0.075 × √4 / √(0.01 / 4) = 0.15 / 0.05
      calmar: 2.387033172651, // 0.238703317265 / |−0.1|
      maxDrawdown: -0.1, // 99 / 110 − 1
      maxDrawdownDuration: 2, // 99 and 108.9 below the peak 110
      var95: -0.07, // sorted −0.1, 0.1, 0.1, 0.2; p = 0.15: −0.1 + 0.15 × 0.2
      cvar95: -0.1, // only −0.1 ≤ −0.07
      beta: 2.592592592593, // 0.01575 / 0.006075 = 70/27
      alpha: 0.014814814815, // (0.075 − 70/27 × 0.0275) × 4 = 0.4/27
      winRate: 0.4, // 2 wins of 5 trades
      profitFactor: 1.333333333333, // 0.08 / 0.06
      exposure: 0.7, // (0 + 1 + 1 + 1 + 0.5) / 5
      turnover: 3.2, // (1 + 0 + 2 + 0 + 1) × 4 / 5
    });
  });

  it('agrees with numpy on a year of month-end equity', () => {
    // Reference figures from numpy 2.4 (r = e[1:] / e[:-1] − 1, rb likewise for the benchmark):
    // r.std(ddof=1) × √12; r.mean() / r.std(ddof=1) × √12; r.mean() × √12 / √mean(minimum(r, 0)²);
    // q = percentile(r, 5), r[r <= q].mean(); cov(r, rb)[0, 1] / var(rb, ddof=1); (r.mean() − β rb.mean()) × 12;
    // (e / maximum.accumulate(e) − 1).min().
    const result = summary({
      equity: [100, 102, 101, 104, 103, 99, 101, 105, 107, 106, 110, 112, 115],
      periodsPerYear: 12,
      benchmarkEquity: [100, 101, 101.5, 103, 102, 100, 101, 103, 104, 104.5, 106, 107, 108],
    });
    const numpy = {
      totalReturn: 0.15,
      annualReturn: 0.13770266582465363, // 1.15^(12/13) − 1
      volatility: 0.08196192093301127,
      sharpe: 1.7527639396276948,
      sortino: 3.401180135661761,
      calmar: 2.8642154491527925, // 0.1377… / 0.0480…
      maxDrawdown: -0.04807692307692313, // 99 / 104 − 1
      var95: -0.022867885018084875,
      cvar95: -0.03883495145631066, // 99 / 103 − 1, the only return ≤ VaR
      beta: 1.989545018898988,
      alpha: -0.011254975337298745,
    };
    for (const [name, expected] of Object.entries(numpy)) {
      expect([name, result[name as keyof typeof numpy]]).toEqual([name, expect.closeTo(expected, 12)]);
    }
    expect(result.maxDrawdownDuration).toBe(3); // 103, 99, 101 below the peak 104; 105 is a new peak
  });

  it('leaves the optional figures null when their inputs are missing', () => {
    const result = summary({ equity: GOLDEN_EQUITY, periodsPerYear: 252 });
    expect(result).toMatchObject({
      beta: null,
      alpha: null,
      winRate: null,
      profitFactor: null,
      exposure: null,
      turnover: null,
    });
  });

  it('handles flat equity: zeros, and null where a ratio is undefined', () => {
    expect(summary({ equity: FLAT_EQUITY, periodsPerYear: 252, benchmarkEquity: FLAT_EQUITY })).toEqual({
      totalReturn: 0,
      annualReturn: 0,
      volatility: 0,
      sharpe: 0,
      sortino: null,
      calmar: null,
      maxDrawdown: 0,
      maxDrawdownDuration: 0,
      var95: 0,
      cvar95: 0,
      beta: null, // the benchmark's returns do not vary
      alpha: null,
      winRate: null,
      profitFactor: null,
      exposure: null,
      turnover: null,
    });
  });

  it('handles one bar: no returns, so no loss, no deviation and no ratio', () => {
    expect(
      summary({
        equity: ONE_BAR_EQUITY,
        periodsPerYear: 252,
        benchmarkEquity: [50],
        tradeReturns: [],
        positions: [0],
        targets: [0],
      }),
    ).toEqual({
      totalReturn: 0,
      annualReturn: 0,
      volatility: 0,
      sharpe: 0,
      sortino: null,
      calmar: null,
      maxDrawdown: 0,
      maxDrawdownDuration: 0,
      var95: 0,
      cvar95: 0,
      beta: null,
      alpha: null,
      winRate: null,
      profitFactor: null,
      exposure: 0,
      turnover: 0,
    });
  });

  it('handles equity that halves on every bar', () => {
    const result = summary({ equity: HALVING_EQUITY, periodsPerYear: 5, tradeReturns: [-0.5, -0.5] });
    expect(result).toMatchObject({
      totalReturn: -0.9375, // 6.25 / 100 − 1
      annualReturn: -0.9375, // 0.0625^(5/5) − 1
      volatility: 0, // every return is −0.5
      sharpe: 0, // std 0
      sortino: -Math.sqrt(5), // −0.5 × √5 / √(4 × 0.25 / 4)
      calmar: -1, // −0.9375 / 0.9375
      maxDrawdown: -0.9375,
      maxDrawdownDuration: 4, // n − 1
      var95: -0.5,
      cvar95: -0.5,
      winRate: 0,
      profitFactor: 0,
    });
  });

  it('handles equity whose losses vary', () => {
    const result = summary({ equity: FALLING_EQUITY, periodsPerYear: 1 }); // −0.1, −0.2, −0.5
    expect(result.sharpe).toBeCloseTo(-1.2810252304406968, 12); // −0.2666… / 0.2081665999
    expect(result.sortino).toBeCloseTo(-0.8432740427115678, 12); // −0.2666… / √0.1
    expect(result.calmar).toBeLessThan(0);
    expect(result.maxDrawdownDuration).toBe(FALLING_EQUITY.length - 1);
    // sorted −0.5, −0.2, −0.1; p = 0.05 × 2 = 0.1: −0.5 + 0.1 × 0.3 = −0.47; only −0.5 ≤ it
    expect(result.var95).toBeCloseTo(-0.47, 14);
    expect(result.cvar95).toBeCloseTo(-0.5, 14);
  });

  it('gives beta 1 and alpha 0 against a benchmark equal to the strategy', () => {
    const result = summary({ equity: GOLDEN_EQUITY, periodsPerYear: 252, benchmarkEquity: GOLDEN_EQUITY });
    expect(result.beta).toBe(1);
    expect(result.alpha).toBe(0);
  });

  it('gives a null beta and alpha against a benchmark whose returns do not vary', () => {
    // A benchmark doubling on every bar: every return exactly 2/1 − 1 = 1, so its variance is exactly 0.
    const result = summary({ equity: GOLDEN_EQUITY, periodsPerYear: 252, benchmarkEquity: [1, 2, 4, 8, 16] });
    expect(result.beta).toBeNull();
    expect(result.alpha).toBeNull();
  });

  it('leaves its inputs untouched and writes the returns into the scratch buffer it is given', () => {
    const equity = Float64Array.from(GOLDEN_EQUITY);
    const scratch = new Float64Array(8).fill(9);
    const result = summary({ equity, periodsPerYear: 4, scratch });
    expect(Array.from(equity)).toEqual(GOLDEN_EQUITY);
    expect(result.var95).toBeCloseTo(-0.07, 14);
    expect(scratch[0]).toBeCloseTo(-0.1, 14); // the smallest return, placed first by the selection
    expect(scratch[4]).toBe(9); // nothing beyond the n − 1 returns
    expect(summary({ equity, periodsPerYear: 4 })).toEqual(result);
  });

  it('names every bad argument in one error', () => {
    const error = invalidArgumentOf(() =>
      summary({
        equity: [100, Number.NaN, 90],
        periodsPerYear: 0,
        benchmarkEquity: [1, 2],
        tradeReturns: [Number.POSITIVE_INFINITY],
        positions: [0, Number.NaN],
        targets: [Number.NEGATIVE_INFINITY],
        scratch: new Float64Array(1),
      }),
    );
    expect(error.message).toMatch(/^risk summary: equity\[1\] must be a finite number above 0 \(got NaN\); /);
    expect(error.details?.violations?.map((violation) => violation.field)).toEqual([
      'equity[1]',
      'periodsPerYear',
      'benchmarkEquity',
      'tradeReturns[0]',
      'positions[1]',
      'targets[0]',
      'scratch',
    ]);
  });

  it('refuses empty equity and a benchmark point that is not above 0', () => {
    expect(invalidArgumentOf(() => summary({ equity: [], periodsPerYear: 252 })).message).toBe(
      'risk summary: equity must have at least one point',
    );
    expect(
      invalidArgumentOf(() => summary({ equity: [1, 2], periodsPerYear: 252, benchmarkEquity: [1, -2] }))
        .message,
    ).toBe('risk summary: benchmarkEquity[1] must be a finite number above 0 (got -2)');
  });
});
