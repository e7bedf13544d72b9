import { closedPort, runCli, scratchDir } from './run-cli';

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
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
