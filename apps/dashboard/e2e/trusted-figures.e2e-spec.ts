/**
 * @jest-environment node
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ServerProcess, startServerProcess } from '@aetherquant/testing';
import { type Browser, type Locator, type Page } from 'playwright-core';
import {
  afterPaint,
  barShares,
  factValue,
  scrollLogoToTabBar,
  signColours,
  signedFigures,
  tapTargets,
  visibleRange,
} from './support/page-checks';
import {
  chromiumAvailable,
  errorsOf,
  launchChromium,
  phonePage,
  scrollsSideways,
  VIEWPORTS,
} from './support/phone-browser';

// The dashboard a trader can trust, at each layout (a phone upright and on its side, a laptop), against the
// real API on synthetic data: charts that show the whole run and read together, figures coloured by their own
// sign and formatted, every recorded run readable, and no screen wider than the window.

const ADMIN_KEY = 'admin-key-figures-9876543210';
const WEB_BIN = resolve(__dirname, '../../api/bin/aetherquant-web.js');
const DATABASE = join(resolve(__dirname, '../../../tmp'), `dashboard-figures-e2e-${process.pid}.sqlite`);

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

/** Money as the dashboard writes it: `$110,108.21`, `-$5,198.56`. */
const MONEY = /^-?\$\d{1,3}(,\d{3})*\.\d{2}$/;

describeInBrowser('the dashboard a trader trusts, against the real API', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServerProcess(process.execPath, [WEB_BIN], {
      AETHERQ_ADMIN_API_KEY: ADMIN_KEY,
      AETHERQ_API_KEY: 'trader-key-figures-0123456789',
      AETHERQ_DATA_PROVIDER: 'synthetic',
      AETHERQ_CACHE_DIR: 'none',
      AETHERQ_DATABASE_URL: `sqlite:///${DATABASE}`,
    });
    browser = await launchChromium();
    // One recorded run of each kind the runs screen is checked with.
    for (const [path, body] of [
      ['/api/backtest', { symbol: 'SPY', period: '2y' }],
      ['/api/optimize', { symbols: ['SPY', 'TLT', 'GLD', 'QQQ'], period: '2y' }],
      ['/api/papertrade', { symbol: 'SPY', period: '6mo' }],
    ] as const) {
      const response = await fetch(new URL(path, server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': ADMIN_KEY },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    }
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

    /** Runs a backtest over `period` from the form; its results and the report the API answered. */
    async function backtest(page: Page, period: string) {
      await page.getByLabel('Period', { exact: true }).fill(period);
      const answered = page.waitForResponse(
        (response) =>
          new URL(response.url()).pathname === '/api/backtest' && response.request().method() === 'POST',
      );
      await page.getByRole('button', { name: 'Run backtest' }).click();
      const report = (await (await answered).json()) as { chart: { time: string[] } };
      const results = page.getByRole('region', { name: 'Results' });
      await results.waitFor();
      return { results, report };
    }

    it('opens each chart on the whole run, draws equity on a log scale on request, and moves the crosshairs together', async () => {
      const page = await signIn();
      // Ten years: more bars than a phone has pixels, which once opened on the last third of the run.
      const { report } = await backtest(page, '10y');
      const points = report.chart.time.length;
      for (const id of ['equity-chart', 'drawdown-chart']) {
        const chart = page.getByTestId(id);
        await chart.locator('canvas').first().waitFor();
        // The chart fits once it knows its size: wait for it to cover the run, which it must.
        await page.waitForFunction(
          ([testId, last]) => {
            const box = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
            return Number(box?.dataset['visibleFrom']) <= 0 && Number(box?.dataset['visibleTo']) >= last;
          },
          [id, points - 1] as const,
        );
        const range = await visibleRange(chart);
        expect(range.points).toBe(points);
        expect(range.from).toBeLessThanOrEqual(0);
        expect(range.to).toBeGreaterThanOrEqual(points - 1);
      }

      const equity = page.getByTestId('equity-chart');
      await equity.scrollIntoViewIfNeeded();
      await afterPaint(page);
      const linear = await equity.screenshot();
      // The equity chart's own toggle (the price chart below it has one too).
      const toggle = equity.locator('xpath=ancestor::figure').getByRole('button', { name: 'Log scale' });
      await toggle.click();
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="equity-chart"]')?.getAttribute('data-price-scale') ===
          'logarithmic',
      );
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      await afterPaint(page);
      // The same equity on another scale is drawn differently.
      expect((await equity.screenshot()).equals(linear)).toBe(false);
      await toggle.click();
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');

      // A pointer on the equity chart, a third of the way in: the drawdown chart's crosshair and legend follow.
      const box = await equity.boundingBox();
      if (!box) throw new Error('the equity chart has no box');
      await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="drawdown-chart"]')?.hasAttribute('data-crosshair-time'),
      );
      const equityTime = await equity.getAttribute('data-crosshair-time');
      const drawdown = page.getByTestId('drawdown-chart');
      expect(await drawdown.getAttribute('data-crosshair-time')).toBe(equityTime);
      expect(equityTime).not.toBe(report.chart.time.at(-1));
      expect(await drawdown.locator('xpath=ancestor::figure').locator('.chart__time').innerText()).toBe(
        equityTime,
      );
      expect(await scrollsSideways(page)).toBe(false);
      expect(errorsOf(page)).toEqual([]);
      await page.context().close();
    });

    it("keeps TradingView's logo inside its chart, under the tab bar: every tab takes its own taps", async () => {
      const page = await signIn();
      await backtest(page, '2y');
      const drawdown = page.getByTestId('drawdown-chart');
      await drawdown.locator('#tv-attr-logo').waitFor({ state: 'attached' });
      await scrollLogoToTabBar(drawdown);
      await afterPaint(page);
      const taps = await tapTargets(drawdown);
      expect(taps.tabs.filter((target) => !target.hit)).toEqual([]);
      expect(taps.tabs.length).toBe(6);
      expect(taps.logoCoveredByTabBar).toBe(true);
      // The attribution the licence asks for is kept, in the chart's own box.
      expect(taps.logoInsideChart).toBe(true);
      expect(taps.logoHref).toMatch(/^https:\/\/www\.tradingview\.com\//);
      expect(errorsOf(page)).toEqual([]);
      await page.context().close();
    });

    it('colours each figure by its own sign, the benchmark comparison apart, money in dollars, prices as traded', async () => {
      const page = await signIn();
      const { results } = await backtest(page, '2y');
      const colours = await signColours(page);
      expect(colours.negative).not.toBe(colours.positive);

      // A drawdown is a loss: red, whatever the benchmark's.
      const drawdownValue = results
        .getByRole('group', { name: 'Max drawdown' })
        .locator('.metric-card__value');
      expect(await drawdownValue.innerText()).toMatch(/^-\d+\.\d%$/);
      expect(await drawdownValue.evaluate((element) => getComputedStyle(element).color)).toBe(
        colours.negative,
      );

      const figures = await signedFigures(results);
      expect(figures.length).toBeGreaterThan(8);
      for (const figure of figures) {
        expect({ figure: figure.text, colour: figure.colour }).toEqual({
          figure: figure.text,
          colour: figure.tone === 'negative' ? colours.negative : colours.positive,
        });
        expect(figure.text.startsWith('-')).toBe(figure.tone === 'negative');
      }
      for (const card of ['Annual return', 'Sharpe', 'Max drawdown', 'Final equity']) {
        expect(await results.getByRole('group', { name: card }).innerText()).toMatch(/vs SPY [+-]?\S/);
      }
      const finalEquity = results.getByRole('group', { name: 'Final equity' }).locator('.metric-card__value');
      expect(await finalEquity.innerText()).toMatch(MONEY);
      expect(await finalEquity.evaluate((element) => getComputedStyle(element).color)).toBe(colours.text);

      // Prices: cents at and above $10, up to 4 significant digits below.
      const trades = results.getByRole('region', { name: 'Trades' });
      const prices = await trades.locator('td:nth-child(5), td:nth-child(6)').allInnerTexts();
      expect(prices.length).toBeGreaterThan(0);
      for (const price of prices) {
        expect(price).toMatch(/^\$[\d,]+\.\d{2,5}$/);
        const decimals = price.split('.')[1]?.length;
        if (Number(price.replace(/[$,]/g, '')) >= 10)
          expect({ price, decimals }).toEqual({ price, decimals: 2 });
      }
      expect(errorsOf(page)).toEqual([]);
      await page.context().close();
    });

    it("scales the optimiser's weight bars to 100%: each fills its weight's share of the track", async () => {
      const page = await signIn();
      await tab(page, 'Optimise').click();
      await page.getByRole('button', { name: 'Optimise', exact: true }).last().click();
      const weights = page.getByRole('img', { name: 'Weights' });
      await weights.waitFor();
      const bars = await barShares(weights);
      expect(bars.map((bar) => bar.name)).toEqual(['SPY', 'TLT', 'GLD', 'QQQ']);
      for (const bar of bars) expect(bar.share).toBeCloseTo(Number.parseFloat(bar.label) / 100, 2);
      // Long-only weights sum to 100%, so no bar fills its track (a scale to the largest weight would).
      expect(bars.reduce((sum, bar) => sum + bar.share, 0)).toBeCloseTo(1, 1);
      expect(Math.max(...bars.map((bar) => bar.share))).toBeLessThan(0.9);
      expect(await scrollsSideways(page)).toBe(false);
      expect(errorsOf(page)).toEqual([]);
      await page.context().close();
    });

    it('shows recorded runs formatted: a backtest with its trades and no orders, an optimisation with its weights, a paper trade with its orders', async () => {
      const page = await signIn();
      await tab(page, 'Runs').click();
      const open = async (kind: string) => {
        await page
          .locator('.run-list__item')
          .filter({ has: page.locator('.run-list__type', { hasText: new RegExp(`^${kind}$`) }) })
          .first()
          .click();
        const detail = page.getByRole('region', { name: 'Run detail' });
        await detail.waitFor();
        return detail;
      };
      const back = () => page.getByRole('button', { name: 'Back to runs' }).click();

      let detail = await open('Backtest');
      await detail.getByRole('heading', { name: /^Backtest · SPY$/ }).waitFor();
      expect(
        await detail.getByRole('group', { name: 'Sharpe' }).locator('.metric-card__value').innerText(),
      ).toMatch(/^-?\d+\.\d{2}$/);
      expect(
        await detail.getByRole('group', { name: 'Final equity' }).locator('.metric-card__value').innerText(),
      ).toMatch(MONEY);
      expect(await factValue(detail, 'Win rate')).toMatch(/^(\d+\.\d%|–)$/);
      expect(await factValue(detail, 'Longest drawdown')).toMatch(/^[\d,]+ bars?$/);
      expect(await factValue(detail, 'Number of trades')).toMatch(/^[\d,]+$/);
      const text = await detail.innerText();
      expect(text).toMatch(/[\d,]+ trades? in this backtest/);
      expect(text).toContain('A backtest places no orders');
      expect(text).not.toContain('This run placed no orders');
      const spec = detail.getByRole('region', { name: 'Spec' });
      expect(await factValue(spec, 'Initial cash')).toMatch(MONEY);
      expect(await factValue(spec, 'Commission')).toMatch(/ bps$/);
      expect(await scrollsSideways(page)).toBe(false);
      await back();

      detail = await open('Optimisation');
      const bars = await barShares(detail.getByRole('img', { name: 'Weights' }));
      expect(bars).toHaveLength(4);
      for (const bar of bars) expect(bar.share).toBeCloseTo(Number.parseFloat(bar.label) / 100, 2);
      expect(await detail.innerText()).toContain('An optimisation computes weights and places no orders.');
      expect(await scrollsSideways(page)).toBe(false);
      await back();

      detail = await open('Paper trade');
      const orders = detail.getByRole('region', { name: 'Orders' });
      expect(await orders.getByRole('row').count()).toBeGreaterThan(1);
      for (const price of await orders.locator('td:nth-child(5)').allInnerTexts())
        expect(price).toMatch(/^\$[\d,]+\.\d{2,5}$/);
      expect(await detail.getByRole('group', { name: 'Start equity' }).innerText()).toMatch(
        /\$[\d,]+\.\d{2}/,
      );
      expect(await scrollsSideways(page)).toBe(false);
      expect(errorsOf(page)).toEqual([]);
      await page.context().close();
    });

    it('keeps every screen within the window; the audit table scrolls in its own box, its first column in view', async () => {
      const page = await signIn();
      await backtest(page, '2y');
      expect(await scrollsSideways(page)).toBe(false);
      for (const name of ['Paper trade', 'Optimise', 'Jobs', 'Runs', 'Audit']) {
        await tab(page, name).click();
        await page.waitForLoadState('networkidle');
        expect({ name, sideways: await scrollsSideways(page) }).toEqual({ name, sideways: false });
      }
      const table = page.getByRole('region', { name: 'Audit events' });
      await table.waitFor();
      const scrolled = await table.evaluate((element) => {
        const box = element.getBoundingClientRect();
        element.scrollLeft = element.scrollWidth;
        const first = element.querySelector('tbody td')?.getBoundingClientRect();
        const lastHeader = element.querySelector('thead th:last-child')?.getBoundingClientRect();
        return {
          boxWithinWindow: box.right <= window.innerWidth,
          firstColumnAtLeftEdge: first !== undefined && Math.abs(first.left - box.left) <= 1.5,
          lastColumnReached: lastHeader !== undefined && lastHeader.right <= box.right + 1.5,
        };
      });
      expect(scrolled).toEqual({
        boxWithinWindow: true,
        firstColumnAtLeftEdge: true,
        lastColumnReached: true,
      });
      expect(await scrollsSideways(page)).toBe(false);
      expect(errorsOf(page)).toEqual([]);
      await page.context().close();
    });
  });
});
