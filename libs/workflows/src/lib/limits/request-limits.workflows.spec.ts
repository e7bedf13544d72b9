import { AetherError, type RequestLimits } from '@aetherquant/core';
import { RecentBars } from '@aetherquant/data';
import { backtestWorkflow } from '../backtest/backtest.workflow';
import { barsWorkflow } from '../fetch/bars.workflow';
import { optimizeWorkflow } from '../portfolio/optimize.workflow';
import { portfolioBacktestWorkflow } from '../portfolio/portfolio-backtest.workflow';
import { sweepWorkflow } from '../sweep/sweep.workflow';
import { walkForwardWorkflow } from '../walk-forward/walk-forward.workflow';
import { runWorkflow } from '../workflow/workflow';
import { type WorkflowContext } from '../workflow/workflow-context';
import { FIXED_NOW, OFFLINE_SETTINGS } from '../../testing/offline-context';

const settings = OFFLINE_SETTINGS;
const now = FIXED_NOW;
const context = (limits?: RequestLimits, more: Partial<WorkflowContext> = {}) => ({
  context: { settings, now, ...(limits ? { limits } : {}), ...more },
});

async function violations(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AetherError);
  expect((error as AetherError).code).toBe('INVALID_ARGUMENT');
  return (error as AetherError).details?.violations;
}

describe('request limits in the workflows', () => {
  it('refuse more symbols than allowed, for a portfolio backtest and an optimisation', async () => {
    const request = { symbols: ['SPY', 'QQQ', 'IWM'], period: '2y' };
    const expected = [
      { field: 'symbols', rule: "must have at most 2 items (this server's limit per request)" },
    ];
    const runs = [
      (limits: RequestLimits) => runWorkflow(portfolioBacktestWorkflow, request, context(limits)),
      (limits: RequestLimits) => runWorkflow(optimizeWorkflow, request, context(limits)),
    ];
    for (const run of runs) {
      expect(await violations(run({ maxSymbols: 2 }))).toEqual(expected);
      await expect(run({ maxSymbols: 3 })).resolves.toBeDefined();
    }
  });

  it('refuse more bars than allowed, naming the period, or start when dates chose them', async () => {
    // A synthetic year of daily bars is about 252 of them: over a limit of 100.
    const [byPeriod] = (await violations(
      runWorkflow(backtestWorkflow, { symbol: 'SPY', period: '1y' }, context({ maxBars: 100 })),
    )) as Array<{ field: string; rule: string }>;
    expect(byPeriod?.field).toBe('period');
    expect(byPeriod?.rule).toMatch(
      /^selects \d+ bars, more than the 100 this server loads per request; narrow the period or use a coarser interval$/,
    );
    const byDates = await violations(
      runWorkflow(barsWorkflow, { symbol: 'SPY', start: '2023-01-01' }, context({ maxBars: 100 })),
    );
    expect(byDates?.map((violation) => violation.field)).toEqual(['start']);
    // Several symbols: each one's bars are held to the limit.
    const aligned = await violations(
      runWorkflow(optimizeWorkflow, { symbols: ['SPY', 'QQQ'], period: '1y' }, context({ maxBars: 100 })),
    );
    expect(aligned?.map((violation) => violation.field)).toEqual(['period']);
    await expect(
      runWorkflow(backtestWorkflow, { symbol: 'SPY', period: '1y' }, context({ maxBars: 300 })),
    ).resolves.toMatchObject({ symbol: 'SPY' });
  });

  it('refuse a sweep grid over the limit before any backtest runs', async () => {
    const progress = jest.fn();
    // 10 fast × 3 slow = 30 combinations.
    const request = { symbol: 'SPY', period: '1y', grid: { fast: '1:10:1', slow: [20, 30, 40] } };
    expect(
      await violations(
        runWorkflow(sweepWorkflow, request, context({ maxSweepCombinations: 20 }, { progress })),
      ),
    ).toEqual([
      { field: 'grid', rule: 'has 30 combinations, more than the 20 this server runs per request' },
    ]);
    expect(progress).not.toHaveBeenCalled();
    await expect(
      runWorkflow(sweepWorkflow, request, context({ maxSweepCombinations: 30 })),
    ).resolves.toMatchObject({ combinations: 30 });
  });

  it('change nothing when unset', async () => {
    const report = await runWorkflow(
      sweepWorkflow,
      { symbol: 'SPY', period: '2y', grid: { fast: '1:10:1', slow: [20, 30, 40] } },
      context(),
    );
    expect(report).toMatchObject({ combinations: 30, rows: expect.any(Number) });
    expect(report.rows).toBeGreaterThan(300);
    const portfolio = await runWorkflow(
      portfolioBacktestWorkflow,
      { symbols: ['SPY', 'QQQ', 'IWM'], period: '2y' },
      context({}),
    );
    expect(portfolio.symbols).toEqual(['SPY', 'QQQ', 'IWM']);
  });

  describe('before any work', () => {
    // Under FIXED_NOW the synthetic history runs from Monday 1990-01-01 to Friday 2024-05-31: 12,570 days,
    // 1,795 weeks and 5 days, so 8,980 sessions of 390 one-minute bars = 3,502,200 bars.
    it('refuse period max of 1m bars from the exact count, never touching the cache or the generator', async () => {
      const recentBars = new RecentBars();
      const request = { symbol: 'AAA', period: 'max', interval: '1m', provider: 'synthetic' as const };
      expect(
        await violations(runWorkflow(barsWorkflow, request, context({ maxBars: 100_000 }, { recentBars }))),
      ).toEqual([
        {
          field: 'period',
          rule: 'selects 3502200 bars, more than the 100000 this server loads per request; narrow the period or use a coarser interval',
        },
      ]);
      expect(recentBars.stats).toEqual({ entries: 0, bytes: 0, hits: 0, loads: 0 });
      // Within the limit, the same path loads and keeps the bars (so the assertion above can fail).
      await runWorkflow(
        barsWorkflow,
        { ...request, period: '5d' },
        context({ maxBars: 100_000 }, { recentBars }),
      );
      expect(recentBars.stats).toMatchObject({ entries: 1, loads: 1 });
    });

    it('refuse symbols × bars over maxPortfolioBars, naming symbols, before loading any symbol', async () => {
      // 1y back from Friday 2024-05-31 starts on Thursday 2023-06-01: 262 weekdays through 2024-05-31,
      // so 3 symbols select 786 bars.
      const recentBars = new RecentBars();
      const request = { symbols: ['SPY', 'QQQ', 'IWM'], period: '1y' };
      const run = (maxPortfolioBars: number) =>
        runWorkflow(optimizeWorkflow, request, context({ maxPortfolioBars }, { recentBars }));
      expect(await violations(run(785))).toEqual([
        {
          field: 'symbols',
          rule: '3 symbols select 786 bars together, more than the 785 this server loads per request; use fewer symbols, a shorter period or a coarser interval',
        },
      ]);
      expect(recentBars.stats.loads).toBe(0);
      await expect(run(786)).resolves.toBeDefined();
      expect(recentBars.stats.loads).toBe(3);
    });

    it('refuse a sweep or walk-forward grid over the limit before loading bars', async () => {
      const recentBars = new RecentBars();
      const grid = { fast: '1:10:1', slow: [20, 30, 40] }; // 30 combinations
      const limits = { maxSweepCombinations: 29 };
      const rule = 'has 30 combinations, more than the 29 this server runs per request';
      expect(
        await violations(
          runWorkflow(sweepWorkflow, { symbol: 'SPY', grid }, context(limits, { recentBars })),
        ),
      ).toEqual([{ field: 'grid', rule }]);
      expect(
        await violations(
          runWorkflow(
            walkForwardWorkflow,
            { symbol: 'SPY', period: '2y', grid, train: '1y', test: '1mo' },
            context(limits, { recentBars }),
          ),
        ),
      ).toEqual([{ field: 'grid', rule }]);
      expect(recentBars.stats.loads).toBe(0);
    });

    it('refuse more walk-forward windows than allowed, naming test, before any search', async () => {
      // 2y of daily bars from Wednesday 2022-06-01; the first test window starts a year on, and monthly
      // windows from 2023-06-01 to 2024-05-31 number 12.
      const progress = jest.fn();
      const request = {
        symbol: 'SPY',
        period: '2y',
        grid: { fast: [5, 10], slow: [20] },
        train: '1y',
        test: '1mo',
      };
      expect(
        await violations(
          runWorkflow(walkForwardWorkflow, request, context({ maxWalkForwardWindows: 11 }, { progress })),
        ),
      ).toEqual([
        {
          field: 'test',
          rule: 'makes 12 walk-forward windows, more than the 11 this server runs per request; use a longer test period or a shorter history',
        },
      ]);
      expect(progress).not.toHaveBeenCalled();
      const report = await runWorkflow(walkForwardWorkflow, request, context({ maxWalkForwardWindows: 12 }));
      expect(report.windows).toHaveLength(12);
    });
  });
});
