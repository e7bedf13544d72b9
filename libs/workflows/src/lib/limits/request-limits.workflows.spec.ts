import { AetherError } from '@aetherquant/core';
import { backtestWorkflow } from '../backtest/backtest.workflow';
import { barsWorkflow } from '../fetch/bars.workflow';
import { optimizeWorkflow } from '../portfolio/optimize.workflow';
import { portfolioBacktestWorkflow } from '../portfolio/portfolio-backtest.workflow';
import { sweepWorkflow } from '../sweep/sweep.workflow';
import { runWorkflow } from '../workflow/workflow';
import { type WorkflowContext } from '../workflow/workflow-context';
import { type RequestLimits } from './request-limits';
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
});
