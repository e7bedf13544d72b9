import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, scratchDir } from './run-cli';

describe('aetherquant settings (built binary)', () => {
  it('prints the defaults with secrets masked', () => {
    const run = runCli(['settings', '--json'], { env: { AETHERQ_API_KEY: 'trader-key-0123456789abcdef' } });
    expect(run.status).toBe(0);
    const settings = JSON.parse(run.stdout);
    expect(settings).toMatchObject({
      logLevel: 'info',
      defaultSymbol: 'SPY',
      initialCash: 100000,
      commissionBps: 1,
      slippageBps: 0.5,
      apiKey: '***',
      databaseUrl: 'sqlite:///data/aetherquant.sqlite',
      rateLimitPerMinute: 120,
      liveBroker: { provider: 'generic-rest', dryRun: true },
    });
    expect(run.stdout).not.toContain('trader-key-0123456789abcdef');
  });

  it('reads ./.env with a byte-order mark, the environment winning', () => {
    const cwd = scratchDir();
    writeFileSync(join(cwd, '.env'), '\uFEFFAETHERQ_INITIAL_CASH=5000\nAETHERQ_DEFAULT_SYMBOL=qqq\n');
    const run = runCli(['settings', '--json'], { cwd, env: { AETHERQ_DEFAULT_SYMBOL: 'TLT' } });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ initialCash: 5000, defaultSymbol: 'TLT' });
  });

  it('lists every bad variable at once, exit 2, never echoing a secret', () => {
    const cwd = scratchDir();
    writeFileSync(
      join(cwd, '.env'),
      'AETHERQ_INTIAL_CASH=5\nAETHERQ_DATABASE_URL=mysql://root:hunter2@db/x\n',
    );
    const run = runCli(['settings'], {
      cwd,
      env: {
        AETHERQ_INITIAL_CASH: 'lots',
        AETHERQ_LIVE_BROKER_DRY_RUN: 'maybe',
        AETHERQ_RATE_LIMIT_PER_MINUTE: '1.5',
      },
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'warning: AETHERQ_INTIAL_CASH is not a setting AetherQuant reads; did you mean AETHERQ_INITIAL_CASH?',
    );
    expect(lines).toHaveLength(2);
    for (const name of [
      'AETHERQ_INITIAL_CASH must be a number (got "lots")',
      'AETHERQ_DATABASE_URL must be none, sqlite::memory:',
      'AETHERQ_RATE_LIMIT_PER_MINUTE must be a whole number (got "1.5")',
      'AETHERQ_LIVE_BROKER_DRY_RUN must be true or false',
    ]) {
      expect(lines[1]).toContain(name);
    }
    expect(run.stderr).not.toContain('hunter2');
  });

  it('fails with exit 2 when an explicit --dotenv file is missing', () => {
    const run = runCli(['settings', '--dotenv', 'nope.env']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: env file does not exist: .*nope\.env\n$/);
  });
});
