import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { fakeApi } from '../../testing/fake-api';
import { createdCharts } from '../../testing/fake-lightweight-charts';
import { BACKTEST_RUN, PORTFOLIO_BACKTEST_RUN, SWEEP_RUN } from '../../testing/sample-runs';
import { renderSignedIn } from '../../testing/render-signed-in';
import { RunsScreen } from './runs-screen';

jest.mock('lightweight-charts', () => jest.requireActual('../../testing/fake-lightweight-charts'), {
  virtual: true,
});

function run(n: number) {
  return {
    id: `run-${n}`,
    type: 'backtest',
    symbols: [`S${n}`],
    created_at: '2026-11-21T23:18:03.553Z',
    parameters: { strategy: 'ma-cross' },
    final_equity: null,
  };
}

/** The runs screen and a button that leaves it and comes back, as switching tabs does. */
function LeavableRuns() {
  const [shown, setShown] = useState(true);
  return (
    <>
      <button type="button" onClick={() => setShown(!shown)}>
        {shown ? 'Leave' : 'Come back'}
      </button>
      {shown && <RunsScreen />}
    </>
  );
}

describe('the runs screen', () => {
  it('keeps the pages loaded so far when left and when a run is opened', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /api/runs': (request) =>
        request.query.get('before') === null
          ? { body: { runs: Array.from({ length: 20 }, (_, i) => run(100 - i)) } }
          : { body: { runs: [run(1)] } },
      'GET /api/runs/run-1': {
        status: 404,
        body: { error: { code: 'NOT_FOUND', message: 'no', details: [] } },
      },
    });
    renderSignedIn(<LeavableRuns />, { fetch: api.fetch, role: 'admin' });
    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    const last = await screen.findByRole('button', { name: /S1\b/ });

    await user.click(screen.getByRole('button', { name: 'Leave' }));
    await user.click(screen.getByRole('button', { name: 'Come back' }));
    expect(screen.getByRole('button', { name: /S1\b/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /S1\b/ }));
    await user.click(screen.getByRole('button', { name: 'Back to runs' }));
    expect(screen.getByRole('button', { name: /S1\b/ })).toHaveFocus();
    expect(last).not.toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(21);
  });

  it('names each run by its kind, a portfolio backtest apart, with its final equity in dollars', async () => {
    const api = fakeApi({
      'GET /api/runs': {
        body: {
          runs: [
            {
              ...run(3),
              symbols: ['SPY', 'TLT'],
              parameters: { allocation: 'risk-parity' },
              final_equity: 101934.73,
            },
            { ...run(2), type: 'walk-forward' },
            { ...run(1), type: 'papertrade', final_equity: 67932.54 },
          ],
        },
      },
    });
    renderSignedIn(<RunsScreen />, { fetch: api.fetch, role: 'admin' });
    const items = await screen.findAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.run-list__type')?.textContent)).toEqual([
      'Portfolio backtest',
      'Walk-forward',
      'Paper trade',
    ]);
    expect(items[0]).toHaveTextContent('Final equity $101,934.73');
  });
});

/** Each run's equity table: the backtest from $100,000, the portfolio from $50,000. */
const EQUITY_TABLES: Record<string, string> = {
  [BACKTEST_RUN.id]:
    'time,equity,drawdown,benchmark,close\n2024-11-21,100000,0,100000,1.7\n2024-11-22,101000,0,100500,1.71\n',
  [PORTFOLIO_BACKTEST_RUN.id]:
    'time,equity,drawdown,benchmark\n2026-01-01,50000,0,50000\n2026-01-02,49000,-0.02,50100\n',
};

function compareApi() {
  const listed = [BACKTEST_RUN, PORTFOLIO_BACKTEST_RUN, SWEEP_RUN];
  return fakeApi({
    // The list answers more of each run than it would (its result, metrics, spec): nothing reads them there.
    'GET /api/runs': { body: { runs: listed } },
    ...Object.fromEntries(listed.map((run) => [`GET /api/runs/${run.id}`, { body: run }])),
    ...Object.fromEntries(
      Object.entries(EQUITY_TABLES).map(([id, table]) => [
        `GET /api/runs/${id}/report`,
        { text: table, headers: { 'Content-Type': 'text/csv; charset=utf-8' } },
      ]),
    ),
  });
}

/** The cells of the row named `label` in the comparison table, after its first. */
function rowCells(table: HTMLElement, label: string): HTMLElement[] {
  const row = within(table)
    .getAllByRole('row')
    .find((candidate) => candidate.firstElementChild?.textContent === label);
  if (!row) throw new Error(`no row ${label}`);
  return [...row.querySelectorAll<HTMLElement>('td')].slice(1);
}

describe('runs compared', () => {
  it('puts the recorded figures of the runs picked side by side, the best of each row starred', async () => {
    const user = userEvent.setup();
    createdCharts.length = 0;
    renderSignedIn(<RunsScreen />, { fetch: compareApi().fetch, role: 'admin' });
    const boxes = await screen.findAllByRole('checkbox', { name: /^Compare / });
    expect(screen.queryByRole('button', { name: 'Compare' })).not.toBeInTheDocument();
    await user.click(boxes[0] as HTMLElement);
    expect(screen.getByRole('group', { name: 'Runs picked' })).toHaveTextContent(
      '1 run picked: pick another',
    );
    expect(screen.getByRole('button', { name: 'Compare' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(boxes[1] as HTMLElement);
    await user.click(boxes[2] as HTMLElement);
    expect(screen.getByRole('group', { name: 'Runs picked' })).toHaveTextContent('3 runs picked');
    await user.click(screen.getByRole('button', { name: 'Compare' }));

    const table = await screen.findByRole('region', { name: 'Figures compared' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Figure', '1 · Backtest SPY', '2 · Portfolio backtest SPY, TLT, GLD', '3 · Sweep SPY']);
    const annual = rowCells(table, 'Annual return');
    expect(annual.map((cell) => cell.textContent)).toEqual(['-20.3%', '2.0% ★ (best)', '–']);
    expect(annual[0]?.querySelector('[data-value]')).toHaveAttribute('data-value', '-0.203452');
    expect(within(annual[0] as HTMLElement).getByText('-20.3%')).toHaveClass('tone--negative');
    expect(within(annual[1] as HTMLElement).getByText('2.0%')).toHaveClass('tone--positive');
    // A shallower drawdown is the better one.
    expect(rowCells(table, 'Max drawdown').map((cell) => cell.textContent)).toEqual([
      '-60.4%',
      '-12.2% ★ (best)',
      '–',
    ]);
    // Alike in both: none better. Equity of runs of different cash is not ranked.
    expect(rowCells(table, 'Volatility').map((cell) => cell.textContent)).toEqual(['36.6%', '36.6%', '–']);
    expect(rowCells(table, 'Final equity').map((cell) => cell.textContent)).toEqual([
      '$62,426.37',
      '$101,934.73',
      '$112,493.44',
    ]);
    expect(rowCells(table, 'Benchmark').map((cell) => cell.textContent)).toEqual([
      'SPY',
      'Equal weight',
      'SPY',
    ]);
    expect(rowCells(table, 'Best Sharpe').map((cell) => cell.textContent)).toEqual(['–', '–', '1.19']);
  });

  it('overlays their equity curves, each 100 at its first bar, one line per run that has one', async () => {
    const user = userEvent.setup();
    createdCharts.length = 0;
    renderSignedIn(<RunsScreen />, { fetch: compareApi().fetch, role: 'admin' });
    for (const box of await screen.findAllByRole('checkbox', { name: /^Compare / })) await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    const chart = await screen.findByTestId('compare-chart');
    expect(chart).toHaveAttribute('data-lines', '2');
    const drawn = createdCharts.find((created) => created.element === chart);
    // The union of their bars: each line has points on its own run's bars only.
    expect(drawn?.series.map((series) => series.data.map((point) => point.value ?? null))).toEqual([
      [100, 101, null, null],
      [null, null, 100, 98],
    ]);
    expect(screen.getByText('3 · Sweep SPY: sweep runs draw no equity curve')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back to runs' }));
    expect(screen.getByRole('button', { name: 'Compare' })).toHaveFocus();
    expect(screen.getAllByRole('checkbox', { checked: true })).toHaveLength(3);
  });
});
