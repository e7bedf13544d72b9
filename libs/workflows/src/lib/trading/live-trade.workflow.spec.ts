import { parseSettings } from '@aetherquant/core';
import { FakeBrokerServer, rejection } from '@aetherquant/testing';
import { runWorkflow } from '../workflow/workflow';
import { liveTradeWorkflow } from './live-trade.workflow';
import { papertradeWorkflow } from './papertrade.workflow';

// Monday 2024-06-03, noon UTC: synthetic history ends on Friday 2024-05-31, the latest complete daily bar.
const now = () => Date.UTC(2024, 5, 3, 12);
const stale = { symbol: 'SPY', provider: 'synthetic', start: '2018-01-02', end: '2019-12-31' } as const;
const fresh = { symbol: 'SPY', provider: 'synthetic', period: '1y' } as const;
// Buy and hold always wants a position, so a live run always has an order to send from a flat account.
const strategy = { strategy: 'buy-and-hold' } as const;

describe('liveTradeWorkflow', () => {
  let broker: FakeBrokerServer;
  beforeEach(async () => {
    broker = await FakeBrokerServer.start();
  });
  afterEach(() => broker.close());

  const settings = (env: Record<string, string> = {}) =>
    parseSettings({
      AETHERQ_DATABASE_URL: 'none',
      AETHERQ_CACHE_DIR: 'none',
      AETHERQ_LIVE_BROKER_ENDPOINT: broker.url,
      AETHERQ_LIVE_BROKER_TOKEN: 'test-token',
      AETHERQ_MAX_ORDER_NOTIONAL: '1000000',
      AETHERQ_MAX_POSITION_PCT: '100',
      ...env,
    }).settings;
  const run = (request: object, env?: Record<string, string>) =>
    runWorkflow(
      liveTradeWorkflow,
      { ...strategy, ...request },
      { context: { settings: settings(env), now } },
    );

  it('refuses a live order on stale data with DATA_UNAVAILABLE, asking the broker nothing', async () => {
    const error = await rejection(run({ ...stale, dry_run: false }), 'DATA_UNAVAILABLE');
    expect(error.message).toBe(
      'stale data: the newest SPY 1d bar is 2019-12-31, older than the latest complete bar expected now ' +
        '(2024-05-31); no order was sent. Load data up to 2024-05-31, or set allow_stale (--allow-stale) to ' +
        'trade on it anyway',
    );
    expect(error.details).toMatchObject({ newest_bar: '2019-12-31', expected_bar: '2024-05-31' });
    expect(broker.requests).toHaveLength(0);
  });

  it('sends the order on stale data with allow_stale, and says so in warnings', async () => {
    const report = await run({ ...stale, dry_run: false, allow_stale: true });
    expect(broker.orderRequests).toHaveLength(1);
    expect(report.order?.status).toBe('filled');
    expect(report.bar).toBe('2019-12-31');
    expect(report.warnings).toEqual([
      'stale data allowed (allow_stale, --allow-stale): the newest SPY 1d bar is 2019-12-31, older than the ' +
        'latest complete bar expected now (2024-05-31); the order was sized from it',
    ]);
  });

  it('warns in a dry run on stale data, and sends nothing', async () => {
    const report = await run({ ...stale, dry_run: true });
    expect(report.reason).toBe('dry run: not sent');
    expect(report.warnings).toEqual([
      'stale data: the newest SPY 1d bar is 2019-12-31, older than the latest complete bar expected now ' +
        '(2024-05-31); a live run would refuse it unless allow_stale (--allow-stale)',
    ]);
    expect(broker.orderRequests).toHaveLength(0);
  });

  it('sends on fresh data without a warning', async () => {
    const report = await run({ ...fresh, dry_run: false });
    expect(report.bar).toBe('2024-05-31');
    expect(report.warnings).toBeUndefined();
    expect(broker.orderRequests).toHaveLength(1);
  });

  it('refuses http:// to a host that is not loopback, unless AETHERQ_LIVE_BROKER_ALLOW_INSECURE', async () => {
    // 0.0.0.0 is not a loopback address, yet a connection to it reaches this machine's listeners (Linux,
    // macOS): the opt-in below proves the refusal is the only thing between the run and the broker.
    const endpoint = `http://0.0.0.0:${new URL(broker.url).port}`;
    const error = await rejection(run({ ...fresh, broker_endpoint: endpoint }), 'INVALID_ARGUMENT');
    expect(error.message).toContain('broker_endpoint must use https:// (AETHERQ_LIVE_BROKER_ENDPOINT)');
    expect(broker.requests).toHaveLength(0);

    const report = await run(
      { ...fresh, broker_endpoint: endpoint },
      { AETHERQ_LIVE_BROKER_ALLOW_INSECURE: 'true' },
    );
    expect(report.reason).toBe('dry run: not sent');
    expect(broker.requests.map((request) => request.path)).toEqual(['/account', '/positions']);
  });
});

describe('papertradeWorkflow (what the API runs)', () => {
  it('takes no broker fields: the API cannot reach a live broker', async () => {
    const settings = parseSettings({ AETHERQ_DATABASE_URL: 'none', AETHERQ_CACHE_DIR: 'none' }).settings;
    const error = await rejection(
      runWorkflow(
        papertradeWorkflow,
        { ...fresh, broker_endpoint: 'https://broker.example', allow_stale: true },
        { context: { settings, now } },
      ),
      'INVALID_ARGUMENT',
    );
    expect(error.message).toMatch(/broker_endpoint/);
  });
});
