// Answers shaped as the API sends them (recorded from a local API on synthetic data, trimmed).

export const STRATEGIES = {
  strategies: [
    {
      name: 'ma-cross',
      description: 'Moving-average crossover.',
      parameters: [
        {
          name: 'fast',
          description: 'Bars in the fast average.',
          kind: 'integer',
          default: 20,
          min: 1,
          max: 10000,
        },
        {
          name: 'slow',
          description: 'Bars in the slow average.',
          kind: 'integer',
          default: 50,
          min: 2,
          max: 10000,
        },
      ],
    },
    { name: 'buy-and-hold', description: 'Fully long on every bar.', parameters: [] },
    {
      name: 'rsi-reversion',
      description: "Mean reversion on Wilder's RSI.",
      parameters: [
        { name: 'period', description: 'RSI bars.', kind: 'integer', default: 14, min: 2, max: 10000 },
        { name: 'lower', description: 'Buy below.', kind: 'number', default: 30, min: 0, max: 100 },
        { name: 'upper', description: 'Exit above.', kind: 'number', default: 70, min: 0, max: 100 },
      ],
    },
  ],
};

const CHART = {
  time: ['2024-11-21', '2024-11-22', '2024-11-25'],
  equity: [100000, 101000, 99500],
  benchmark: [100000, 97925.6, 96978.61],
  drawdown: [0, 0, -0.014851],
};

export const BACKTEST_REPORT = {
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
  run_id: '01a20067-01fb-7000-82a7-f258ec35dcd9',
  provider: 'synthetic',
  strategy: 'ma-cross',
  params: { fast: 20, slow: 50 },
  first: '2024-11-21',
  last: '2026-11-20',
  trades: 1,
  metrics: {
    volatility: 0.366325,
    sortino: -0.60614,
    calmar: -0.336882,
    total_return: -0.375736,
    win_rate: 0.416667,
    exposure: 0.90595,
  },
  chart: CHART,
  trade_list: [
    {
      side: 'long',
      entry: '2025-01-29',
      exit: '2025-01-30',
      entry_price: 1.71,
      exit_price: 1.75,
      return: 0.019381,
      bars_held: 1,
      open: false,
    },
  ],
};

export const PAPERTRADE_REPORT = {
  symbol: 'SPY',
  broker: 'paper',
  provider: 'synthetic',
  strategy: 'ma-cross',
  params: { fast: 20, slow: 50 },
  first: '2024-11-21',
  last: '2026-11-20',
  orders_placed: 1,
  start_equity: 100000,
  final_equity: 67932.54,
  cash: 67932.54,
  position: 0,
  orders: [
    {
      client_order_id: 'ma-cross-SPY-1',
      time: '2025-01-29',
      side: 'buy',
      quantity: 58382,
      status: 'filled',
      fill_price: 1.7126,
      commission: 9.99,
    },
  ],
  chart: CHART,
};

export const OPTIMIZE_REPORT = {
  method: 'risk-parity',
  symbols: ['SPY', 'TLT', 'GLD', 'QQQ'],
  weights: { SPY: 0.140127, TLT: 0.215555, GLD: 0.385406, QQQ: 0.258911 },
  risk_contributions: { SPY: 0.25, TLT: 0.25, GLD: 0.25, QQQ: 0.25 },
  expected_return: -0.012642,
  volatility: 0.145799,
  rows: 522,
  provider: 'synthetic',
  first: '2024-11-21',
  last: '2026-11-20',
};
