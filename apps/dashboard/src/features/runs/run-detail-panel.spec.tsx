import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, fakeApi } from '../../testing/fake-api';
import { createdCharts } from '../../testing/fake-lightweight-charts';
import { renderSignedIn } from '../../testing/render-signed-in';
import {
  BACKTEST_RUN,
  LIVE_RUN,
  OLD_RUN,
  OPTIMIZE_RUN,
  PAPERTRADE_RUN,
  PORTFOLIO_BACKTEST_RUN,
  SWEEP_RUN,
  WALK_FORWARD_RUN,
} from '../../testing/sample-runs';
import { RunDetailPanel } from './run-detail-panel';

jest.mock('lightweight-charts', () => jest.requireActual('../../testing/fake-lightweight-charts'), {
  virtual: true,
});

/** Opens the detail of `run` as the runs screen does, and waits for it. */
async function openRun(run: { id: string }) {
  const api = fakeApi({ [`GET /api/runs/${run.id}`]: { body: run } });
  renderSignedIn(<RunDetailPanel id={run.id} onBack={() => undefined} />, {
    fetch: api.fetch,
    role: 'admin',
  });
  return screen.findByRole('region', { name: 'Run detail' });
}

/** The value shown for `label` in a list of facts (the first such list in `scope`). */
function fact(scope: HTMLElement, label: string): string | null | undefined {
  return within(scope).getAllByText(label, { selector: 'dt' })[0]?.nextElementSibling?.textContent;
}

/** The coloured span of a metric card's value, and of its difference from the benchmark. */
function card(scope: HTMLElement, label: string) {
  const group = within(scope).getByRole('group', { name: label });
  return {
    group,
    value: group.querySelector('.metric-card__value') as HTMLElement,
    versus: group.querySelector('.metric-card__figure.tone') as HTMLElement,
  };
}

describe('the detail of a recorded backtest', () => {
  it('shows its figures formatted and coloured by their sign, with the benchmark apart', async () => {
    const detail = await openRun(BACKTEST_RUN);
    expect(within(detail).getByRole('heading', { name: 'Backtest · SPY' })).toBeInTheDocument();

    // -20.3452% is a loss (red) though it beat the benchmark's -23.6195% by 3.2743 pp (green).
    const annual = card(detail, 'Annual return');
    expect(annual.value).toHaveTextContent('-20.3%');
    expect(annual.value).toHaveClass('tone--negative');
    expect(annual.group).toHaveTextContent('SPY -23.6%');
    expect(annual.versus).toHaveTextContent('+3.3 pp');
    expect(annual.versus).toHaveClass('tone--positive');
    // -60.3926% against -56.9512%: 3.4414 pp deeper.
    expect(card(detail, 'Max drawdown').versus).toHaveTextContent('-3.4 pp');
    expect(card(detail, 'Max drawdown').versus).toHaveClass('tone--negative');
    // Equity is an amount, not a gain: uncoloured; 62,426.37 − 57,227.81 = +5,198.56.
    const equity = card(detail, 'Final equity');
    expect(equity.value).toHaveTextContent('$62,426.37');
    expect(equity.value).toHaveClass('tone--none');
    expect(equity.versus).toHaveTextContent('+$5,198.56');

    expect(fact(detail, 'Longest drawdown')).toBe('414 bars');
    expect(fact(detail, 'Win rate')).toBe('36.4%');
    expect(fact(detail, 'Turnover (a year)')).toBe('13.43×');
    expect(fact(detail, 'Alpha (annual)')).toBe('-8.69%');
    expect(detail).not.toHaveTextContent('414.0000');
    expect(detail).not.toHaveTextContent('0.3636');
  });

  it('says how many trades it made, and why it has no orders', async () => {
    const detail = await openRun(BACKTEST_RUN);
    expect(detail).toHaveTextContent('11 trades in this backtest');
    expect(detail).toHaveTextContent('A backtest places no orders');
    expect(detail).not.toHaveTextContent('This run placed no orders');
  });

  it('shows the spec that reruns it, each field as a person writes it', async () => {
    const detail = await openRun(BACKTEST_RUN);
    expect(detail).toHaveTextContent(`aetherquant runs spec ${BACKTEST_RUN.id}`);
    const spec = within(detail).getByRole('region', { name: 'Spec' });
    expect(fact(spec, 'Initial cash')).toBe('$100,000.00');
    expect(fact(spec, 'Commission')).toBe('1 bps');
    expect(fact(spec, 'Slippage')).toBe('0.5 bps');
    expect(fact(spec, 'Parameters')).toBe('fast 20, slow 50');
    expect(fact(spec, 'Long only')).toBe('no');
    expect(fact(spec, 'Start')).toBe('2024-11-21');
  });
});

describe('the detail of the other runs', () => {
  it('a paper trade: its account figures and its orders, with prices as traded', async () => {
    const detail = await openRun(PAPERTRADE_RUN);
    expect(within(detail).getByRole('heading', { name: 'Paper trade · SPY' })).toBeInTheDocument();
    expect(card(detail, 'Final equity').value).toHaveTextContent('$67,932.54');
    expect(within(detail).getByRole('group', { name: 'Start equity' })).toHaveTextContent('$100,000.00');
    expect(within(detail).getByRole('group', { name: 'Orders filled' })).toHaveTextContent('2');
    const rows = within(within(detail).getByRole('region', { name: 'Orders' }))
      .getAllByRole('row')
      .map((row) => row.textContent);
    // Newest first; 422.80861… to the cent, 1.7126 to 4 significant digits, commission 9.97828… to the cent.
    expect(rows).toEqual([
      'TimeSideQuantityStatusFill priceCommission',
      '2025-03-04sell58,382filled$422.81$9.98',
      '2025-01-29buy58,382filled$1.713$9.99',
    ]);
    expect(detail).not.toHaveTextContent('places no orders');
  });

  it('an optimisation: its weights from the recorded result, scaled to 100%', async () => {
    const detail = await openRun(OPTIMIZE_RUN);
    expect(
      within(detail).getByRole('heading', { name: 'Optimisation · SPY, TLT, GLD, QQQ' }),
    ).toBeInTheDocument();
    expect(card(detail, 'Expected return').value).toHaveTextContent('-1.3%');
    expect(card(detail, 'Expected return').value).toHaveClass('tone--negative');
    const weights = within(detail).getByRole('img', { name: 'Weights' });
    // GLD 0.385406: 38.54% of the track.
    const gld = within(weights).getByTestId('bar-GLD');
    expect(parseFloat(gld.style.width)).toBeCloseTo(38.5406, 3);
    expect(within(detail).getByRole('row', { name: /GLD 38\.54% 25\.00%/ })).toBeInTheDocument();
    expect(detail).toHaveTextContent('An optimisation computes weights and places no orders.');
    const spec = within(detail).getByRole('region', { name: 'Spec' });
    expect(fact(spec, 'Max weight')).toBe('100.0%');
    expect(fact(spec, 'Risk-free rate')).toBe('4.00%');
  });

  it('a portfolio backtest: headline figures against equal weights, how it was built, its last weights', async () => {
    const detail = await openRun(PORTFOLIO_BACKTEST_RUN);
    expect(
      within(detail).getByRole('heading', { name: 'Portfolio backtest · SPY, TLT, GLD' }),
    ).toBeInTheDocument();
    expect(card(detail, 'Annual return').value).toHaveTextContent('2.0%');
    expect(card(detail, 'Annual return').value).toHaveClass('tone--positive');
    expect(card(detail, 'Annual return').versus).toHaveTextContent('+6.3 pp');
    expect(fact(detail, 'Allocation')).toBe('risk-parity');
    expect(fact(detail, 'Rebalances')).toBe('12');
    expect(fact(detail, 'Win rate')).toBe('–');
    expect(parseFloat(within(detail).getByTestId('bar-GLD').style.width)).toBeCloseTo(51.7711, 3);
    expect(detail).toHaveTextContent('A portfolio backtest places no orders');
  });

  it('a sweep: its best combination and its ranking', async () => {
    const detail = await openRun(SWEEP_RUN);
    expect(within(detail).getByRole('heading', { name: 'Best: fast 10, slow 100' })).toBeInTheDocument();
    expect(fact(detail, 'Combinations')).toBe('4');
    const ranking = within(detail).getByRole('region', { name: 'Ranking' });
    expect(within(ranking).getAllByRole('row')[1]).toHaveTextContent(
      '1101001.1912.49%-8.41%12.49%1.661.49$112,493.441',
    );
    const spec = within(detail).getByRole('region', { name: 'Spec' });
    expect(fact(spec, 'Grid')).toBe('fast (5, 10), slow (50, 100)');
  });

  it('a walk-forward: out-of-sample figures against buy-and-hold and its windows', async () => {
    const detail = await openRun(WALK_FORWARD_RUN);
    expect(within(detail).getByRole('heading', { name: 'Walk-forward · SPY' })).toBeInTheDocument();
    // 1.5316% against 25.9096%: 24.378 pp behind.
    expect(card(detail, 'Annual return').value).toHaveTextContent('1.5%');
    expect(card(detail, 'Annual return').versus).toHaveTextContent('-24.4 pp');
    expect(within(within(detail).getByRole('region', { name: 'Windows' })).getAllByRole('row')).toHaveLength(
      3,
    );
    expect(fact(detail, 'Job')).toBe(WALK_FORWARD_RUN.job_id);
  });

  it('a live decision: the reason, the order it would place and the account', async () => {
    const detail = await openRun(LIVE_RUN);
    expect(within(detail).getByRole('heading', { name: 'Live trade · SPY' })).toBeInTheDocument();
    expect(detail).toHaveTextContent('dry run: would buy 10 SPY at 601.25');
    expect(within(detail).getByRole('group', { name: 'Account equity' })).toHaveTextContent('$100,000.00');
    expect(fact(detail, 'Price')).toBe('$601.25');
  });

  it('a run recorded before specs were kept, whose result cannot be read: its metrics and parameters, formatted', async () => {
    const detail = await openRun(OLD_RUN);
    expect(within(detail).getByRole('heading', { name: 'Metrics' })).toBeInTheDocument();
    expect(fact(detail, 'Sharpe')).toBe('0.86');
    expect(within(detail).getByText('0.86')).toHaveClass('tone--positive');
    expect(fact(detail, 'Longest drawdown')).toBe('84 bars');
    expect(fact(detail, 'Win rate')).toBe('66.7%');
    expect(fact(detail, 'Some new figure')).toBe('0.003412');
    expect(fact(detail, 'Final equity')).toBe('$110,108.21');
    const parameters = within(detail).getByRole('region', { name: 'Parameters' });
    expect(fact(parameters, 'Initial cash')).toBe('$100,000.00');
    expect(fact(parameters, 'Parameters')).toBe('fast 20, slow 50');
  });
});

const REPORT_PATH = `/api/runs/${BACKTEST_RUN.id}/report`;
const TRADES_CSV = [
  'symbol,side,entry,exit,entry_price,exit_price,size,return,pnl,bars_held,open',
  'SPY,long,2024-11-22,2024-11-25,1.71,1.75,58479.53216374269,0.019381,1938.1,1,false',
  'SPY,short,2024-11-25,2024-11-26,1.75,1.7712345,58245.21,-0.012114,-1234.5,1,true',
  '',
].join('\n');
const EQUITY_CSV = [
  'time,equity,drawdown,benchmark,close',
  '2024-11-21,99985,0,100000,1.7',
  '2024-11-22,101000,0,100588.2,1.71',
  '2024-11-25,99500,-0.014851,102941.2,1.75',
  '2024-11-26,98900,-0.020792,104190.3,1.7712345',
  '',
].join('\n');

/** The run's report route: its page, or the CSV table asked for. */
function reportRoute(request: { query: URLSearchParams }) {
  const table = request.query.get('table');
  if (table === null)
    return {
      text: `<!doctype html><title>Report ${BACKTEST_RUN.id}</title>`,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Disposition': `inline; filename="report-${BACKTEST_RUN.id}.html"`,
      },
    };
  return {
    text: table === 'trades' ? TRADES_CSV : EQUITY_CSV,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="report-${BACKTEST_RUN.id}-${table}.csv"`,
    },
  };
}

function openBacktest() {
  const api = fakeApi({
    [`GET /api/runs/${BACKTEST_RUN.id}`]: { body: BACKTEST_RUN },
    [`GET ${REPORT_PATH}`]: reportRoute,
  });
  renderSignedIn(<RunDetailPanel id={BACKTEST_RUN.id} onBack={() => undefined} />, {
    fetch: api.fetch,
    role: 'admin',
  });
  return { api, detail: screen.findByRole('region', { name: 'Run detail' }) };
}

/** A Blob's text (jsdom's Blob has no `text()`). */
function textOf(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!blob) return reject(new Error('no blob'));
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe("a run's report", () => {
  const blobs: Blob[] = [];
  beforeEach(() => {
    blobs.length = 0;
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:report-${blobs.length}`;
    });
    URL.revokeObjectURL = jest.fn();
  });
  afterEach(() => jest.restoreAllMocks());

  it('opens in a new tab, read with the key and handed over as a Blob URL', async () => {
    const user = userEvent.setup();
    const tab = {
      closed: false,
      document: { title: '' },
      location: { replace: jest.fn() },
      close: jest.fn(),
    };
    const open = jest.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    const { api, detail } = openBacktest();
    await user.click(within(await detail).getByRole('button', { name: 'Open report' }));

    expect(open).toHaveBeenCalledWith('', '_blank');
    await waitFor(() => expect(tab.location.replace).toHaveBeenCalledWith('blob:report-1'));
    const request = api.requests.find((sent) => sent.path === REPORT_PATH);
    expect(request?.headers['x-api-key']).toBe('test-key');
    expect(blobs[0]?.type).toBe('text/html; charset=utf-8');
    expect(await textOf(blobs[0])).toContain(BACKTEST_RUN.id);
  });

  it('offers a link when the browser keeps the tab from opening', async () => {
    const user = userEvent.setup();
    jest.spyOn(window, 'open').mockReturnValue(null);
    const { detail } = openBacktest();
    await user.click(within(await detail).getByRole('button', { name: 'Open report' }));
    expect(await screen.findByRole('link', { name: 'open the report' })).toHaveAttribute(
      'href',
      'blob:report-1',
    );
  });

  it('downloads the trades and the equity as CSV, named by the server', async () => {
    const user = userEvent.setup();
    const saved: { href: string; download: string }[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    });
    const { detail } = openBacktest();
    await user.click(within(await detail).getByRole('button', { name: 'Download trades CSV' }));
    await user.click(within(await detail).getByRole('button', { name: 'Download equity CSV' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved).toEqual([
      { href: 'blob:report-1', download: `report-${BACKTEST_RUN.id}-trades.csv` },
      { href: 'blob:report-2', download: `report-${BACKTEST_RUN.id}-equity.csv` },
    ]);
    expect(await textOf(blobs[0])).toBe(TRADES_CSV);
  });

  it('says why, when the server cannot make it', async () => {
    const user = userEvent.setup();
    jest.spyOn(window, 'open').mockReturnValue(null);
    const api = fakeApi({
      [`GET /api/runs/${BACKTEST_RUN.id}`]: { body: BACKTEST_RUN },
      [`GET ${REPORT_PATH}`]: apiError(422, 'DATA_UNAVAILABLE', 'no file for SPY in [path]'),
    });
    renderSignedIn(<RunDetailPanel id={BACKTEST_RUN.id} onBack={() => undefined} />, {
      fetch: api.fetch,
      role: 'admin',
    });
    const detail = await screen.findByRole('region', { name: 'Run detail' });
    await user.click(within(detail).getByRole('button', { name: 'Open report' }));
    expect(await within(detail).findByRole('alert')).toHaveTextContent('No file for SPY in [path]');
  });
});

describe("a recorded backtest's curves and trades", () => {
  it('are read on request from its report, its trades marked on its prices and listed', async () => {
    const user = userEvent.setup();
    createdCharts.length = 0;
    const { api, detail } = openBacktest();
    const shown = await detail;
    expect(api.requests.some((request) => request.path === REPORT_PATH)).toBe(false);
    await user.click(within(shown).getByRole('button', { name: 'Show curves and trades' }));

    const price = await within(shown).findByTestId('price-chart');
    expect(price).toHaveAttribute('data-points', '4');
    expect(price).toHaveAttribute('data-marker-times', '2024-11-22 2024-11-25');
    expect(within(shown).getByTestId('equity-chart').closest('figure')).toHaveTextContent(
      'Strategy $98,900.00SPY $104,190.30',
    );
    const rows = within(within(shown).getByRole('region', { name: 'Trades' })).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('2024-11-25short2024-11-2658,245.21$1.75$1.771-$1,234.50-1.21%1open');
    expect(within(rows[1] as HTMLElement).getByText('-$1,234.50')).toHaveClass('tone--negative');
  });
});
