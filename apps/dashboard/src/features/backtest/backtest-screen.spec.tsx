import { DEFAULT_STRATEGY } from '@aetherquant/core';
import { act, screen, within } from '@testing-library/react';
import { useState } from 'react';
import userEvent from '@testing-library/user-event';
import { apiError, fakeApi } from '../../testing/fake-api';
import { createdCharts } from '../../testing/fake-lightweight-charts';
import { renderSignedIn } from '../../testing/render-signed-in';
import { BACKTEST_REPORT, BARS_REPORT, PORTFOLIO_REPORT, STRATEGIES } from '../../testing/sample-reports';
import { BacktestScreen } from './backtest-screen';

jest.mock('lightweight-charts', () => jest.requireActual('../../testing/fake-lightweight-charts'), {
  virtual: true,
});

function backtestApi(answer: Parameters<typeof fakeApi>[0][string] = { body: BACKTEST_REPORT }) {
  return fakeApi({
    'GET /api/strategies': { body: STRATEGIES },
    'POST /api/backtest': answer,
    'GET /api/bars': { body: BARS_REPORT },
  });
}

describe('the backtest form', () => {
  it('starts from SPY, 2y and ma-cross with its parameters at their defaults', async () => {
    renderSignedIn(<BacktestScreen />, { fetch: backtestApi().fetch });
    expect(screen.getByLabelText('Symbol')).toHaveValue('SPY');
    expect(screen.getByLabelText('Period')).toHaveValue('2y');
    expect(await screen.findByLabelText('fast')).toHaveValue('20');
    expect(screen.getByLabelText('slow')).toHaveValue('50');
    expect(screen.getByLabelText('Strategy')).toHaveValue(DEFAULT_STRATEGY);
  });

  it('sends the symbol, period, strategy, its parameters and costs as the API names them', async () => {
    const user = userEvent.setup();
    const api = backtestApi();
    renderSignedIn(<BacktestScreen />, { fetch: api.fetch });
    await user.clear(screen.getByLabelText('Symbol'));
    await user.type(screen.getByLabelText('Symbol'), 'qqq');
    await user.selectOptions(await screen.findByLabelText('Strategy'), 'rsi-reversion');
    await user.clear(screen.getByLabelText('lower'));
    await user.type(screen.getByLabelText('lower'), '25');
    await user.type(screen.getByLabelText('Commission (bps)'), '2');
    await user.click(screen.getByRole('button', { name: 'Run backtest' }));

    await screen.findByRole('region', { name: 'Results' });
    expect(api.requests.find((request) => request.path === '/api/backtest')?.body).toEqual({
      symbol: 'QQQ',
      period: '2y',
      strategy: 'rsi-reversion',
      params: { period: 14, lower: 25, upper: 70 },
      commission_bps: 2,
    });
  });

  it('sends the initial cash typed, and the server default when it is left empty', async () => {
    const user = userEvent.setup();
    const api = backtestApi();
    renderSignedIn(<BacktestScreen />, { fetch: api.fetch });
    await screen.findByLabelText('fast');
    expect(screen.getByLabelText('Initial cash ($)')).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Run backtest' }));
    await screen.findByRole('region', { name: 'Results' });
    expect(api.requests.find((request) => request.path === '/api/backtest')?.body).not.toHaveProperty(
      'initial_cash',
    );

    await user.type(screen.getByLabelText('Initial cash ($)'), '25000,50');
    await user.click(screen.getByRole('button', { name: 'Run backtest' }));
    await screen.findByRole('region', { name: 'Results' });
    expect(api.requests.filter((request) => request.path === '/api/backtest').at(-1)?.body).toMatchObject({
      initial_cash: 25000.5,
    });
  });

  it("refuses initial cash that is not a number, and shows the server's rule next to the field", async () => {
    const user = userEvent.setup();
    const api = backtestApi(
      apiError(400, 'INVALID_ARGUMENT', 'initial_cash must be greater than 0', [
        { field: 'initial_cash', rule: 'must be greater than 0' },
      ]),
    );
    renderSignedIn(<BacktestScreen />, { fetch: api.fetch });
    await screen.findByLabelText('fast');
    const cash = screen.getByLabelText('Initial cash ($)');
    await user.type(cash, '25k');
    await user.click(screen.getByRole('button', { name: 'Run backtest' }));
    expect(cash).toHaveAccessibleDescription(/Must be a number/);
    expect(api.requests.some((request) => request.path === '/api/backtest')).toBe(false);

    await user.clear(cash);
    await user.type(cash, '0');
    await user.click(screen.getByRole('button', { name: 'Run backtest' }));
    await screen.findByRole('alert');
    expect(cash).toHaveAccessibleDescription(/Must be greater than 0/);
  });

  it('sends dates instead of the period when dates are given', async () => {
    const user = userEvent.setup();
    const api = backtestApi();
    renderSignedIn(<BacktestScreen />, { fetch: api.fetch });
    await user.type(screen.getByLabelText('Start date'), '2020-01-02');
    await user.click(screen.getByRole('button', { name: 'Run backtest' }));
    await screen.findByRole('region', { name: 'Results' });
    const body = api.requests.find((request) => request.path === '/api/backtest')?.body;
    expect(body).toMatchObject({ start: '2020-01-02' });
    expect(body).not.toHaveProperty('period');
  });

  it('shows each field error of a 400 next to its field, and a summary', async () => {
    const user = userEvent.setup();
    const api = backtestApi(
      apiError(400, 'INVALID_ARGUMENT', 'ma-cross parameters: params.fast must be at least 1 (got 0)', [
        { field: 'params.fast', rule: 'must be at least 1 (got 0)' },
        { field: 'period', rule: 'must look like 6mo, 1y or 2y (got "zz")' },
      ]),
    );
    renderSignedIn(<BacktestScreen />, { fetch: api.fetch });
    await user.click(await screen.findByRole('button', { name: 'Run backtest' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Some fields need fixing.');
    expect(alert).toHaveTextContent('params.fast must be at least 1 (got 0)');
    expect(screen.getByLabelText('fast')).toHaveAccessibleDescription(/Must be at least 1 \(got 0\)/);
    expect(screen.getByLabelText('fast')).toBeInvalid();
    expect(screen.getByLabelText('Period')).toHaveAccessibleDescription(/Must look like 6mo, 1y or 2y/);
    expect(screen.getByLabelText('Symbol')).toBeValid();
  });

  it('shows progress while the backtest runs', async () => {
    const user = userEvent.setup();
    let answer: (value: Response) => void = () => undefined;
    const api = backtestApi();
    const fetch = (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).endsWith('/api/backtest')
        ? new Promise<Response>((resolve) => (answer = resolve))
        : api.fetch(input, init);
    renderSignedIn(<BacktestScreen />, { fetch: fetch as typeof globalThis.fetch });
    await user.click(await screen.findByRole('button', { name: 'Run backtest' }));
    expect(screen.getByRole('button', { name: 'Run backtest' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    answer(await api.fetch('http://localhost/api/backtest', { method: 'POST', body: '{}' }));
    await screen.findByRole('region', { name: 'Results' });
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });
});

/** The chart drawn in the box of test id `testId` (charts are created in the order they are drawn). */
function chartOf(testId: string) {
  const element = screen.getByTestId(testId);
  const chart = createdCharts.find((created) => created.element === element && !created.removed);
  if (!chart) throw new Error(`no chart drawn in ${testId}`);
  return chart;
}

async function runDefaultBacktest(api = backtestApi()) {
  const user = userEvent.setup();
  createdCharts.length = 0;
  renderSignedIn(<BacktestScreen />, { fetch: api.fetch });
  await user.click(await screen.findByRole('button', { name: 'Run backtest' }));
  const results = await screen.findByRole('region', { name: 'Results' });
  return { user, api, results };
}

describe('the backtest results', () => {
  it('shows the headline figures against the benchmark the report names, and the equity and drawdown', async () => {
    const { results } = await runDefaultBacktest();
    expect(results).toHaveTextContent('Benchmark: buy-and-hold of SPY');
    const annual = within(results).getByRole('group', { name: 'Annual return' });
    expect(annual).toHaveTextContent('-20.3%');
    expect(annual).toHaveTextContent('SPY -23.6%');
    // A loss is red though it beat the benchmark; the comparison is apart, coloured by its own sign:
    // -20.3452% − (-23.6195%) = +3.2743 pp.
    expect(within(annual).getByText('-20.3%')).toHaveClass('tone--negative');
    expect(annual).toHaveTextContent('vs SPY +3.3 pp');
    expect(within(annual).getByText('+3.3 pp')).toHaveClass('tone--positive');
    expect(within(results).getByRole('group', { name: 'Sharpe' })).toHaveTextContent('-0.44');
    expect(within(results).getByRole('group', { name: 'Max drawdown' })).toHaveTextContent('-60.4%');
    expect(within(results).getByRole('group', { name: 'Final equity' })).toHaveTextContent('$62,426.37');
    expect(within(results).getByText(/Synthetic data/)).toBeInTheDocument();

    // Equity and its benchmark (named as the report names it), then the drawdown, a point per chart time.
    expect(chartOf('equity-chart').series.map((series) => series.data.length)).toEqual([3, 3]);
    expect(screen.getByTestId('equity-chart').closest('figure')).toHaveTextContent('SPY $96,978.61');
    expect(chartOf('drawdown-chart').series[0]?.data).toContainEqual({
      time: '2024-11-25',
      value: -0.014851,
    });
  });

  it("draws the symbol's closes from the run's bars, a buy and a sell mark at each trade's prices", async () => {
    const { api } = await runDefaultBacktest();
    await screen.findByTestId('price-chart');
    const bars = api.requests.find((request) => request.path === '/api/bars');
    expect(Object.fromEntries(bars?.query ?? [])).toEqual({
      symbol: 'SPY',
      start: '2024-11-21',
      end: '2024-11-26',
      provider: 'synthetic',
    });
    const price = chartOf('price-chart');
    expect(price.series[0]?.data.map((point) => point.value)).toEqual(BARS_REPORT.close);
    // The long bought at 1.71 and sold at 1.75; the short sold at 1.75 and still open (no exit mark).
    expect(price.series[0]?.markers).toEqual([
      expect.objectContaining({
        time: '2024-11-22',
        shape: 'arrowUp',
        position: 'atPriceBottom',
        price: 1.71,
      }),
      expect.objectContaining({
        time: '2024-11-25',
        shape: 'arrowDown',
        position: 'atPriceTop',
        price: 1.75,
      }),
      expect.objectContaining({
        time: '2024-11-25',
        shape: 'arrowDown',
        position: 'atPriceTop',
        price: 1.75,
      }),
    ]);
    expect(screen.getByTestId('price-chart')).toHaveAttribute('data-markers', '3');
    expect(screen.getByTestId('price-chart')).toHaveAttribute('data-marker-times', '2024-11-22 2024-11-25');
  });

  it('moves the crosshairs of equity, drawdown and price together, the last bar before a time a chart lacks', async () => {
    await runDefaultBacktest();
    await screen.findByTestId('price-chart');
    const price = chartOf('price-chart');
    act(() => price.moveCrosshair(1));
    expect(chartOf('equity-chart').crosshair).toEqual({ price: 101000, time: '2024-11-22' });
    expect(chartOf('drawdown-chart').crosshair).toEqual({ price: 0, time: '2024-11-22' });
    // The bar of 2024-11-26 is past the equity's last point (2024-11-25): its crosshair stays there.
    act(() => price.moveCrosshair(3));
    expect(screen.getByTestId('equity-chart')).toHaveAttribute('data-crosshair-time', '2024-11-25');
    act(() => chartOf('equity-chart').moveCrosshair(0));
    expect(price.crosshair).toEqual({ price: 1.7, time: '2024-11-21' });
    const legend = screen.getByTestId('price-chart').closest('figure');
    expect(legend).toHaveTextContent('2024-11-21SPY $1.70');
    act(() => chartOf('equity-chart').moveCrosshair(2));
    expect(legend).toHaveTextContent('2024-11-25SPY $1.75▼ Sell▼ Sell');
  });

  it("draws candles on request, from the bars' open, high and low", async () => {
    const { user } = await runDefaultBacktest();
    await user.click(await screen.findByRole('button', { name: 'Candles' }));
    expect(screen.getByRole('button', { name: 'Candles' })).toHaveAttribute('aria-pressed', 'true');
    const price = chartOf('price-chart');
    expect(price.series[0]?.type).toBe('Candlestick');
    expect(price.series[0]?.data[1]).toEqual({
      time: '2024-11-22',
      open: 1.7,
      high: 1.73,
      low: 1.69,
      close: 1.71,
    });
    expect(price.series[0]?.markers).toHaveLength(3);
  });

  it('lists the trades newest first: size in units, prices as traded, P&L and return coloured by sign', async () => {
    const { results } = await runDefaultBacktest();
    const trades = within(results).getByRole('region', { name: 'Trades' });
    const rows = within(trades).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'EntrySideExitSizeEntry priceExit priceP&LReturnBarsStatus',
      // 1.7712345 below $10: 4 significant digits; -1,234.50 dollars, -1.2114%.
      '2024-11-25short2024-11-2658,245.21$1.75$1.771-$1,234.50-1.21%1open',
      '2024-11-22long2024-11-2558,479.5322$1.71$1.75+$1,938.101.94%1closed',
    ]);
    expect(within(trades).getByText('-$1,234.50')).toHaveClass('tone--negative');
    expect(within(trades).getByText('+$1,938.10')).toHaveClass('tone--positive');
  });

  it('leaves the price chart out, saying why, when the bars do not hold the trades', async () => {
    const api = fakeApi({
      'GET /api/strategies': { body: STRATEGIES },
      'POST /api/backtest': { body: BACKTEST_REPORT },
      'GET /api/bars': {
        body: { ...BARS_REPORT, time: ['2024-11-21', '2024-11-28', '2024-12-05', '2024-12-12'] },
      },
    });
    const { results } = await runDefaultBacktest(api);
    expect(await within(results).findByText(/do not hold this run's trades/)).toBeInTheDocument();
    expect(screen.queryByTestId('price-chart')).not.toBeInTheDocument();
  });
});

describe('the benchmark field', () => {
  it('sends the benchmark typed, and none when it is left empty', async () => {
    const user = userEvent.setup();
    const api = backtestApi();
    renderSignedIn(<BacktestScreen />, { fetch: api.fetch });
    const benchmark = screen.getByLabelText('Benchmark');
    expect(benchmark).toHaveAttribute('placeholder', 'Buy-and-hold of SPY');
    await user.click(await screen.findByRole('button', { name: 'Run backtest' }));
    await screen.findByRole('region', { name: 'Results' });
    expect(api.requests.find((request) => request.path === '/api/backtest')?.body).not.toHaveProperty(
      'benchmark',
    );

    await user.type(benchmark, ' qqq ');
    await user.click(screen.getByRole('button', { name: 'Run backtest' }));
    await screen.findByRole('region', { name: 'Results' });
    expect(api.requests.filter((request) => request.path === '/api/backtest').at(-1)?.body).toMatchObject({
      benchmark: 'qqq',
    });
  });

  it("shows the server's rule next to it", async () => {
    const user = userEvent.setup();
    const api = backtestApi(
      apiError(400, 'INVALID_ARGUMENT', 'benchmark must be a ticker', [
        { field: 'benchmark', rule: 'must be a ticker of 1 to 15 letters' },
      ]),
    );
    renderSignedIn(<BacktestScreen />, { fetch: api.fetch });
    await user.type(screen.getByLabelText('Benchmark'), 'not a symbol');
    await user.click(await screen.findByRole('button', { name: 'Run backtest' }));
    await screen.findByRole('alert');
    expect(screen.getByLabelText('Benchmark')).toHaveAccessibleDescription(/Must be a ticker/);
  });

  it('names the benchmark the report names with every figure compared to it', async () => {
    const api = backtestApi({ body: { ...BACKTEST_REPORT, benchmark: 'QQQ' } });
    const { results } = await runDefaultBacktest(api);
    expect(results).toHaveTextContent('Benchmark: buy-and-hold of QQQ');
    for (const card of ['Annual return', 'Sharpe', 'Max drawdown', 'Final equity'])
      expect(within(results).getByRole('group', { name: card })).toHaveTextContent(/QQQ .*vs QQQ /);
    expect(screen.getByTestId('equity-chart').closest('figure')).toHaveTextContent('QQQ $96,978.61');
  });
});

/** The backtest screen and a button that leaves it and comes back, as switching tabs does. */
function LeavableBacktest() {
  const [shown, setShown] = useState(true);
  return (
    <>
      <button type="button" onClick={() => setShown(!shown)}>
        {shown ? 'Leave' : 'Come back'}
      </button>
      {shown && <BacktestScreen />}
    </>
  );
}

/** A fetch whose backtest answers wait until `answer` is called, one by one. */
function heldBacktests() {
  const api = backtestApi();
  const waiting: ((value: Response | Error) => void)[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    String(input).endsWith('/api/backtest')
      ? new Promise<Response>((resolve, reject) =>
          waiting.push((value) => (value instanceof Error ? reject(value) : resolve(value))),
        )
      : api.fetch(input, init);
  return {
    fetch: fetch as typeof globalThis.fetch,
    answer: async (value?: Response | Error) =>
      waiting.shift()?.(
        value ?? (await api.fetch('http://localhost/api/backtest', { method: 'POST', body: '{}' })),
      ),
    backtests: () =>
      api.requests.filter((request) => request.path === '/api/backtest').length + waiting.length,
  };
}

describe('a backtest and the screen going away', () => {
  it('runs on when the screen is left, and shows its results when the screen comes back', async () => {
    const user = userEvent.setup();
    const held = heldBacktests();
    renderSignedIn(<LeavableBacktest />, { fetch: held.fetch });
    await user.click(await screen.findByRole('button', { name: 'Run backtest' }));
    await user.click(screen.getByRole('button', { name: 'Leave' }));
    await act(() => held.answer());
    await user.click(screen.getByRole('button', { name: 'Come back' }));
    expect(screen.getByRole('region', { name: 'Results' })).toBeInTheDocument();
  });

  it('does not show the last results under a run that failed, after leaving and coming back', async () => {
    const user = userEvent.setup();
    const held = heldBacktests();
    renderSignedIn(<LeavableBacktest />, { fetch: held.fetch });
    await user.click(await screen.findByRole('button', { name: 'Run backtest' }));
    await act(() => held.answer());
    await screen.findByRole('region', { name: 'Results' });

    await user.clear(screen.getByLabelText('Symbol'));
    await user.type(screen.getByLabelText('Symbol'), 'QQQ');
    await user.click(screen.getByRole('button', { name: 'Run backtest' }));
    // A new run replaces the last outcome at once.
    expect(screen.queryByRole('region', { name: 'Results' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Leave' }));
    await act(() => held.answer(new TypeError('Failed to fetch')));
    await user.click(screen.getByRole('button', { name: 'Come back' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The server cannot be reached right now.');
    expect(screen.queryByRole('region', { name: 'Results' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Symbol')).toHaveValue('QQQ');
  });

  it('shows the run still going when the screen comes back before it ends', async () => {
    const user = userEvent.setup();
    const held = heldBacktests();
    renderSignedIn(<LeavableBacktest />, { fetch: held.fetch });
    await user.click(await screen.findByRole('button', { name: 'Run backtest' }));
    await user.click(screen.getByRole('button', { name: 'Leave' }));
    await user.click(screen.getByRole('button', { name: 'Come back' }));
    expect(screen.getByRole('button', { name: 'Run backtest' })).toHaveAttribute('aria-busy', 'true');
    await act(() => held.answer());
    expect(await screen.findByRole('region', { name: 'Results' })).toBeInTheDocument();
  });
});

describe('the focus around a backtest', () => {
  it('stays on the busy button, which ignores presses, and moves to the results when they arrive', async () => {
    const user = userEvent.setup();
    const held = heldBacktests();
    renderSignedIn(<BacktestScreen />, { fetch: held.fetch });
    const run = await screen.findByRole('button', { name: 'Run backtest' });
    await user.click(run);
    expect(run).toHaveFocus();
    expect(run).toBeEnabled();
    expect(run).toHaveAttribute('aria-disabled', 'true');
    await user.click(run);
    await user.keyboard('{Enter}');
    await act(() => held.answer());
    const results = await screen.findByRole('region', { name: 'Results' });
    expect(within(results).getAllByRole('heading')[0]).toHaveFocus();
    // The presses while busy sent nothing: one backtest.
    expect(held.backtests()).toBe(1);
  });
});

describe('number fields', () => {
  it('reads a comma as the decimal separator', async () => {
    const user = userEvent.setup();
    const api = backtestApi();
    renderSignedIn(<BacktestScreen />, { fetch: api.fetch });
    await screen.findByLabelText('fast');
    await user.type(screen.getByLabelText('Commission (bps)'), '0,5');
    await user.click(screen.getByRole('button', { name: 'Run backtest' }));
    await screen.findByRole('region', { name: 'Results' });
    expect(api.requests.find((request) => request.path === '/api/backtest')?.body).toMatchObject({
      commission_bps: 0.5,
      params: { fast: 20, slow: 50 },
    });
  });

  it('says "Must be a number" next to a field that is not one, and sends nothing', async () => {
    const user = userEvent.setup();
    const api = backtestApi();
    renderSignedIn(<BacktestScreen />, { fetch: api.fetch });
    const fast = await screen.findByLabelText('fast');
    await user.clear(fast);
    await user.type(fast, '2o');
    await user.type(screen.getByLabelText('Slippage (bps)'), '1.2.3');
    await user.click(screen.getByRole('button', { name: 'Run backtest' }));

    expect(fast).toHaveAccessibleDescription(/Must be a number/);
    expect(fast).toBeInvalid();
    expect(fast).toHaveFocus();
    expect(screen.getByLabelText('Slippage (bps)')).toHaveAccessibleDescription(/Must be a number/);
    expect(api.requests.some((request) => request.path === '/api/backtest')).toBe(false);

    await user.clear(fast);
    await user.type(fast, '10');
    expect(fast).toBeValid();
    await user.clear(screen.getByLabelText('Slippage (bps)'));
    await user.click(screen.getByRole('button', { name: 'Run backtest' }));
    await screen.findByRole('region', { name: 'Results' });
    expect(api.requests.find((request) => request.path === '/api/backtest')?.body).toMatchObject({
      params: { fast: 10, slow: 50 },
    });
  });
});

describe('a portfolio backtest', () => {
  it('sends the symbols, allocation, rebalancing, lookback and benchmark, and shows weights and equity', async () => {
    const user = userEvent.setup();
    createdCharts.length = 0;
    const api = fakeApi({
      'GET /api/strategies': { body: STRATEGIES },
      'POST /api/backtest': { body: PORTFOLIO_REPORT },
    });
    renderSignedIn(<BacktestScreen />, { fetch: api.fetch });
    await user.click(screen.getByRole('radio', { name: 'Portfolio' }));
    expect(screen.queryByLabelText('Symbol')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Benchmark')).toHaveAttribute('placeholder', 'The equal-weight portfolio');
    await user.click(screen.getByRole('button', { name: 'Remove GLD' }));
    await user.type(screen.getByLabelText('Symbols'), 'qqq,');
    await user.clear(screen.getByLabelText('Period'));
    await user.type(screen.getByLabelText('Period'), '3y');
    await user.selectOptions(screen.getByLabelText('Allocation'), 'inverse-volatility');
    await user.selectOptions(screen.getByLabelText('Rebalance'), 'bars');
    await user.clear(screen.getByLabelText('Every (bars)'));
    await user.type(screen.getByLabelText('Every (bars)'), '42');
    await user.clear(screen.getByLabelText('Lookback'));
    await user.type(screen.getByLabelText('Lookback'), '6mo');
    await user.type(screen.getByLabelText('Benchmark'), 'QQQ');
    await user.type(screen.getByLabelText('Slippage (bps)'), '2');
    await user.click(screen.getByRole('button', { name: 'Run portfolio backtest' }));

    const results = await screen.findByRole('region', { name: 'Results' });
    expect(api.requests.find((request) => request.path === '/api/backtest')?.body).toEqual({
      symbols: ['SPY', 'TLT', 'QQQ'],
      period: '3y',
      allocation: 'inverse-volatility',
      rebalance: 42,
      lookback: '6mo',
      benchmark: 'QQQ',
      slippage_bps: 2,
    });
    expect(within(results).getByRole('heading', { level: 3 })).toHaveTextContent(
      'SPY, TLT, GLD · inverse-volatility against buy-and-hold of QQQ',
    );
    expect(within(results).getByRole('group', { name: 'Annual return' })).toHaveTextContent('vs QQQ +6.3 pp');
    expect(within(results).getByRole('img', { name: 'Weights' })).toBeInTheDocument();
    expect(screen.getByTestId('equity-chart')).toHaveAttribute('data-points', '3');
    expect(screen.getByTestId('equity-chart').closest('figure')).toHaveTextContent('QQQ $96,978.61');
  });

  it('refuses an every-N-bars rebalance that is not a number, next to its field', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ 'GET /api/strategies': { body: STRATEGIES } });
    renderSignedIn(<BacktestScreen />, { fetch: api.fetch });
    await user.click(screen.getByRole('radio', { name: 'Portfolio' }));
    await user.selectOptions(screen.getByLabelText('Rebalance'), 'bars');
    await user.clear(screen.getByLabelText('Every (bars)'));
    await user.type(screen.getByLabelText('Every (bars)'), 'monthly');
    await user.click(screen.getByRole('button', { name: 'Run portfolio backtest' }));
    expect(screen.getByLabelText('Every (bars)')).toHaveAccessibleDescription(/Must be a number/);
    expect(api.requests.some((request) => request.path === '/api/backtest')).toBe(false);
  });
});
