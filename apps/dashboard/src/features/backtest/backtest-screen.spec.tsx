import { DEFAULT_STRATEGY } from '@aetherquant/core';
import { act, screen, within } from '@testing-library/react';
import { useState } from 'react';
import userEvent from '@testing-library/user-event';
import { apiError, fakeApi } from '../../testing/fake-api';
import { createdCharts } from '../../testing/fake-lightweight-charts';
import { renderSignedIn } from '../../testing/render-signed-in';
import { BACKTEST_REPORT, STRATEGIES } from '../../testing/sample-reports';
import { BacktestScreen } from './backtest-screen';

jest.mock('lightweight-charts', () => jest.requireActual('../../testing/fake-lightweight-charts'), {
  virtual: true,
});

function backtestApi(answer: Parameters<typeof fakeApi>[0][string] = { body: BACKTEST_REPORT }) {
  return fakeApi({ 'GET /api/strategies': { body: STRATEGIES }, 'POST /api/backtest': answer });
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

describe('the backtest results', () => {
  it('shows the headline figures against the benchmark, the charts and the trades', async () => {
    const user = userEvent.setup();
    createdCharts.length = 0;
    renderSignedIn(<BacktestScreen />, { fetch: backtestApi().fetch });
    await user.click(await screen.findByRole('button', { name: 'Run backtest' }));
    const results = await screen.findByRole('region', { name: 'Results' });

    const annual = within(results).getByRole('group', { name: 'Annual return' });
    expect(annual).toHaveTextContent('-20.3%');
    expect(annual).toHaveTextContent('Benchmark -23.6%');
    expect(within(results).getByRole('group', { name: 'Sharpe' })).toHaveTextContent('-0.44');
    expect(within(results).getByRole('group', { name: 'Max drawdown' })).toHaveTextContent('-60.4%');
    expect(within(results).getByRole('group', { name: 'Final equity' })).toHaveTextContent('62,426.37');
    expect(within(results).getByText(/Synthetic data/)).toBeInTheDocument();

    expect(within(results).getByTestId('equity-chart')).toBeInTheDocument();
    expect(within(results).getByTestId('drawdown-chart')).toBeInTheDocument();
    // Equity and benchmark lines, then the drawdown area, each with a point per chart time.
    expect(createdCharts.at(-2)?.series.map((series) => series.data.length)).toEqual([3, 3]);
    expect(createdCharts.at(-1)?.series[0]?.data).toContainEqual({ time: '2024-11-25', value: -0.014851 });

    expect(within(results).getByRole('heading', { name: 'Trades' })).toBeInTheDocument();
    expect(within(results).getByRole('cell', { name: '2025-01-29' })).toBeInTheDocument();
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
    count: () => api.requests.length + waiting.length,
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
    // The presses while busy sent nothing: one strategies call, one backtest.
    expect(held.count()).toBe(2);
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
