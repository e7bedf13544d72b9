// Golden test on real market data: SPY, QQQ, TLT, GLD, 2015-01-01..2019-12-31, daily. The weights are computed
// here from the CSV files beside the repository (adj_close on the 1258 dates all four share → 1257 simple
// returns → mean and sample covariance, ddof 1 → long-only, max_weight 1, equal risk budgets).
import { describeWithMarketData } from '@aetherquant/testing';
import { alignedAdjustedCloses } from '../../testing/market-data';
import { estimateMoments, type Moments, returnsMatrix } from '../moments/moments';
import { optimize } from './optimize';

const SYMBOLS = ['SPY', 'QQQ', 'TLT', 'GLD'] as const;

describeWithMarketData('golden: SPY, QQQ, TLT, GLD daily, 2015–2019', (market) => {
  let dates: string[];
  let rows: number;
  let daily: Moments;
  beforeAll(() => {
    const aligned = alignedAdjustedCloses(market.dir, SYMBOLS, '2015-01-01', '2019-12-31');
    const matrix = returnsMatrix(aligned.closes);
    dates = aligned.dates;
    rows = matrix.rows;
    daily = estimateMoments(matrix.returns, matrix.rows, matrix.assets, { periodsPerYear: 252 });
  });
  const rounded = (weights: Float64Array) =>
    Object.fromEntries(SYMBOLS.map((symbol, i) => [symbol, Number((weights[i] as number).toFixed(6))]));

  it('reads 1258 shared dates, so 1257 daily returns', () => {
    expect(dates).toHaveLength(1258);
    expect([dates[0], dates[dates.length - 1]]).toEqual(['2015-01-02', '2019-12-31']);
    expect(rows).toBe(1257);
  });

  it('risk parity: SPY 0.238415, QQQ 0.173522, TLT 0.324221, GLD 0.263842, contributions equal to 1e-8', () => {
    const allocation = optimize(daily, { method: 'risk-parity' });
    expect(rounded(allocation.weights)).toEqual({
      SPY: 0.238415,
      QQQ: 0.173522,
      TLT: 0.324221,
      GLD: 0.263842,
    });
    allocation.riskContributions.forEach((rc) => expect(Math.abs(rc - 0.25)).toBeLessThan(1e-8));
  });

  it('mean-variance with λ = 4: QQQ 0.617066, TLT 0.231585, GLD 0.151349, SPY 0, daily or annualised', () => {
    const expected = { SPY: 0, QQQ: 0.617066, TLT: 0.231585, GLD: 0.151349 };
    expect(rounded(optimize(daily, { method: 'mean-variance', riskAversion: 4 }).weights)).toEqual(expected);
    const annual = {
      ...daily,
      mean: daily.mean.map((value) => value * 252),
      covariance: daily.covariance.map((value) => value * 252),
      periodsPerYear: 1,
    };
    expect(rounded(optimize(annual, { method: 'mean-variance', riskAversion: 4 }).weights)).toEqual(expected);
  });

  it('hrp agrees with López de Prado’s published code: SPY 0.206933, QQQ 0.126651, TLT 0.345826, GLD 0.320590', () => {
    // Reference: the paper's Snippets 16.1–16.4 (scipy.cluster.hierarchy.linkage 'single' on the distance
    // matrix, quasi-diagonalisation, recursive bisection) run with numpy 2.4 / scipy 1.17 on the same returns.
    expect(rounded(optimize(daily, { method: 'hrp' }).weights)).toEqual({
      SPY: 0.206933,
      QQQ: 0.126651,
      TLT: 0.345826,
      GLD: 0.32059,
    });
  });
});
