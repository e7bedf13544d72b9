import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  chromiumAvailable,
  describeWithMarketData,
  launchChromium,
  sqliteRows,
  watchTraffic,
} from '@aetherquant/testing';
import { type CliRun, runCli, scratchDir } from './run-cli';

// `aetherquant report RUN_ID` from the built binary: a recorded run's page, opened in Debian's Chromium, and
// its CSV exports.

const json = (run: CliRun) => {
  if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
};

function csvRows(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.trimEnd().split('\n');
  const names = (header as string).split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [names[i], value])));
}

describeWithMarketData('aetherquant report (real SPY, 2010–2019)', (market) => {
  const dir = scratchDir();
  const databaseFile = join(dir, 'runs.sqlite');
  const env = { AETHERQ_DATABASE_URL: `sqlite:///${databaseFile}`, AETHERQ_CACHE_DIR: 'none' };
  const cli = (args: string[]) => runCli(args, { env, cwd: dir });
  let backtest: Record<string, unknown>;
  let runId: string;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const withBrowser = chromiumAvailable();

  beforeAll(async () => {
    backtest = json(
      cli([
        'backtest',
        '--symbol',
        'SPY',
        '--provider',
        'csv',
        '--data-dir',
        market.dir,
        '--start',
        '2010-01-01',
        '--end',
        '2019-12-31',
        '--fast',
        '20',
        '--slow',
        '50',
        '--commission-bps',
        '1',
        '--slippage-bps',
        '0',
      ]),
    );
    runId = backtest['run_id'] as string;
    if (withBrowser) browser = await launchChromium();
  }, 60_000);
  afterAll(() => browser?.close());

  it('writes one page that Chromium shows with no console error and no request, its figures the recorded ones', async () => {
    const written = json(cli(['report', runId, '--output', 'spy.html']));
    expect(written).toEqual({
      run_id: runId,
      files: [{ path: join(dir, 'spy.html'), format: 'html', bytes: expect.any(Number) }],
      warnings: [],
    });
    if (!browser) return;
    const url = pathToFileURL(join(dir, 'spy.html')).href;
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 844, height: 390 },
      { width: 1280, height: 800 },
    ]) {
      const page = await browser.newPage({ viewport });
      const traffic = watchTraffic(page, (requested) => requested === url);
      await page.goto(url);
      await page.waitForLoadState('load');
      expect(traffic).toEqual({ requests: [], consoleErrors: [] });
      // The page fits the screen: wide tables and charts scroll inside their own boxes.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);

      // Every figure is the one recorded: the run's metrics in the database, and its report's headline.
      const shown = await page.$$eval('tr[data-figure]', (rows) =>
        rows.map((row) => [
          row.getAttribute('data-figure'),
          [...row.querySelectorAll('td[data-value]')].map((cell) => cell.getAttribute('data-value')),
        ]),
      );
      const figure = new Map(
        shown.map(([label, values]) => [
          label,
          (values as string[]).map((v) => (v === 'null' ? null : Number(v))),
        ]),
      );
      const metrics = new Map(
        (await sqliteRows(databaseFile, `SELECT name, value FROM run_metrics WHERE run_id = '${runId}'`)).map(
          (row) => [row['name'], row['value']],
        ),
      );
      expect(figure.get('Annual return')).toEqual([
        metrics.get('annual_return'),
        backtest['benchmark_annual_return'],
      ]);
      expect(figure.get('Sharpe')).toEqual([metrics.get('sharpe'), metrics.get('benchmark_sharpe')]);
      expect(figure.get('Max drawdown')?.[0]).toBe(metrics.get('max_drawdown'));
      expect(figure.get('Volatility')).toEqual([metrics.get('volatility')]);
      expect(figure.get('Win rate')).toEqual([metrics.get('win_rate')]);
      expect(figure.get('Final equity')).toEqual([
        backtest['final_equity'],
        backtest['benchmark_final_equity'],
      ]);
      expect(figure.get('Trades')).toEqual([backtest['trades']]);

      // Negative returns in red, positive in green: the colour of the number's own sign.
      const colours = await page.$$eval('tr[data-figure="Annual return"] span', (spans) =>
        spans.map((span) => span.ownerDocument.defaultView?.getComputedStyle(span).color),
      );
      expect(colours).toEqual(['rgb(185, 28, 28)', 'rgb(21, 128, 61)']);

      // Linear equity first; the Log switch shows the log chart instead, without any script.
      const linear = page.locator('.linear-chart');
      const log = page.locator('.log-chart');
      expect([await linear.isVisible(), await log.isVisible()]).toEqual([true, false]);
      await page.locator('label[for="equity-log"]').click();
      expect([await linear.isVisible(), await log.isVisible()]).toEqual([false, true]);
      expect(await page.locator('#price polygon.marker').count()).toBeGreaterThan(0);
      await page.close();
    }
  }, 90_000);

  it('exports every trade and the equity curve as CSV, at full precision', () => {
    const written = json(cli(['report', runId, '--format', 'csv']));
    const files = written['files'] as { path: string; table: string }[];
    expect(files.map((file) => [file.path, file.table])).toEqual([
      [join(dir, `report-${runId}-trades.csv`), 'trades'],
      [join(dir, `report-${runId}-equity.csv`), 'equity'],
    ]);
    const trades = csvRows(readFileSync(files[0]?.path as string, 'utf8'));
    const equity = csvRows(readFileSync(files[1]?.path as string, 'utf8'));
    expect(trades).toHaveLength(backtest['trades'] as number);
    expect(equity).toHaveLength(backtest['rows'] as number);
    expect(Number(Number(equity.at(-1)?.['equity']).toFixed(2))).toBe(backtest['final_equity']);
    // Prices are the file's adjusted closes, not rounded to cents.
    expect(trades.some((trade) => /\.\d{3,}$/.test(trade['entry_price'] as string))).toBe(true);
  });

  it('writes one document to standard output with --output -, and nothing else there', () => {
    const run = cli(['report', runId, '--format', 'csv', '--table', 'equity', '--output', '-']);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('time,equity,drawdown,benchmark,close\n2010-01-04,')).toBe(true);
    const refused = cli(['report', runId, '--format', 'csv', '--output', '-']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--output.*one document only.*--table/);
  });

  it('writes into a folder given as --output, and refuses a path it cannot write naming --output', () => {
    const into = json(cli(['report', runId, '--output', dir]));
    expect((into['files'] as { path: string }[])[0]?.path).toBe(join(dir, `report-${runId}.html`));
    // A folder that cannot be made: its parent is a file (the run database).
    const refused = cli(['report', runId, '--output', join(databaseFile, 'page.html')]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--output.*cannot write .*runs\.sqlite\/page\.html \((ENOTDIR|EEXIST)\)/);
  });

  it('refuses bad flags and an unknown run with their exit codes, naming the flag', () => {
    const badFormat = cli(['report', runId, '--format', 'pdf']);
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toMatch(/--format/);
    const tableForHtml = cli(['report', runId, '--table', 'trades']);
    expect(tableForHtml.status).toBe(2);
    expect(tableForHtml.stderr).toMatch(/--table.*applies only to format csv/);
    const unknown = cli(['report', '01a1ffed-0000-7000-8000-000000000000']);
    expect(unknown.status).toBe(5);
    expect(unknown.stderr).toMatch(/no run with id 01a1ffed-0000-7000-8000-000000000000/);
  });
});

describe('aetherquant report of a run on synthetic data', () => {
  it('says on the page and on standard error that the prices are generated', () => {
    const dir = scratchDir();
    const env = { AETHERQ_DATABASE_URL: `sqlite:///${join(dir, 'runs.sqlite')}`, AETHERQ_CACHE_DIR: 'none' };
    const backtest = json(
      runCli(['backtest', '--symbol', 'SPY', '--period', '2y', '--provider', 'synthetic'], { env, cwd: dir }),
    );
    const run = runCli(['report', backtest['run_id'] as string], { env, cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('warning: Synthetic data: generated prices, not market data.');
    const page = readFileSync(join(dir, `report-${backtest['run_id'] as string}.html`), 'utf8');
    expect(page).toContain('<li>Synthetic data: generated prices, not market data.</li>');
  });
});
