import { join } from 'node:path';
import { type ServerProcess, startServerProcess } from '@aetherquant/testing';
import { CLI_BIN, runCli, runCliAsync, scratchDir } from './run-cli';

const TRADER_KEY = 'trader-key-serve-0123456789';
const ADMIN_KEY = 'admin-key-serve-9876543210';
const BACKTEST = [
  '--symbol',
  'SPY',
  '--period',
  '2y',
  '--provider',
  'synthetic',
  '--fast',
  '10',
  '--slow',
  '40',
];

/** `aetherquant serve` as an operator starts it, on a free port read back from its `listening` log line. */
const serve = (env: Record<string, string>) => startServerProcess(CLI_BIN, ['serve', '--port', '0'], env);

/**
 * A report without what differs between two runs of the same backtest (the run id, warnings) and what only
 * the API adds for screens (the chart and the trade list).
 */
function figures(report: Record<string, unknown>): Record<string, unknown> {
  const { run_id: _id, chart: _chart, trade_list: _trades, warnings: _warnings, ...rest } = report;
  return rest;
}

describe('aetherquant serve, and the CLI against it', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await serve({
      AETHERQ_API_KEY: TRADER_KEY,
      AETHERQ_ADMIN_API_KEY: ADMIN_KEY,
      AETHERQ_DATA_PROVIDER: 'synthetic',
      AETHERQ_CACHE_DIR: 'none',
      AETHERQ_DATABASE_URL: `sqlite:///${join(scratchDir(), 'served.sqlite')}`,
    });
  }, 30_000);

  afterAll(() => server.stop());

  it('gives the same numbers over the API as the CLI computes locally', async () => {
    const local = runCli(['backtest', ...BACKTEST, '--database-url', 'none', '--json']);
    expect(local.status).toBe(0);
    const response = await fetch(`${server.url}/api/backtest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': TRADER_KEY },
      body: JSON.stringify({
        symbol: 'SPY',
        period: '2y',
        provider: 'synthetic',
        params: { fast: 10, slow: 40 },
      }),
    });
    expect(response.status).toBe(200);
    const served = (await response.json()) as Record<string, unknown>;
    expect(served['run_id']).toBeDefined();
    expect(figures(served)).toEqual(figures(JSON.parse(local.stdout)));
  });

  it('prints the same JSON in remote mode as locally, run recorded on the server', async () => {
    const local = JSON.parse(runCli(['backtest', ...BACKTEST, '--database-url', 'none', '--json']).stdout);
    const remote = await runCliAsync([
      'backtest',
      ...BACKTEST,
      '--api-url',
      server.url,
      '--api-key',
      TRADER_KEY,
      '--json',
    ]);
    expect(remote.status).toBe(0);
    const printed = JSON.parse(remote.stdout);
    expect(printed.chart).toBeUndefined();
    expect(figures(printed)).toEqual(figures(local));

    const runs = await runCliAsync([
      'db',
      'runs',
      '--type',
      'backtest',
      '--api-url',
      server.url,
      '--api-key',
      ADMIN_KEY,
    ]);
    expect(runs.status).toBe(0);
    expect(JSON.parse(runs.stdout).runs.map((run: { id: string }) => run.id)).toContain(printed.run_id);
  });

  it('is refused admin routes with the trader key: exit 8', async () => {
    const audit = await runCliAsync(['db', 'audit', '--api-url', server.url], {
      env: { AETHERQ_API_KEY: TRADER_KEY },
    });
    expect(audit.status).toBe(8);
    expect(audit.stderr).toBe('error: the trader role does not hold the audit permission\n');
  });

  it('stops gracefully on SIGTERM, exit 0', async () => {
    expect(await server.stop()).toBe(0);
  });
});

describe('aetherquant serve with bad settings', () => {
  it('exits 2 naming the flag', () => {
    const run = runCli(['serve', '--port', 'eighty']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('error: invalid settings: --port must be a whole number (got "eighty")\n');
  });
});
