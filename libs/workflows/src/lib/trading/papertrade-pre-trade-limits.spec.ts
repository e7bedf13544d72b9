import { parseSettings } from '@aetherquant/core';
import { FakeBrokerServer } from '@aetherquant/testing';
import { runWorkflow } from '../workflow/workflow';
import { liveTradeWorkflow } from './live-trade.workflow';
import { papertradeWorkflow } from './papertrade.workflow';

// Monday 2024-06-03, noon UTC.
const now = () => Date.UTC(2024, 5, 3, 12);
// Buy and hold wants the whole equity in SPY from the first bar: from 100 000 of cash, about 100 000 of shares.
const bars = { symbol: 'SPY', provider: 'synthetic', strategy: 'buy-and-hold', start: '2018-01-02' } as const;

describe('papertrade obeys the live pre-trade limits, set the same way, refused in the same words', () => {
  let broker: FakeBrokerServer;
  beforeEach(async () => {
    broker = await FakeBrokerServer.start({ cash: 100_000 });
  });
  afterEach(() => broker.close());

  const settings = (limits: Record<string, string>) =>
    parseSettings({
      AETHERQ_DATABASE_URL: 'none',
      AETHERQ_CACHE_DIR: 'none',
      AETHERQ_LIVE_BROKER_ENDPOINT: broker.url,
      AETHERQ_LIVE_BROKER_TOKEN: 'test-token',
      ...limits,
    }).settings;

  it.each([
    [
      { AETHERQ_MAX_ORDER_NOTIONAL: '10000' },
      /^refused: order notional \d+\.\d{2} exceeds max_order_notional 10000\.00$/,
    ],
    [
      { AETHERQ_MAX_POSITION_PCT: '50' },
      /^refused: the position would be \d+\.\d{2} \(\d+\.\d{2}% of equity\), above max_position_pct 50%$/,
    ],
  ])('%j', async (limits, refusal) => {
    const context = { context: { settings: settings(limits), now } };
    const paper = await runWorkflow(
      papertradeWorkflow,
      { ...bars, end: '2018-12-31', commission_bps: 0, slippage_bps: 0, initial_cash: 100_000 },
      context,
    );
    // Every bar asks for the same buy and every one is refused: nothing trades, the cash stays.
    expect(paper.orders.length).toBeGreaterThan(1);
    for (const order of paper.orders) {
      expect(order.status).toBe('rejected');
      expect(order.reason).toMatch(refusal);
    }
    expect(paper.orders_placed).toBe(0);
    expect(paper.final_equity).toBe(100_000);

    // Live, on the bar of the second paper order (buy and hold needs two bars), from the same 100 000 of
    // cash (the paper run's is untouched, every order before was refused), sending if allowed.
    const decided = paper.orders[1];
    const live = await runWorkflow(
      liveTradeWorkflow,
      { ...bars, end: decided?.time, dry_run: false, allow_stale: true },
      context,
    );
    expect(live.bar).toBe(decided?.time);
    expect(live.order).toMatchObject({
      client_order_id: decided?.client_order_id,
      side: decided?.side,
      quantity: decided?.quantity,
      status: 'not sent',
    });
    expect(live.reason).toBe(decided?.reason);
    expect(broker.orderRequests).toHaveLength(0);
  });
});
