import { closedPort, FakeBrokerServer } from '@aetherquant/testing';
import { runCli, runCliAsync, scratchDir, withoutCommandLineWarnings } from './run-cli';

const offline = { AETHERQ_CACHE_DIR: 'none' };
const synthetic = [
  '--symbol',
  'SPY',
  '--provider',
  'synthetic',
  '--start',
  '2018-01-02',
  '--end',
  '2019-12-31',
];

describe('aetherquant papertrade (built binary)', () => {
  it('trades on the paper broker, and db runs shows the run with its orders', () => {
    const cwd = scratchDir();
    const run = runCli(['papertrade', ...synthetic, '--fast', '10', '--slow', '30'], { cwd, env: offline });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      symbol: 'SPY',
      broker: 'paper',
      provider: 'synthetic',
      start_equity: 100000,
    });
    const filled = report.orders.filter((order: { status: string }) => order.status === 'filled');
    expect(filled.length).toBe(report.orders_placed);
    expect(report.orders_placed).toBeGreaterThan(0);
    // Whole shares by default, long-only: every quantity is a positive integer, and cash never negative.
    for (const order of filled) expect(Number.isInteger(order.quantity) && order.quantity > 0).toBe(true);
    expect(report.cash).toBeGreaterThanOrEqual(0);

    const { runs } = JSON.parse(runCli(['db', 'runs', '--type', 'papertrade'], { cwd }).stdout);
    expect(runs).toHaveLength(1);
    expect(runs[0].id).toBe(report.run_id);
    expect(runs[0].orders_placed).toBe(report.orders_placed);
    expect(runs[0].orders.map((order: { client_order_id: string }) => order.client_order_id)).toEqual(
      filled.map((order: { client_order_id: string }) => order.client_order_id),
    );
  });

  it.each([
    [
      ['--broker', 'live'],
      '--broker-endpoint is required for a live broker (or set AETHERQ_LIVE_BROKER_ENDPOINT)',
    ],
    [
      ['--broker', 'live', '--broker-endpoint', 'http://127.0.0.1:9'],
      '--broker-token is required for a live broker (or set AETHERQ_LIVE_BROKER_TOKEN)',
    ],
    [
      [
        '--broker',
        'live',
        '--broker-provider',
        'alpaca',
        '--broker-endpoint',
        'http://127.0.0.1:9',
        '--broker-token',
        'sekret-token-123',
      ],
      '--broker-key-id is required for a live broker (or set AETHERQ_LIVE_BROKER_KEY_ID)',
    ],
  ])('live %j without its credentials exits 2 naming the flag and the variable', (args, message) => {
    const run = runCli(['papertrade', ...synthetic, ...args], {
      env: { ...offline, AETHERQ_DATABASE_URL: 'none' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('sekret-token-123');
  });

  it('exits 3 when the live broker cannot be reached, never echoing the token', async () => {
    const port = await closedPort();
    const run = runCli(
      [
        'papertrade',
        ...synthetic,
        '--broker',
        'live',
        '--broker-endpoint',
        `http://127.0.0.1:${port}`,
        '--broker-token',
        'sekret-token-123',
      ],
      { env: { ...offline, AETHERQ_DATABASE_URL: 'none' } },
    );
    expect(run.status).toBe(3);
    expect(run.stderr).not.toContain('sekret-token-123');
    expect(withoutCommandLineWarnings(run.stderr).trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('aetherquant papertrade --broker live on stale data (built binary, fake broker)', () => {
  let broker: FakeBrokerServer;
  beforeEach(async () => {
    broker = await FakeBrokerServer.start();
  });
  afterEach(() => broker.close());

  // Synthetic bars ending 2019-12-31: years older than the latest complete daily bar, whatever the date.
  const live = (...more: string[]) =>
    runCliAsync(
      [
        'papertrade',
        ...synthetic,
        '--strategy',
        'buy-and-hold',
        '--broker',
        'live',
        '--broker-endpoint',
        broker.url,
        ...more,
      ],
      { env: { ...offline, AETHERQ_DATABASE_URL: 'none', AETHERQ_LIVE_BROKER_TOKEN: 'test-token' } },
    );

  it('sends nothing and exits 4 naming the newest bar and the one expected', async () => {
    const run = await live('--no-dry-run');
    expect(run.status).toBe(4);
    expect(run.stderr).toMatch(
      /stale data: the newest SPY 1d bar is 2019-12-31, older than the latest complete bar expected now \(\d{4}-\d{2}-\d{2}\); no order was sent/,
    );
    expect(run.stderr).toContain('--allow-stale');
    expect(run.stdout).toBe('');
    expect(broker.requests).toHaveLength(0);
  });

  it('sends the order with --allow-stale, and says so in the output', async () => {
    const run = await live('--no-dry-run', '--allow-stale');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ broker: 'live', dry_run: false, bar: '2019-12-31' });
    expect(report.order.status).toBe('filled');
    expect(report.warnings).toEqual([expect.stringMatching(/^stale data allowed .*2019-12-31/)]);
    expect(broker.orderRequests).toHaveLength(1);
  });

  it('warns in a dry run, and sends nothing', async () => {
    const run = await live('--dry-run');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.reason).toBe('dry run: not sent');
    expect(report.warnings).toEqual([expect.stringMatching(/^stale data: .*a live run would refuse it/)]);
    expect(broker.orderRequests).toHaveLength(0);
  });

  it('refuses an http:// endpoint on another host with exit 2, before any request', async () => {
    const run = await runCliAsync(
      [
        'papertrade',
        ...synthetic,
        '--broker',
        'live',
        '--broker-endpoint',
        // Reaches this machine (see live-trade.workflow.spec.ts), but is not a loopback address.
        `http://0.0.0.0:${new URL(broker.url).port}`,
      ],
      { env: { ...offline, AETHERQ_DATABASE_URL: 'none', AETHERQ_LIVE_BROKER_TOKEN: 'test-token' } },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--broker-endpoint must use https:// (AETHERQ_LIVE_BROKER_ENDPOINT)');
    expect(run.stderr).toContain('AETHERQ_LIVE_BROKER_ALLOW_INSECURE=true');
    expect(broker.requests).toHaveLength(0);
  });
});
