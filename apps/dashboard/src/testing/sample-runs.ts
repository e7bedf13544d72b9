// Recorded runs as `GET /api/runs/:id` answers them, one per kind (recorded from a local API on synthetic data,
// trimmed; the figures of a user's 11-trade backtest put in, whose detail used to show `414.0000`).

import { OPTIMIZE_REPORT, PAPERTRADE_REPORT, SWEEP_REPORT, WALK_FORWARD_REPORT } from './sample-reports';

const COSTS = { provider: 'synthetic', commission_bps: 1, slippage_bps: 0.5, initial_cash: 100000 };

function run(overrides: Record<string, unknown>) {
  return {
    id: '01a23d33-ccb1-7000-a3ef-ab07c793a743',
    created_at: '2026-12-03T18:38:49.000Z',
    type: 'backtest',
    symbols: ['SPY'],
    period: '2y',
    interval: '1d',
    start: '2024-11-21T00:00:00.000Z',
    end: '2026-11-20T00:00:00.000Z',
    parameters: {},
    final_equity: null,
    orders_placed: 0,
    status: 'completed',
    duration_ms: 41.7,
    job_id: null,
    data_hash: null,
    orders: [],
    metrics: {},
    spec: null,
    ...overrides,
  };
}

const BACKTEST_METRICS = {
  volatility: 0.366325,
  sortino: -0.60614,
  calmar: -0.336882,
  max_drawdown_duration: 414,
  var_95: -0.039068,
  cvar_95: -0.048275,
  beta: 0.349274,
  alpha: -0.086858,
  total_return: -0.375736,
  win_rate: 0.363636,
  profit_factor: 0.717408,
  exposure: 0.90595,
  turnover: 13.430982,
};

export const BACKTEST_RUN = run({
  parameters: { strategy: 'ma-cross', ...COSTS, long_only: false, params: { fast: 20, slow: 50 } },
  final_equity: 62426.37,
  orders_placed: 22,
  metrics: {
    sharpe: -0.438724,
    annual_return: -0.203452,
    max_drawdown: -0.603926,
    benchmark_sharpe: -0.499609,
    ...BACKTEST_METRICS,
  },
  result: {
    symbol: 'SPY',
    rows: 522,
    annual_return: -0.203452,
    max_drawdown: -0.603926,
    sharpe: -0.438724,
    final_equity: 62426.37,
    benchmark_annual_return: -0.236195,
    benchmark_max_drawdown: -0.569512,
    benchmark_sharpe: -0.499609,
    benchmark_final_equity: 57227.81,
    excess_annual_return: 0.032743,
    provider: 'synthetic',
    strategy: 'ma-cross',
    params: { fast: 20, slow: 50 },
    first: '2024-11-21',
    last: '2026-11-20',
    warmup_bars: 49,
    trades: 11,
    metrics: BACKTEST_METRICS,
  },
  spec: {
    use_case: 'backtest',
    request: {
      symbol: 'SPY',
      strategy: 'ma-cross',
      params: { fast: 20, slow: 50 },
      long_only: false,
      start: '2024-11-21',
      end: '2026-11-20',
      interval: '1d',
      ...COSTS,
    },
  },
});

const PORTFOLIO_METRICS = { ...BACKTEST_METRICS, win_rate: null, profit_factor: null, exposure: null };

export const PORTFOLIO_BACKTEST_RUN = run({
  id: '01a23d34-1eb0-7000-ae91-c2849050164d',
  symbols: ['SPY', 'TLT', 'GLD'],
  parameters: { allocation: 'risk-parity', rebalance: 'monthly', lookback: '1y', ...COSTS },
  final_equity: 101934.73,
  orders_placed: 36,
  metrics: { sharpe: 0.210132, annual_return: 0.020485, max_drawdown: -0.122077, ...PORTFOLIO_METRICS },
  result: {
    symbols: ['SPY', 'TLT', 'GLD'],
    rows: 240,
    annual_return: 0.020485,
    max_drawdown: -0.122077,
    sharpe: 0.210132,
    final_equity: 101934.73,
    benchmark_annual_return: -0.042509,
    benchmark_max_drawdown: -0.169224,
    benchmark_sharpe: -0.138896,
    benchmark_final_equity: 95933,
    excess_annual_return: 0.062994,
    provider: 'synthetic',
    allocation: 'risk-parity',
    rebalance: 'monthly',
    lookback: '1y',
    first: '2026-01-01',
    last: '2026-12-02',
    rebalances: 12,
    weights: { SPY: 0.178072, TLT: 0.304217, GLD: 0.517711 },
    metrics: PORTFOLIO_METRICS,
  },
  spec: {
    use_case: 'portfolioBacktest',
    request: { symbols: ['SPY', 'TLT', 'GLD'], allocation: 'risk-parity', max_weight: 1, ...COSTS },
  },
});

export const OPTIMIZE_RUN = run({
  id: '01a23d34-1eff-7000-976b-489425fc82af',
  type: 'optimize',
  symbols: OPTIMIZE_REPORT.symbols,
  parameters: { method: 'risk-parity', max_weight: 1, covariance: 'sample', provider: 'synthetic' },
  metrics: { expected_return: OPTIMIZE_REPORT.expected_return, volatility: OPTIMIZE_REPORT.volatility },
  result: OPTIMIZE_REPORT,
  spec: {
    use_case: 'optimize',
    request: { symbols: OPTIMIZE_REPORT.symbols, method: 'risk-parity', max_weight: 1, risk_free_rate: 0.04 },
  },
});

const { orders: _paperOrders, chart: _paperChart, ...paperFigures } = PAPERTRADE_REPORT;

export const PAPERTRADE_RUN = run({
  id: '01a23d34-1f55-7000-9885-5385a931d462',
  type: 'papertrade',
  parameters: { strategy: 'ma-cross', ...COSTS, params: { fast: 20, slow: 50 }, fractional: false },
  final_equity: 67932.54,
  orders_placed: 2,
  metrics: { final_equity: 67932.54, cash: 67932.54, position: 0 },
  result: { ...paperFigures, orders_placed: 2 },
  orders: [
    {
      id: 41,
      symbol: 'SPY',
      side: 'buy',
      quantity: 58382,
      price: 1.7126,
      commission: 9.99,
      timestamp: '2025-01-29T00:00:00.000Z',
      client_order_id: 'ma-cross-SPY-1',
      status: 'filled',
    },
    {
      id: 42,
      symbol: 'SPY',
      side: 'sell',
      quantity: 58382,
      price: 422.80861495971686,
      commission: 9.978283313049317,
      timestamp: '2025-03-04T00:00:00.000Z',
      client_order_id: 'ma-cross-SPY-2',
      status: 'filled',
    },
  ],
  spec: { use_case: 'papertrade', request: { symbol: 'SPY', strategy: 'ma-cross', ...COSTS } },
});

const { run_id: _sweepRun, ...sweepResult } = SWEEP_REPORT;

export const SWEEP_RUN = run({
  id: '01a23d34-217b-7000-96f5-2ba13c43b231',
  type: 'sweep',
  final_equity: 112493.44,
  metrics: {
    combinations: 4,
    evaluated: 4,
    skipped: 0,
    best_sharpe: 1.189901,
    best_annual_return: 0.124934,
    best_max_drawdown: -0.084056,
  },
  result: sweepResult,
  spec: {
    use_case: 'sweep',
    request: { symbol: 'SPY', strategy: 'ma-cross', grid: { fast: [5, 10], slow: [50, 100] }, top: 20 },
  },
});

const { run_id: _walkRun, ...walkForwardResult } = WALK_FORWARD_REPORT;

export const WALK_FORWARD_RUN = run({
  id: '01a23d34-25bc-7000-9a9d-cfedfc3f684e',
  type: 'walk-forward',
  final_equity: 103058.77,
  job_id: 'job-4c465ff4a4250db318b405803219f235',
  metrics: {
    sharpe: WALK_FORWARD_REPORT.sharpe,
    annual_return: WALK_FORWARD_REPORT.annual_return,
    max_drawdown: WALK_FORWARD_REPORT.max_drawdown,
    ...WALK_FORWARD_REPORT.metrics,
  },
  result: walkForwardResult,
  spec: { use_case: 'walkForward', request: { symbol: 'SPY', train: '1y', test: '1y' } },
});

/** A live decision, were the API to record one as a run of type `live` (it records none today). */
export const LIVE_RUN = run({
  id: '01a23d40-0000-7000-8000-000000000001',
  type: 'live',
  parameters: { strategy: 'ma-cross', provider: 'yahoo' },
  metrics: {},
  result: {
    symbol: 'SPY',
    broker: 'live',
    provider: 'yahoo',
    dry_run: true,
    bar: '2026-12-01',
    order: { client_order_id: 'ma-cross-SPY-9', side: 'buy', quantity: 10, price: 601.25, status: 'dry-run' },
    reason: 'dry run: would buy 10 SPY at 601.25',
    account: { cash: 100000, equity: 100000, currency: 'USD' },
  },
});

/** A run recorded before runs kept their spec, whose result this dashboard cannot read. */
export const OLD_RUN = run({
  id: '01a20000-0000-7000-8000-000000000002',
  parameters: { strategy: 'ma-cross', ...COSTS, params: { fast: 20, slow: 50 } },
  final_equity: 110108.21,
  metrics: { sharpe: 0.864903, max_drawdown_duration: 84, win_rate: 0.666667, some_new_figure: 0.003412 },
  result: null,
  spec: null,
});
