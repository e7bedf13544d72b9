import { runFigures } from './run-figures';

describe('runFigures', () => {
  it('pairs headline figures with the benchmark, then metrics, then counts, exactly as recorded', () => {
    const figures = runFigures({
      symbol: 'SPY',
      rows: 2516,
      annual_return: -0.023535,
      max_drawdown: -0.434251,
      sharpe: null,
      final_equity: 78829.41,
      benchmark_annual_return: 0.132669,
      benchmark_max_drawdown: -0.193489,
      benchmark_sharpe: 0.922059,
      benchmark_final_equity: 346875.08,
      excess_annual_return: -0.156204,
      trades: 11,
      metrics: { volatility: 0.2, total_return: -0.21, win_rate: null, max_drawdown_duration: 400 },
    });
    expect(figures).toEqual([
      { label: 'Annual return', strategy: -0.023535, benchmark: 0.132669, kind: 'percent', signed: true },
      { label: 'Max drawdown', strategy: -0.434251, benchmark: -0.193489, kind: 'percent', signed: true },
      { label: 'Sharpe', strategy: null, benchmark: 0.922059, kind: 'decimal', signed: true },
      { label: 'Final equity', strategy: 78829.41, benchmark: 346875.08, kind: 'money' },
      { label: 'Excess annual return', strategy: -0.156204, kind: 'signed-percent', signed: true },
      { label: 'Total return', strategy: -0.21, kind: 'percent', signed: true },
      { label: 'Volatility', strategy: 0.2, kind: 'percent' },
      { label: 'Longest drawdown', strategy: 400, kind: 'bars' },
      { label: 'Win rate', strategy: null, kind: 'percent' },
      { label: 'Bars', strategy: 2516, kind: 'count' },
      { label: 'Trades', strategy: 11, kind: 'count' },
    ]);
  });

  it("shows an optimisation's expected return and volatility, and leaves out what is not a figure", () => {
    expect(runFigures({ expected_return: 0.06, volatility: 0.1, combinations: 12, sharpe: 'high' })).toEqual([
      { label: 'Expected return', strategy: 0.06, kind: 'percent', signed: true },
      { label: 'Volatility', strategy: 0.1, kind: 'percent' },
      { label: 'Combinations', strategy: 12, kind: 'count' },
    ]);
  });
});
