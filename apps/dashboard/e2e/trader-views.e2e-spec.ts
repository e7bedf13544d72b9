/**
 * @jest-environment node
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ServerProcess, startServerProcess } from '@aetherquant/testing';
import { type Browser, type Locator, type Page, type Response } from 'playwright-core';
import { formatMoney, formatPercent, formatPrice, formatQuantity } from '../src/components/format';
import { metricDefinition } from '../src/components/metric-catalog';
import { afterPaint, signColours } from './support/page-checks';
import {
  chromiumAvailable,
  errorsOf,
  launchChromium,
  PHONE,
  phonePage,
  screenshot,
  scrollsSideways,
  VIEWPORTS,
} from './support/phone-browser';

// The views a trader reads a run by, at each layout, against the real API on synthetic data: the price with
// the trades marked and its crosshair moving with equity and drawdown, the trades table, the benchmark field,
// a sweep's heat map, the walk-forward and portfolio forms, runs compared, and a run's report opened.

const ADMIN_KEY = 'admin-key-views-9876543210';
const WEB_BIN = resolve(__dirname, '../../api/bin/aetherquant-web.js');
const DATABASE = join(resolve(__dirname, '../../../tmp'), `dashboard-views-e2e-${process.pid}.sqlite`);

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

interface Trade {
  side: 'long' | 'short';
  entry: string;
  exit: string;
  entry_price: number;
  exit_price: number;
  size: number;
  return: number;
  pnl: number;
  bars_held: number;
  open: boolean;
}
interface BacktestAnswer {
  run_id: string;
  benchmark: string;
  chart: { time: string[] };
  trade_list: Trade[];
}
interface BarsAnswer {
  time: string[];
  close: number[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The two runs the comparison and the report are checked with: their symbols are no other test's. */
const RECORDED = [
  { symbol: 'IWM', period: '2y' },
  { symbol: 'EFA', period: '3y', initial_cash: 50_000 },
] as const;

describeInBrowser('the views a trader reads a run by, against the real API', () => {
  let server: ServerProcess;
  let browser: Browser;
  const recordedIds: string[] = [];

  async function api<T>(path: string, body?: unknown): Promise<T> {
    const response = await fetch(new URL(path, server.url), {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': ADMIN_KEY },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  beforeAll(async () => {
    server = await startServerProcess(process.execPath, [WEB_BIN], {
      AETHERQ_ADMIN_API_KEY: ADMIN_KEY,
      AETHERQ_API_KEY: 'trader-key-views-0123456789',
      AETHERQ_DATA_PROVIDER: 'synthetic',
      AETHERQ_CACHE_DIR: 'none',
      AETHERQ_DATABASE_URL: `sqlite:///${DATABASE}`,
      // Three layouts of every view within a minute or two: more than a person's budget.
      AETHERQ_RATE_LIMIT_PER_MINUTE: '2000',
    });
    browser = await launchChromium();
    for (const request of RECORDED)
      recordedIds.push((await api<{ run_id: string }>('/api/backtest', request)).run_id);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(DATABASE, { force: true });
  });

  const layouts = Object.entries(VIEWPORTS).map(
    ([name, viewport]) => [`${name} ${viewport.width}×${viewport.height}`, viewport] as const,
  );

  describe.each(layouts)('at %s', (_title, viewport) => {
    const isPhone = viewport.width === PHONE.width && viewport.height === PHONE.height;

    async function signIn(): Promise<Page> {
      const page = await phonePage(browser, 'light', viewport);
      await page.goto(server.url);
      await page.getByLabel('API key').fill(ADMIN_KEY);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByText('Signed in as').waitFor();
      return page;
    }

    function tab(page: Page, name: string): Locator {
      return page.locator('.tab-bar').getByRole('button', { name, exact: true });
    }

    function answered(page: Page, method: string, path: RegExp): Promise<Response> {
      return page.waitForResponse(
        (response) => response.request().method() === method && path.test(new URL(response.url()).pathname),
      );
    }

    /** Runs the backtest form as it stands; its answer, and the bars its price chart read. */
    async function backtest(page: Page) {
      const report = answered(page, 'POST', /^\/api\/backtest$/);
      const bars = answered(page, 'GET', /^\/api\/bars$/);
      await page.getByRole('button', { name: 'Run backtest' }).click();
      const results = page.getByRole('region', { name: 'Results' });
      await results.waitFor();
      return {
        results,
        report: (await (await report).json()) as BacktestAnswer,
        bars: (await (await bars).json()) as BarsAnswer,
        request: (await report).request().postDataJSON() as Record<string, unknown>,
      };
    }

    async function finish(page: Page) {
      expect(await scrollsSideways(page)).toBe(false);
      expect(errorsOf(page)).toEqual([]);
      await page.context().close();
    }

    it("marks every trade on the price chart at its bar and price, and moves the price's crosshair with equity and drawdown", async () => {
      const page = await signIn();
      const { report, bars } = await backtest(page);
      const price = page.getByTestId('price-chart');
      await price.locator('canvas').first().waitFor();

      // Each trade's entry, and its exit unless still open, is a mark at a bar whose close is its price.
      const expected = report.trade_list.flatMap((trade) =>
        trade.open
          ? [{ time: trade.entry, price: trade.entry_price }]
          : [
              { time: trade.entry, price: trade.entry_price },
              { time: trade.exit, price: trade.exit_price },
            ],
      );
      expect(expected.length).toBeGreaterThan(2);
      expect(Number(await price.getAttribute('data-markers'))).toBe(expected.length);
      const markTimes = new Set((await price.getAttribute('data-marker-times'))?.split(' '));
      const closeAt = new Map(bars.time.map((time, index) => [time, bars.close[index]]));
      for (const mark of expected) {
        expect({ time: mark.time, marked: markTimes.has(mark.time) }).toEqual({
          time: mark.time,
          marked: true,
        });
        expect({ time: mark.time, close: closeAt.get(mark.time) }).toEqual({
          time: mark.time,
          close: mark.price,
        });
      }
      expect(Number(await price.getAttribute('data-points'))).toBe(bars.time.length);

      // A pointer on the price chart: equity and drawdown follow; on the equity chart: the price follows.
      const sameTime = (ids: readonly string[]) =>
        page.waitForFunction((testIds) => {
          const times = testIds.map((id) =>
            document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-crosshair-time'),
          );
          return times.every((time) => time && time === times[0]);
        }, ids);
      await price.scrollIntoViewIfNeeded();
      await afterPaint(page);
      const priceBox = await price.boundingBox();
      if (!priceBox) throw new Error('the price chart has no box');
      await page.mouse.move(priceBox.x + priceBox.width / 3, priceBox.y + priceBox.height / 2);
      await sameTime(['price-chart', 'equity-chart', 'drawdown-chart']);
      const fromPrice = await price.getAttribute('data-crosshair-time');
      expect(fromPrice).not.toBe(report.chart.time.at(-1));

      const equity = page.getByTestId('equity-chart');
      await equity.scrollIntoViewIfNeeded();
      await afterPaint(page);
      const equityBox = await equity.boundingBox();
      if (!equityBox) throw new Error('the equity chart has no box');
      await page.mouse.move(equityBox.x + (equityBox.width * 2) / 3, equityBox.y + equityBox.height / 2);
      await page.waitForFunction((before) => {
        const time = document
          .querySelector('[data-testid="equity-chart"]')
          ?.getAttribute('data-crosshair-time');
        return time && time !== before;
      }, fromPrice);
      await sameTime(['equity-chart', 'price-chart', 'drawdown-chart']);
      if (isPhone) {
        await page.mouse.move(0, 0);
        await screenshot(page, '13-price-chart', page.getByRole('heading', { name: 'SPY and the trades' }));
      }
      await finish(page);
    });

    it('lists the trades with their size, exact prices and P&L coloured by its sign', async () => {
      const page = await signIn();
      const { results, report } = await backtest(page);
      const table = results.getByRole('region', { name: 'Trades' });
      const rows = table.locator('tbody tr');
      expect(await rows.count()).toBe(report.trade_list.length);
      const colours = await signColours(page);
      // Newest first: row i is trade n - 1 - i.
      const newest = [...report.trade_list].reverse();
      for (const [index, trade] of newest.entries()) {
        const cells = await rows.nth(index).locator('td').allInnerTexts();
        expect(cells).toEqual([
          trade.entry,
          trade.side,
          trade.exit,
          formatQuantity(trade.size),
          formatPrice(trade.entry_price),
          formatPrice(trade.exit_price),
          formatMoney(trade.pnl, { signed: true }),
          formatPercent(trade.return, 2),
          String(trade.bars_held),
          trade.open ? 'open' : 'closed',
        ]);
        const pnl = rows.nth(index).locator('td:nth-child(7) span');
        const colour = await pnl.evaluate((element) => getComputedStyle(element).color);
        if (trade.pnl !== 0)
          expect({ pnl: trade.pnl, colour }).toEqual({
            pnl: trade.pnl,
            colour: trade.pnl < 0 ? colours.negative : colours.positive,
          });
      }
      await finish(page);
    });

    it('sends the benchmark typed, and names it with the figures', async () => {
      const page = await signIn();
      await page.getByLabel('Benchmark').fill('qqq');
      const { results, report, request } = await backtest(page);
      expect(request['benchmark']).toBe('qqq');
      expect(report.benchmark).toBe('QQQ');
      expect(await results.innerText()).toContain('Benchmark: buy-and-hold of QQQ');
      for (const card of ['Annual return', 'Sharpe', 'Max drawdown', 'Final equity'])
        expect(await results.getByRole('group', { name: card }).innerText()).toMatch(
          /QQQ [\s\S]*vs QQQ [+-]?\S/,
        );
      expect(await page.getByTestId('equity-chart').locator('xpath=ancestor::figure').innerText()).toContain(
        'QQQ $',
      );
      await finish(page);
    });

    it("draws a sweep's kept combinations as a heat map over two parameters, by the metric chosen", async () => {
      const page = await signIn();
      await tab(page, 'Jobs').click();
      await page.getByLabel('Period', { exact: true }).fill('1y');
      await page.getByLabel('fast', { exact: true }).fill('5,10');
      await page.getByLabel('slow', { exact: true }).fill('50,100');
      await page.getByLabel('Top combinations').fill('4');
      await page.getByRole('button', { name: 'Submit sweep' }).click();
      const row = page.getByRole('listitem', { name: 'Sweep SPY · ma-cross' });
      await row.getByText('Completed', { exact: true }).waitFor();
      const job = answered(page, 'GET', /^\/api\/jobs\/job-[0-9a-f]{32}$/);
      await row.getByRole('button', { name: 'Open result of Sweep SPY · ma-cross' }).click();
      const result = ((await (await job).json()) as { result: { results: Record<string, never>[] } }).result;
      const map = page.getByRole('region', { name: 'Heat map' });
      await map.waitFor();

      const cellsBy = async (metric: string) => {
        for (const entry of result.results as unknown as { params: { fast: number; slow: number } }[]) {
          const cell = map.locator(
            `td[data-across="${entry.params.fast}"][data-down="${entry.params.slow}"]`,
          );
          const value = (entry as unknown as Record<string, number>)[metric];
          expect({ params: entry.params, value: Number(await cell.getAttribute('data-value')) }).toEqual({
            params: entry.params,
            value,
          });
        }
      };
      expect(result.results).toHaveLength(4);
      expect(await map.locator('td[data-value]').count()).toBe(4);
      await cellsBy('sharpe');
      await page.getByLabel('Colour by').selectOption('annual_return');
      await cellsBy('annual_return');
      expect(await map.locator('.heat-map__cell--best').count()).toBe(1);
      if (isPhone)
        await screenshot(page, '15-sweep-heat-map', page.getByRole('heading', { name: 'Heat map' }));
      await finish(page);
    });

    it('runs a walk-forward from its form, against the benchmark typed: windows and out-of-sample equity', async () => {
      const page = await signIn();
      await tab(page, 'Jobs').click();
      await page.getByRole('radio', { name: 'Walk-forward' }).check();
      await page.getByLabel('Period', { exact: true }).fill('5y');
      await page.getByLabel('fast', { exact: true }).fill('5,10');
      await page.getByLabel('slow', { exact: true }).fill('50,100');
      await page.getByLabel('Benchmark').fill('QQQ');
      const submitted = page.waitForRequest(
        (request) => request.method() === 'POST' && new URL(request.url()).pathname === '/api/jobs',
      );
      await page.getByRole('button', { name: 'Submit walk-forward' }).click();
      expect((await submitted).postDataJSON()).toMatchObject({
        use_case: 'walkForward',
        request: { benchmark: 'QQQ', grid: { fast: '5,10', slow: '50,100' } },
      });
      const row = page.getByRole('listitem', { name: 'Walk-forward SPY · ma-cross' });
      await row.getByText('Completed', { exact: true }).waitFor();
      const job = answered(page, 'GET', /^\/api\/jobs\/job-[0-9a-f]{32}$/);
      await row.getByRole('button', { name: 'Open result of Walk-forward SPY · ma-cross' }).click();
      const result = ((await (await job).json()) as { result: { windows: unknown[]; benchmark: string } })
        .result;
      expect(result.benchmark).toBe('QQQ');
      const results = page.getByRole('region', { name: 'Results' });
      const windows = results.getByRole('region', { name: 'Windows' });
      await windows.waitFor();
      expect(await windows.getByRole('row').count()).toBe(result.windows.length + 1);
      expect(await results.getByRole('group', { name: 'Annual return' }).innerText()).toMatch(/vs QQQ/);

      const curve = answered(page, 'GET', /^\/api\/runs\/[^/]+\/report$/);
      await results.getByRole('button', { name: 'Show the out-of-sample equity' }).click();
      const table = await (await curve).text();
      const equity = results.getByTestId('equity-chart');
      await equity.locator('canvas').first().waitFor();
      expect(Number(await equity.getAttribute('data-points'))).toBe(table.trim().split('\n').length - 1);
      expect(Number(await equity.getAttribute('data-lines'))).toBe(2);
      await finish(page);
    });

    it('runs a portfolio backtest from its form: symbols, allocation, rebalancing, lookback and benchmark', async () => {
      const page = await signIn();
      await page.getByRole('radio', { name: 'Portfolio' }).check();
      await page.getByLabel('Period', { exact: true }).fill('3y');
      await page.getByLabel('Allocation').selectOption('inverse-volatility');
      await page.getByLabel('Rebalance').selectOption('quarterly');
      await page.getByLabel('Lookback').fill('6mo');
      await page.getByLabel('Benchmark').fill('SPY');
      const answer = answered(page, 'POST', /^\/api\/backtest$/);
      await page.getByRole('button', { name: 'Run portfolio backtest' }).click();
      const response = await answer;
      expect(response.request().postDataJSON()).toEqual({
        symbols: ['SPY', 'TLT', 'GLD'],
        period: '3y',
        allocation: 'inverse-volatility',
        rebalance: 'quarterly',
        lookback: '6mo',
        benchmark: 'SPY',
      });
      const report = (await response.json()) as {
        chart: { time: string[] };
        weights: Record<string, number>;
      };
      const results = page.getByRole('region', { name: 'Results' });
      await results.getByRole('img', { name: 'Weights' }).waitFor();
      expect(await results.innerText()).toContain('Benchmark: buy-and-hold of SPY');
      const equity = results.getByTestId('equity-chart');
      await equity.locator('canvas').first().waitFor();
      expect(Number(await equity.getAttribute('data-points'))).toBe(report.chart.time.length);
      const weights = Object.values(report.weights);
      expect(weights.reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 4);
      await finish(page);
    });

    /** Shows the run list's `symbol` backtest, loading further pages until it is there. */
    async function runItem(page: Page, symbol: string): Promise<Locator> {
      const item = page
        .locator('.run-list__row')
        .filter({ has: page.locator('.run-list__symbols', { hasText: new RegExp(`^${symbol}$`) }) })
        .first();
      await page.locator('.run-list__row').first().waitFor();
      while ((await item.count()) === 0) await page.getByRole('button', { name: 'Load more' }).click();
      return item;
    }

    it('compares runs side by side: each figure as recorded, the best starred, one equity curve per run', async () => {
      const page = await signIn();
      await tab(page, 'Runs').click();
      for (const { symbol } of RECORDED) await (await runItem(page, symbol)).getByRole('checkbox').check();
      await page.getByRole('button', { name: 'Compare' }).click();
      const table = page.getByRole('region', { name: 'Figures compared' });
      await table.waitFor();

      for (const [column, id] of recordedIds.entries()) {
        const run = await api<{ metrics: Record<string, number | null>; final_equity: number | null }>(
          `/api/runs/${id}`,
        );
        const figures = { ...run.metrics, final_equity: run.metrics['final_equity'] ?? run.final_equity };
        for (const [name, value] of Object.entries(figures)) {
          const definition = metricDefinition(name);
          const row = table.locator('tbody tr').filter({
            has: page.locator('td:first-child', {
              hasText: new RegExp(`^${escapeRegExp(definition.label)}$`),
            }),
          });
          const figure = row
            .locator('td')
            .nth(column + 1)
            .locator('[data-value]');
          const shown = {
            name,
            value: await figure
              .getAttribute('data-value')
              .then((text) => (text === '' ? null : Number(text))),
            // The figure itself, without the star of the best.
            text: await figure.evaluate((element) => element.firstChild?.textContent ?? ''),
          };
          expect(shown).toEqual({ name, value, text: definition.format(value) });
        }
      }
      const chart = page.getByTestId('compare-chart');
      await chart.locator('canvas').first().waitFor();
      expect(Number(await chart.getAttribute('data-lines'))).toBe(RECORDED.length);
      const legend = await chart.locator('xpath=ancestor::figure').locator('figcaption').innerText();
      for (const [index, { symbol }] of RECORDED.entries())
        expect(legend).toContain(`${index + 1} · Backtest ${symbol}`);
      if (isPhone) await screenshot(page, '14-compare', page.getByRole('heading', { name: /runs compared/ }));
      await finish(page);
    });

    it("opens a run's report in a new tab, downloads its trades, and draws its trades on its prices", async () => {
      const page = await signIn();
      await tab(page, 'Runs').click();
      const [id] = recordedIds;
      await (await runItem(page, RECORDED[0].symbol)).locator('.run-list__item').click();
      const detail = page.getByRole('region', { name: 'Run detail' });
      await detail.waitFor();

      const popup = page.waitForEvent('popup');
      await detail.getByRole('button', { name: 'Open report' }).click();
      const report = await popup;
      await report.waitForURL(/^blob:/);
      await report.waitForLoadState('domcontentloaded');
      expect(await report.content()).toContain(id);
      await report.close();

      const download = page.waitForEvent('download');
      await detail.getByRole('button', { name: 'Download trades CSV' }).click();
      const saved = await download;
      expect(saved.suggestedFilename()).toBe(`report-${id}-trades.csv`);
      const csv = readFileSync(await saved.path(), 'utf8');
      expect(csv.split('\n')[0]).toBe(
        'symbol,side,entry,exit,entry_price,exit_price,size,return,pnl,bars_held,open',
      );

      await detail.getByRole('button', { name: 'Show curves and trades' }).click();
      const price = detail.getByTestId('price-chart');
      await price.locator('canvas').first().waitFor();
      const trades = csv.trim().split('\n').length - 1;
      expect(await detail.getByRole('region', { name: 'Trades' }).locator('tbody tr').count()).toBe(trades);
      expect(Number(await price.getAttribute('data-markers'))).toBeGreaterThanOrEqual(trades);
      await finish(page);
    });
  });
});
