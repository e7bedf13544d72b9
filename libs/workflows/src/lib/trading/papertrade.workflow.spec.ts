import { parseSettings } from '@aetherquant/core';
import { type Database, openDatabase } from '@aetherquant/persistence';
import { describeWithMarketData } from '@aetherquant/testing';
import { backtestWorkflow } from '../backtest/backtest.workflow';
import { listRunsWorkflow } from '../history/history.workflows';
import { runWorkflow } from '../workflow/workflow';
import { liveTradeWorkflow } from './live-trade.workflow';
import { papertradeWorkflow } from './papertrade.workflow';

const settings = (env: Record<string, string> = {}) =>
  parseSettings({ AETHERQ_DATABASE_URL: 'none', AETHERQ_CACHE_DIR: 'none', ...env }).settings;
// Monday 2024-06-03, noon UTC: synthetic history ends on Friday 2024-05-31.
const now = () => Date.UTC(2024, 5, 3, 12);

describeWithMarketData(
  'paper trading tracks the vectorised backtest on the real SPY file, 2010–2019',
  (market) => {
    it('ends within 1% of the long-only backtest’s final equity with the same costs', async () => {
      const request = {
        symbol: 'SPY',
        provider: 'csv' as const,
        data_dir: market.dir,
        start: '2010-01-01',
        end: '2019-12-31',
        params: { fast: 20, slow: 50 },
        commission_bps: 1,
        slippage_bps: 0,
        initial_cash: 100000,
      };
      // The backtest knows no order limits: lift the paper run's (the default 100 000 notional would refuse
      // the exits once equity has grown past it), so the two compare like for like.
      const context = { context: { settings: settings({ AETHERQ_MAX_ORDER_NOTIONAL: '1000000000' }) } };
      const backtest = await runWorkflow(backtestWorkflow, { ...request, long_only: true }, context);
      const paper = await runWorkflow(papertradeWorkflow, request, context);
      // The gap comes from whole shares (cash left over at each entry) and from costs charged on the fill's
      // notional rather than on equity: docs/execution.md explains it.
      const gap = Math.abs(paper.final_equity - backtest.final_equity) / backtest.final_equity;
      expect(gap).toBeLessThan(0.01);
      expect(paper.orders_placed).toBeGreaterThan(10);
      expect(paper.cash + 0).toBeGreaterThanOrEqual(0);
    });
  },
);

describe('papertradeWorkflow', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase('sqlite::memory:');
  });
  afterAll(() => database.close());

  it('needs the papertrade permission, and live trading needs livetrade', () => {
    expect(papertradeWorkflow.useCase.permission).toBe('papertrade');
    expect(liveTradeWorkflow.useCase.permission).toBe('livetrade');
  });

  it('records the run with its filled orders, which the run list shows', async () => {
    const report = await runWorkflow(
      papertradeWorkflow,
      { symbol: 'QQQ', provider: 'synthetic', period: '2y', params: { fast: 5, slow: 20 } },
      { context: { settings: settings(), database, now } },
    );
    expect(report.broker).toBe('paper');
    expect(report.run_id).toBeDefined();
    const filled = report.orders.filter((order) => order.status === 'filled');
    expect(filled.length).toBe(report.orders_placed);
    const { runs } = await runWorkflow(
      listRunsWorkflow,
      { type: 'papertrade' },
      { context: { settings: settings(), database } },
    );
    expect(runs[0]?.id).toBe(report.run_id);
    expect(runs[0]?.orders.map((order) => order.client_order_id)).toEqual(
      filled.map((order) => order.client_order_id),
    );
    // Equity is cash plus the position at the last close.
    expect(report.final_equity).toBeGreaterThan(0);
  });

  it('needs an endpoint and a token for a live broker, naming each setting', async () => {
    await expect(
      runWorkflow(
        liveTradeWorkflow,
        { symbol: 'SPY', provider: 'synthetic', broker_provider: 'alpaca' },
        { context: { settings: settings(), now } },
      ),
    ).rejects.toThrow(
      'live broker: broker_endpoint is required for a live broker (or set AETHERQ_LIVE_BROKER_ENDPOINT); broker_token is required for a live broker (or set AETHERQ_LIVE_BROKER_TOKEN); broker_key_id is required for a live broker (or set AETHERQ_LIVE_BROKER_KEY_ID)',
    );
  });
});
