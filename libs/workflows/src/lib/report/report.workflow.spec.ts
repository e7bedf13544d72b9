import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSettings, type RunReport } from '@aetherquant/core';
import { type Database, openDatabase } from '@aetherquant/persistence';
import { describeWithMarketData } from '@aetherquant/testing';
import { runUseCase } from '../use-cases/workflow-registry';
import { type WorkflowContext } from '../workflow/workflow-context';

/** The recorded figures of a page: each `data-value` of the figures table by label, strategy and benchmark. */
function pageFigures(page: string): Map<string, (number | null)[]> {
  const figures = new Map<string, (number | null)[]>();
  for (const [, label, cells] of page.matchAll(/<tr data-figure="([^"]+)">(.*?)<\/tr>/g)) {
    const values = [...(cells as string).matchAll(/data-value="([^"]*)"/g)].map(([, v]) =>
      v === 'null' ? null : Number(v),
    );
    figures.set(label as string, values);
  }
  return figures;
}

function csvRows(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.trimEnd().split('\n');
  const names = (header as string).split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [names[i], value])));
}

describeWithMarketData('the report of a recorded run (real SPY, 2010–2019)', (market) => {
  let database: Database;
  let context: WorkflowContext;
  let dataDir: string;
  const request = () => ({
    symbol: 'SPY',
    provider: 'csv',
    data_dir: dataDir,
    start: '2010-01-01',
    end: '2019-12-31',
    params: { fast: 20, slow: 50 },
    commission_bps: 1,
    slippage_bps: 0,
  });

  beforeAll(async () => {
    // A copy of the file, so one test can change "the data" after the run.
    dataDir = mkdtempSync(join(tmpdir(), 'aq-report-'));
    copyFileSync(market.file('SPY'), join(dataDir, 'SPY.csv'));
    database = await openDatabase('sqlite::memory:');
    context = {
      settings: parseSettings({ AETHERQ_DATABASE_URL: 'sqlite::memory:' }).settings,
      database,
      now: () => Date.parse('2026-12-03T12:00:00Z'),
    };
  });
  afterAll(() => database.close());

  it('shows the recorded figures exactly, and draws curves and trades that agree with them', async () => {
    const backtest = await runUseCase('backtest', request(), { context });
    const id = backtest.run_id as string;
    const page = (await runUseCase('runReport', { id }, { context })) as RunReport;
    expect(page).toMatchObject({
      run_id: id,
      format: 'html',
      media_type: 'text/html; charset=utf-8',
      filename: `report-${id}.html`,
    });
    expect(page.warnings).toEqual([]);

    const figures = pageFigures(page.content);
    expect(figures.get('Annual return')).toEqual([backtest.annual_return, backtest.benchmark_annual_return]);
    expect(figures.get('Max drawdown')).toEqual([backtest.max_drawdown, backtest.benchmark_max_drawdown]);
    expect(figures.get('Sharpe')).toEqual([backtest.sharpe, backtest.benchmark_sharpe]);
    expect(figures.get('Final equity')).toEqual([backtest.final_equity, backtest.benchmark_final_equity]);
    expect(figures.get('Volatility')).toEqual([backtest.metrics.volatility]);
    expect(figures.get('Trades')).toEqual([backtest.trades]);
    // The README's golden figures of this run.
    expect(backtest.annual_return).toBe(-0.023535);
    expect(backtest.final_equity).toBe(78829.41);

    // The curves: one equity row per bar, ending at the recorded final equity; their deepest drawdown is the
    // recorded one (computed here independently from the exported equity).
    const equity = csvRows(
      ((await runUseCase('runReport', { id, format: 'csv', table: 'equity' }, { context })) as RunReport)
        .content,
    );
    expect(equity).toHaveLength(backtest.rows);
    expect(equity[0]?.['time']).toBe('2010-01-04');
    expect(Number(Number(equity.at(-1)?.['equity']).toFixed(2))).toBe(backtest.final_equity);
    expect(Number(Number(equity.at(-1)?.['benchmark']).toFixed(2))).toBe(backtest.benchmark_final_equity);
    let peak = 0;
    let deepest = 0;
    for (const row of equity) {
      const value = Number(row['equity']);
      peak = Math.max(peak, value);
      deepest = Math.min(deepest, value / peak - 1);
    }
    expect(Number(deepest.toFixed(6))).toBe(backtest.max_drawdown);

    // Every trade, its P&L in currency the change of equity between its entry and exit bars.
    const trades = csvRows(
      ((await runUseCase('runReport', { id, format: 'csv', table: 'trades' }, { context })) as RunReport)
        .content,
    );
    expect(trades).toHaveLength(backtest.trades);
    const equityAt = new Map(equity.map((row) => [row['time'], Number(row['equity'])]));
    for (const trade of trades) {
      const pnl = (equityAt.get(trade['exit']) as number) - (equityAt.get(trade['entry']) as number);
      expect(Number(trade['pnl'])).toBeCloseTo(pnl, 6);
      // Exact closes from the file, never rounded to cents.
      expect(readFileSync(join(dataDir, 'SPY.csv'), 'utf8')).toContain(`${trade['entry']},`);
    }

    // The yearly returns of the page compound the exported equity's returns within each year.
    const year2015 = equity.filter((row) => row['time']?.startsWith('2015'));
    const before2015 = equity.filter((row) => row['time']?.startsWith('2014')).at(-1);
    const expected2015 = Number(year2015.at(-1)?.['equity']) / Number(before2015?.['equity']) - 1;
    expect(page.content).toContain(`>${(expected2015 * 100).toFixed(2)}</td>`);
  });

  it('says so when the data changed since the run, and keeps the recorded figures', async () => {
    const backtest = await runUseCase('backtest', request(), { context });
    const file = join(dataDir, 'SPY.csv');
    const original = readFileSync(file, 'utf8');
    try {
      // A provider revising its history: every close of 2015 up by 1 %.
      const revised = original
        .split('\n')
        .map((line) => {
          if (!line.startsWith('2015-')) return line;
          const cells = line.split(',');
          // close and adj_close (the provider adjusts with it)
          for (const column of [4, 5]) cells[column] = String(Number(cells[column]) * 1.01);
          return cells.join(',');
        })
        .join('\n');
      writeFileSync(file, revised);
      const page = (await runUseCase(
        'runReport',
        { id: backtest.run_id as string },
        { context },
      )) as RunReport;
      expect(page.warnings.join(' ')).toMatch(
        /The rerun differs from the recorded run \(.*final_equity: 78829\.41 → .*\): the data \(or the strategy.s code\) changed/,
      );
      expect(pageFigures(page.content).get('Final equity')?.[0]).toBe(78829.41);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('refuses a CSV without a table and a table for HTML, naming the field', async () => {
    const backtest = await runUseCase('backtest', request(), { context });
    const id = backtest.run_id as string;
    await expect(runUseCase('runReport', { id, format: 'csv' }, { context })).rejects.toThrow(
      /table.*required with format csv/,
    );
    await expect(runUseCase('runReport', { id, table: 'trades' }, { context })).rejects.toThrow(
      /table.*applies only to format csv/,
    );
    await expect(runUseCase('runReport', { id: 'no-such-run' }, { context })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describeWithMarketData('the report of every kind of run (real ETFs)', (market) => {
  let database: Database;
  let context: WorkflowContext;
  const source = () => ({ provider: 'csv', data_dir: market.dir, start: '2012-01-01', end: '2019-12-31' });
  const report = async (id: string, table?: 'trades' | 'equity') =>
    (await runUseCase('runReport', table ? { id, format: 'csv', table } : { id }, { context })) as RunReport;

  beforeAll(async () => {
    database = await openDatabase('sqlite::memory:');
    context = { settings: parseSettings({ AETHERQ_DATABASE_URL: 'sqlite::memory:' }).settings, database };
  });
  afterAll(() => database.close());

  it('portfolio: weights at every rebalance, and contributions that sum to the recorded total return', async () => {
    const run = await runUseCase(
      'portfolioBacktest',
      {
        ...source(),
        symbols: ['SPY', 'TLT', 'GLD'],
        allocation: 'risk-parity',
        rebalance: 'monthly',
        lookback: '1y',
        commission_bps: 0,
        slippage_bps: 0,
      },
      { context },
    );
    const page = await report(run.run_id as string);
    expect(page.warnings).toEqual([]);
    expect(page.content).toContain('<section id="weights">');
    expect(page.content).toContain(`${run.rebalances} rebalances; each column is the weights set at one.`);
    const contributions = [
      ...page.content.matchAll(
        /<tr><td>(SPY|TLT|GLD|Costs)<\/td><td><span class="num [a-z]+">([^<]+)<\/span><\/td><\/tr>/g,
      ),
    ];
    expect(contributions.map(([, symbol]) => symbol)).toEqual(['SPY', 'TLT', 'GLD', 'Costs']);
    // Without costs, the holdings the weights set and the closes move must add up to the engine's equity
    // exactly: the costs line is then zero, and the assets' lines alone make the total return.
    expect(contributions[3]?.[2]).toMatch(/^−?0\.00 %$/);
    const sum = contributions
      .slice(0, 3)
      .reduce(
        (total, [, , shown]) => total + Number((shown as string).replace('−', '-').replace(' %', '')),
        0,
      );
    expect(sum).toBeCloseTo((run.metrics.total_return as number) * 100, 1);
  });

  it('walk-forward: the stitched out-of-sample curve and the windows one by one', async () => {
    const run = await runUseCase(
      'walkForward',
      { ...source(), symbol: 'QQQ', grid: { fast: [10, 20], slow: [50, 100] }, train: '2y', test: '1y' },
      { context },
    );
    const page = await report(run.run_id as string);
    expect(page.warnings).toEqual([]);
    expect(page.content).toContain('<h2>Windows</h2>');
    expect(
      page.content.match(/<td>\d{4}-\d\d-\d\d → \d{4}-\d\d-\d\d<\/td><td>\d{4}-\d\d-\d\d → /g),
    ).toHaveLength(run.windows.length);
    const equity = (await report(run.run_id as string, 'equity')).content.trimEnd().split('\n');
    expect(equity).toHaveLength(run.rows + 1);
    expect(equity[1]?.startsWith(run.first)).toBe(true);
  });

  it('universe: the curves of a cross-sectional strategy, and no claim of trades for a walk-forward', async () => {
    const run = await runUseCase(
      'portfolioBacktest',
      { ...source(), symbols: ['SPY', 'QQQ', 'TLT', 'GLD'], strategy: 'top-momentum' },
      { context },
    );
    const page = await report(run.run_id as string);
    expect(page.warnings).toEqual([]);
    expect(page.content).toContain('<section id="equity">');
    const equity = (await report(run.run_id as string, 'equity')).content.trimEnd().split('\n');
    expect(equity).toHaveLength(run.rows + 1);
    const walk = await runUseCase(
      'walkForward',
      { ...source(), symbol: 'SPY', grid: { fast: [10, 20], slow: [50] }, train: '2y', test: '1y' },
      { context },
    );
    const walkPage = await report(walk.run_id as string);
    expect(walkPage.content).not.toContain('No trade in this window.');
    await expect(report(walk.run_id as string, 'trades')).rejects.toMatchObject({
      code: 'DATA_UNAVAILABLE',
      message: expect.stringMatching(/lists no trades of its own/),
    });
  });

  it('shows the hash of the data alone: the same bars with other cash give the same hash', async () => {
    const hashOf = async (cash: number) => {
      const run = await runUseCase(
        'backtest',
        { ...source(), symbol: 'SPY', initial_cash: cash },
        { context },
      );
      return /<dt>Data hash<\/dt><dd>([0-9a-f]{64}) /.exec((await report(run.run_id as string)).content)?.[1];
    };
    const hash = await hashOf(100_000);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashOf(50_000)).toBe(hash);
  });

  it('sweep over three parameters: its table alone, no grid folding a third parameter', async () => {
    const run = await runUseCase(
      'sweep',
      {
        ...source(),
        symbol: 'SPY',
        strategy: 'rsi-reversion',
        grid: { period: [7, 14], lower: [20, 30], upper: [70, 80] },
        top: 8,
      },
      { context },
    );
    const page = await report(run.run_id as string);
    expect(page.content).not.toContain('<section id="grid">');
    expect(page.content).toContain('<h2>Best combinations</h2>');
  });

  it.each([
    ['1mo', '2019-12-31'],
    ['1wk', '2020-01-05'],
  ])(
    '%s bars: the spec pins the end of the last bar, so the rerun reads the same bars',
    async (interval, end) => {
      const run = await runUseCase(
        'backtest',
        { ...source(), symbol: 'SPY', interval, end: '2019-12-31', params: { fast: 3, slow: 10 } },
        { context },
      );
      const page = await report(run.run_id as string);
      expect(page.warnings).toEqual([]);
      expect(page.content).toContain(`&quot;end&quot;: &quot;${end}&quot;`);
    },
  );

  it('sweep: its best recorded combinations as a grid, without a rerun', async () => {
    const run = await runUseCase(
      'sweep',
      { ...source(), symbol: 'SPY', grid: { fast: [5, 10, 20], slow: [50, 100] }, top: 6 },
      { context },
    );
    const page = await report(run.run_id as string);
    expect(page.warnings).toEqual([]);
    expect(page.content).toContain('<section id="grid">');
    expect(page.content).toContain('<h2>Best combinations</h2>');
    for (const entry of run.results)
      expect(page.content).toContain(`fast ${entry.params['fast']}, slow ${entry.params['slow']}`);
    await expect(report(run.run_id as string, 'trades')).rejects.toMatchObject({ code: 'DATA_UNAVAILABLE' });
  });

  it('paper trading: the curves and the orders the run placed', async () => {
    const run = await runUseCase(
      'papertrade',
      { ...source(), symbol: 'SPY', start: '2019-01-01' },
      { context },
    );
    const page = await report(run.run_id as string);
    expect(page.warnings).toEqual([]);
    expect(page.content).toContain('<h2>Orders</h2>');
    expect(page.content).toContain('<section id="equity">');
  });

  it('optimisation: its recorded weights', async () => {
    const run = await runUseCase('optimize', { ...source(), symbols: ['SPY', 'TLT'] }, { context });
    const page = await report(run.run_id as string);
    expect(page.content).toContain('<h2>Weights</h2>');
    expect(page.warnings).toEqual([]);
  });
});
