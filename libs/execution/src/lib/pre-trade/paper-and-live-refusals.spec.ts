import { BarSeries } from '@aetherquant/core';
import { FakeBrokerServer } from '@aetherquant/testing';

import { runTradingEngine } from '../engine/trading-engine';
import { createLiveBroker } from '../live/create-live-broker';
import { planLiveOrder } from '../live/plan-live-order';
import { PaperBroker } from '../paper/paper-broker';
import type { PreTradeLimits } from './pre-trade-checks';

const BAR_TIME = Date.UTC(2020, 0, 2);
const STRATEGY = 'sma-cross';

interface Scenario {
  name: string;
  /** Shares of SPY held before the decision, bought at 100; cash is what is left of 100 000. */
  held: number;
  target: number;
  limits: PreTradeLimits;
  /** What both brokers must answer: the live plan's reason, and the paper order's reason. */
  reason: string | null;
}

const scenarios: Scenario[] = [
  {
    // floor(0.5 × 100 000 / 100) = 500 shares: 50 000 > 10 000.
    name: 'an order above max_order_notional',
    held: 0,
    target: 0.5,
    limits: { maxOrderNotional: 10_000, maxPositionPct: 100 },
    reason: 'refused: order notional 50000.00 exceeds max_order_notional 10000.00',
  },
  {
    // 500 shares, 50 000 = 50 % of 100 000 > 25 %.
    name: 'an order leaving a position above max_position_pct',
    held: 0,
    target: 0.5,
    limits: { maxOrderNotional: 1_000_000, maxPositionPct: 25 },
    reason: 'refused: the position would be 50000.00 (50.00% of equity), above max_position_pct 25%',
  },
  {
    // 800 held (bought for 80 000, within both limits; cash 20 000, equity 100 000);
    // floor(0.9 × 100 000 / 100) = 900: buy 100 for 10 000, within the notional limit, but 900 × 100 = 90 000
    // is 90 % of equity > 85 %.
    name: 'an order adding to a held position beyond max_position_pct',
    held: 800,
    target: 0.9,
    limits: { maxOrderNotional: 80_000, maxPositionPct: 85 },
    reason: 'refused: the position would be 90000.00 (90.00% of equity), above max_position_pct 85%',
  },
  {
    // 200 held; target 0.5 → buy 300 for 30 000, leaving 50 000 = 50 % of equity: within both limits.
    name: 'an order within both limits (it trades on both sides)',
    held: 200,
    target: 0.5,
    limits: { maxOrderNotional: 30_000, maxPositionPct: 50 },
    reason: null,
  },
];

/** The live side: one decision on a fake broker holding `held` SPY at 100, cash 100 000 − 100 × held. */
async function liveDecision(scenario: Scenario) {
  const server = await FakeBrokerServer.start({
    cash: 100_000 - 100 * scenario.held,
    positions: scenario.held > 0 ? { SPY: scenario.held } : {},
    prices: { SPY: 100 },
  });
  try {
    const broker = createLiveBroker({
      provider: 'generic-rest',
      endpoint: server.url,
      token: 'test-token',
      retries: 0,
      backoffMs: 1,
      timeoutMs: 2_000,
    });
    const plan = await planLiveOrder({
      broker,
      symbol: 'SPY',
      strategy: STRATEGY,
      barTime: BAR_TIME,
      close: 100,
      target: scenario.target,
      limits: scenario.limits,
      dryRun: false,
    });
    return { plan, ordersSent: server.orderRequests.length };
  } finally {
    await server.close();
  }
}

/**
 * The paper side: the same account in a paper broker with the same limits (the shares held are bought through
 * them first, so each scenario holds only what the limits allow), then the engine on one bar at 100.
 */
async function paperDecision(scenario: Scenario) {
  const broker = new PaperBroker({
    cash: 100_000,
    commissionBps: 0,
    slippageBps: 0,
    limits: scenario.limits,
  });
  if (scenario.held > 0) {
    const setup = await broker.submitOrder({
      symbol: 'SPY',
      side: 'buy',
      quantity: scenario.held,
      price: 100,
      clientOrderId: 'setup',
      time: BAR_TIME - 86_400_000,
    });
    expect(setup.status).toBe('filled');
  }
  const before = broker.account();
  const series = new BarSeries({
    symbol: 'SPY',
    interval: '1d',
    time: [BAR_TIME],
    open: [100],
    high: [100],
    low: [100],
    close: [100],
    volume: [1_000],
  });
  const run = await runTradingEngine(series, Float64Array.from([scenario.target]), broker, {
    strategy: STRATEGY,
  });
  return { run, before };
}

describe('paper and live orders obey the same pre-trade checks, with the same reasons', () => {
  it.each(scenarios)('$name', async (scenario) => {
    const live = await liveDecision(scenario);
    const paper = await paperDecision(scenario);

    // The same decision: one order, same side, quantity, price and client order id on both sides.
    expect(paper.run.orders).toHaveLength(1);
    const [paperOrder] = paper.run.orders;
    expect(live.plan.order).toMatchObject({
      side: paperOrder?.side,
      quantity: paperOrder?.quantity,
      clientOrderId: paperOrder?.clientOrderId,
    });

    if (scenario.reason === null) {
      expect(live.plan.result?.status).toBe('filled');
      expect(paperOrder?.status).toBe('filled');
      expect(live.ordersSent).toBe(1);
      return;
    }
    expect(live.plan.reason).toBe(scenario.reason);
    expect(paperOrder).toMatchObject({ status: 'rejected', reason: live.plan.reason });
    // Refused means nothing traded: no order reached the live broker, the paper ledger did not move.
    expect(live.ordersSent).toBe(0);
    expect(paper.run.finalAccount).toEqual(paper.before);
  });
});
