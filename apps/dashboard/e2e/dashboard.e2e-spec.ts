/**
 * @jest-environment node
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EMA_TREND_STRATEGY, type ServerProcess, startServerProcess } from '@aetherquant/testing';
import { type Browser, type Page } from 'playwright-core';
import {
  chromiumAvailable,
  errorsOf,
  launchChromium,
  phonePage,
  screenshot,
  scrollsSideways,
} from './support/phone-browser';

const TRADER_KEY = 'trader-key-dashboard-0123456789';
const ADMIN_KEY = 'admin-key-dashboard-9876543210';
/** The built API, which serves the built dashboard at `/`. */
const WEB_BIN = resolve(__dirname, '../../api/bin/aetherquant-web.js');
const DATABASE = join(resolve(__dirname, '../../../tmp'), `dashboard-e2e-${process.pid}.sqlite`);

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

describeInBrowser('the dashboard on a phone (390×844), against the real API', () => {
  let server: ServerProcess;
  let browser: Browser;
  // An operator's strategy file (TypeScript, beside no node_modules): the API is started with it, so the form
  // must offer it.
  const strategyDir = mkdtempSync(join(tmpdir(), 'aq-dashboard-strategy-'));
  const strategyFile = join(strategyDir, 'ema-trend.ts');
  writeFileSync(strategyFile, EMA_TREND_STRATEGY);

  beforeAll(async () => {
    server = await startServerProcess(process.execPath, [WEB_BIN], {
      AETHERQ_STRATEGY_PATHS: strategyFile,
      AETHERQ_API_KEY: TRADER_KEY,
      AETHERQ_ADMIN_API_KEY: ADMIN_KEY,
      AETHERQ_DATA_PROVIDER: 'synthetic',
      AETHERQ_CACHE_DIR: 'none',
      AETHERQ_DATABASE_URL: `sqlite:///${DATABASE}`,
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(strategyDir, { recursive: true, force: true });
    rmSync(DATABASE, { force: true });
  });

  /** Opens the dashboard and signs in with `key` as typed (a phone paste may carry spaces and quotes). */
  async function signIn(key: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const page = await phonePage(browser, colorScheme);
    await page.goto(server.url);
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Continue' }).click();
    return page;
  }

  async function expectNoSideways(page: Page) {
    expect(await scrollsSideways(page)).toBe(false);
  }

  it('shows the key screen, and the troubleshooting for a wrong key', async () => {
    const page = await phonePage(browser);
    await page.goto(server.url);
    await page.getByLabel('API key').waitFor();
    await expectNoSideways(page);
    // Installable: the manifest the page links, with icons a phone's home screen can use.
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector('link[rel="manifest"]')?.getAttribute('href') ?? '';
      const response = await fetch(link);
      return { type: response.headers.get('content-type'), body: await response.json() };
    });
    expect(manifest.body).toMatchObject({
      name: expect.stringContaining('AetherQuant'),
      display: 'standalone',
    });
    expect(manifest.body.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );
    await screenshot(page, '1-key');
    await page.getByLabel('API key').fill('not-the-right-key');
    await page.getByRole('button', { name: 'Continue' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toMatch(/^That key was not accepted/);
    expect(text).toMatch(/space/i);
    expect(text).toMatch(/cop(y|ied)/i);
    expect(text).toMatch(/operator/i);
    expect(text).not.toContain('{');
    await expectNoSideways(page);
    await screenshot(page, '2-wrong-key');
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('signs a trader in with a pasted key, runs the default backtest, draws the cards and the charts', async () => {
    const page = await signIn(`  "${TRADER_KEY}" `);
    await page.getByText('trader', { exact: false }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Runs' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Audit' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Runs' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Run backtest' }).click();
    const results = page.getByRole('region', { name: 'Results' });
    await results.waitFor();
    for (const card of ['Annual return', 'Sharpe', 'Max drawdown', 'Final equity']) {
      await results.getByRole('group', { name: card }).waitFor();
    }
    await results
      .getByText(/synthetic/i)
      .first()
      .waitFor();
    // lightweight-charts draws on canvases inside the chart containers.
    for (const chart of ['equity-chart', 'drawdown-chart']) {
      await page.getByTestId(chart).locator('canvas').first().waitFor();
      const box = await page.getByTestId(chart).boundingBox();
      expect(box?.width).toBeGreaterThan(200);
      expect(box?.width).toBeLessThanOrEqual(390);
    }
    await page.getByRole('heading', { name: 'Trades', exact: true }).waitFor();
    await expectNoSideways(page);
    await screenshot(page, '3-backtest-form');
    await screenshot(page, '4-backtest-results', results);
    await screenshot(page, '5-backtest-charts', page.getByRole('heading', { name: 'Equity', exact: true }));
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it("offers the operator's strategy file in the form, with its parameter, and backtests it", async () => {
    const page = await signIn(TRADER_KEY);
    const strategy = page.getByLabel('Strategy');
    await strategy.waitFor();
    await strategy.selectOption('ema-trend');
    await page.getByLabel('span').fill('20');
    await page.getByRole('button', { name: 'Run backtest' }).click();
    const results = page.getByRole('region', { name: 'Results' });
    await results.getByRole('group', { name: 'Sharpe' }).waitFor();
    await results.getByText('ema-trend').first().waitFor();
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('runs a paper trade: equity chart, orders, cash and position', async () => {
    const page = await signIn(TRADER_KEY);
    await page
      .getByRole('button', { name: 'Paper trade' })
      .or(page.getByRole('tab', { name: 'Paper trade' }))
      .first()
      .click();
    await page.getByRole('button', { name: 'Run paper trade' }).click();
    await page.getByTestId('papertrade-equity-chart').locator('canvas').first().waitFor();
    for (const card of ['Final cash', 'Position']) await page.getByRole('group', { name: card }).waitFor();
    expect(await page.getByRole('group', { name: 'Final cash' }).innerText()).toMatch(/\d/);
    await page.getByRole('heading', { name: 'Orders' }).waitFor();
    // The synthetic SPY of the last six months makes ma-cross trade: at least one order row.
    expect(await page.getByRole('region', { name: 'Orders' }).getByRole('row').count()).toBeGreaterThan(1);
    await expectNoSideways(page);
    await screenshot(page, '6-papertrade', page.getByTestId('papertrade-equity-chart'));
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('runs an optimisation and renders its weights', async () => {
    const page = await signIn(TRADER_KEY, 'dark');
    await page
      .getByRole('button', { name: 'Optimise' })
      .or(page.getByRole('tab', { name: 'Optimise' }))
      .first()
      .click();
    await page.getByRole('button', { name: 'Optimise', exact: true }).last().click();
    const weights = page.getByRole('img', { name: 'Weights' });
    await weights.waitFor();
    for (const symbol of ['SPY', 'TLT', 'GLD', 'QQQ']) {
      await page.getByRole('cell', { name: symbol, exact: true }).first().waitFor();
    }
    await expectNoSideways(page);
    await screenshot(page, '7-optimise-dark', weights);
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the admin tabs to an admin: runs with their detail, and the audit log', async () => {
    const page = await signIn(ADMIN_KEY);
    await page.getByText('admin', { exact: false }).first().waitFor();
    const tab = (name: string) =>
      page.getByRole('button', { name }).or(page.getByRole('tab', { name })).first();
    await tab('Runs').click();
    await page
      .getByText(/backtest/i)
      .first()
      .waitFor();
    await expectNoSideways(page);
    await screenshot(page, '8-runs');
    // A run's detail: its figures and orders, and the way back.
    const paperRun = page.locator('.run-list__item', { hasText: /^Paper trade/ }).first();
    await paperRun.click();
    const detail = page.getByRole('region', { name: 'Run detail' });
    await detail.waitFor();
    await detail.getByRole('group', { name: 'Final equity' }).waitFor();
    expect(await detail.getByRole('region', { name: 'Orders' }).getByRole('row').count()).toBeGreaterThan(1);
    await expectNoSideways(page);
    await page.getByRole('button', { name: 'Back to runs' }).click();
    await paperRun.waitFor();
    await tab('Audit').click();
    await page.getByText('/api/keycheck').first().waitFor();
    await expectNoSideways(page);
    await screenshot(page, '9-audit');
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('submits a small sweep as a job (embedded engine), follows its event stream to the end, opens its ranking', async () => {
    const page = await signIn(TRADER_KEY);
    // Progress must come from the event stream: reads of the job itself would be the polling fallback.
    const jobRequests: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/jobs')) jobRequests.push(`${request.method()} ${path}`);
    });
    await page.getByRole('button', { name: 'Jobs', exact: true }).click();
    await page.getByLabel('Period', { exact: true }).fill('1y');
    await page.getByLabel('fast', { exact: true }).fill('5,10');
    await page.getByLabel('slow', { exact: true }).fill('50:100:50');
    await page.getByRole('button', { name: 'Submit sweep' }).click();

    const row = page.getByRole('listitem', { name: 'Sweep SPY · ma-cross' });
    await row.getByText('Completed', { exact: true }).waitFor();
    await page.getByRole('status').getByText('Sweep SPY · ma-cross completed.').waitFor();
    expect(jobRequests).toContain('POST /api/jobs');
    expect(jobRequests.some((request) => /^GET \/api\/jobs\/job-[0-9a-f]{32}\/events$/.test(request))).toBe(
      true,
    );
    expect(jobRequests.filter((request) => /^GET \/api\/jobs\/job-[0-9a-f]{32}$/.test(request))).toEqual([]);
    await expectNoSideways(page);
    await screenshot(page, '10-jobs', page.getByRole('heading', { name: 'Your jobs' }));

    await row.getByRole('button', { name: 'Open result of Sweep SPY · ma-cross' }).click();
    const ranking = page.getByRole('region', { name: 'Ranking' });
    await ranking.waitFor();
    // fast 5 or 10 × slow 50 or 100: four combinations, each with fast < slow, ranked under the header row.
    expect(await ranking.getByRole('row').count()).toBe(5);
    await page
      .getByText(/synthetic/i)
      .first()
      .waitFor();
    await expectNoSideways(page);
    await screenshot(page, '11-job-result', page.getByRole('region', { name: 'Results' }));
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it("moves a long sweep job's progress bar live, and cancels it", async () => {
    const page = await signIn(TRADER_KEY, 'dark');
    await page.getByRole('button', { name: 'Jobs', exact: true }).click();
    // 250 × 1,000 combinations over ten years of bars (20,000 took about a second on a development machine):
    // long enough to watch and cancel, far within a job's limit (AETHERQ_JOB_MAX_SWEEP_CELLS, 1,000,000).
    await page.getByLabel('Symbol', { exact: true }).fill('QQQ');
    await page.getByLabel('Period', { exact: true }).fill('10y');
    await page.getByLabel('fast', { exact: true }).fill('1:250:1');
    await page.getByLabel('slow', { exact: true }).fill('251:1250:1');
    await page.getByRole('button', { name: 'Submit sweep' }).click();

    const row = page.getByRole('listitem', { name: 'Sweep QQQ · ma-cross' });
    const bar = row.getByRole('progressbar', { name: 'Progress of Sweep QQQ · ma-cross' });
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[role="progressbar"][aria-valuenow]')?.getAttribute('aria-valuenow')) >
        0,
    );
    const first = Number(await bar.getAttribute('aria-valuenow'));
    expect(await bar.getAttribute('aria-valuemax')).toBe('250000');
    await page.waitForFunction(
      (seen) =>
        Number(document.querySelector('[role="progressbar"][aria-valuenow]')?.getAttribute('aria-valuenow')) >
        seen,
      first,
    );
    expect(await bar.getAttribute('aria-valuetext')).toMatch(
      /^[\d,]+ of 250,000 \(\d+%\), (about .+ left|estimating the time left)$/,
    );
    await expectNoSideways(page);
    await screenshot(page, '12-job-progress-dark', page.getByRole('heading', { name: 'Your jobs' }));

    await row.getByRole('button', { name: 'Cancel Sweep QQQ · ma-cross' }).click();
    await row.getByText('Cancelled', { exact: true }).waitFor();
    expect(await row.getByRole('progressbar').count()).toBe(0);
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('fits a 360 px wide phone: no screen scrolls sideways', async () => {
    const page = await phonePage(browser, 'light', { width: 360, height: 740 });
    await page.goto(server.url);
    await page.getByLabel('API key').fill(ADMIN_KEY);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Run backtest' }).click();
    await page.getByRole('region', { name: 'Results' }).waitFor();
    await page.getByRole('heading', { name: 'Trades', exact: true }).waitFor();
    await expectNoSideways(page);
    for (const name of ['Paper trade', 'Optimise', 'Jobs', 'Runs', 'Audit']) {
      await page.getByRole('button', { name, exact: true }).first().click();
      await page.waitForLoadState('networkidle');
      await expectNoSideways(page);
    }
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('forgets the key on request and comes back to the key screen', async () => {
    const page = await signIn(TRADER_KEY);
    await page.getByRole('button', { name: 'Forget key' }).click();
    await page.getByLabel('API key').waitFor();
    await page.reload();
    await page.getByLabel('API key').waitFor();
    await page.context().close();
  });
});
