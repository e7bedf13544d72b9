import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type CliRun, runCli, scratchDir } from './run-cli';

// A recorded run's spec, from the built binary: `runs spec ID` gives a --config file that reruns it to the
// same figures from another folder, another day's settings and all (synthetic data over a relative period,
// the settings' costs changed in between).

const json = (run: CliRun) => {
  if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
};

/** The report without what differs between two runs of the same work: its id, and the duration it took. */
function figures(report: Record<string, unknown>): Record<string, unknown> {
  const { run_id: _id, ...rest } = report;
  return rest;
}

describe('aetherquant runs spec, then --config', () => {
  const recordDir = scratchDir();
  const rerunDir = scratchDir();
  const database = `sqlite:///${join(recordDir, 'runs.sqlite')}`;
  const recordEnv = {
    AETHERQ_DATABASE_URL: database,
    AETHERQ_CACHE_DIR: 'none',
    AETHERQ_DATA_PROVIDER: 'synthetic',
    AETHERQ_COMMISSION_BPS: '3',
    AETHERQ_INITIAL_CASH: '50000',
  };
  // Rerun elsewhere with other settings: the spec must pin everything the first run resolved from them.
  const rerunEnv = {
    AETHERQ_DATABASE_URL: 'none',
    AETHERQ_CACHE_DIR: 'none',
    AETHERQ_DATA_PROVIDER: 'yahoo',
  };

  it.each([
    [
      'backtest',
      [
        'backtest',
        '--symbol',
        'QQQ',
        '--period',
        '2y',
        '--strategy',
        'rsi-reversion',
        '--param',
        'period=10',
      ],
    ],
    [
      'sweep',
      ['sweep', '--symbol', 'SPY', '--period', '3y', '--fast', '5:20:5', '--slow', '30,60', '--top', '3'],
    ],
    [
      'walk-forward',
      [
        'walk-forward',
        '--symbol',
        'SPY',
        '--period',
        '8y',
        '--fast',
        '10,20',
        '--slow',
        '50,100',
        '--train',
        '2y',
        '--test',
        '1y',
      ],
    ],
    ['papertrade', ['papertrade', '--symbol', 'SPY', '--period', '1y', '--fast', '5', '--slow', '20']],
    ['optimize', ['optimize', '--symbols', 'SPY,QQQ,TLT', '--period', '2y', '--method', 'min-variance']],
    [
      'backtest --symbols (an allocation)',
      [
        'backtest',
        '--symbols',
        'SPY,QQQ,TLT',
        '--period',
        '3y',
        '--allocation',
        'risk-parity',
        '--lookback',
        '6mo',
      ],
    ],
    [
      'backtest --symbols --strategy (sleeves)',
      [
        'backtest',
        '--symbols',
        'SPY,QQQ,TLT',
        '--period',
        '2y',
        '--strategy',
        'momentum',
        '--allocation',
        'inverse-volatility',
      ],
    ],
    [
      'backtest --symbols --strategy top-momentum (cross-sectional)',
      [
        'backtest',
        '--symbols',
        'SPY,QQQ,TLT,GLD',
        '--period',
        '3y',
        '--strategy',
        'top-momentum',
        '--param',
        'k=2',
      ],
    ],
  ])('%s: the spec reruns to identical figures from another folder with other settings', (_label, args) => {
    const command = args[0] as string;
    const first = json(runCli(args, { cwd: recordDir, env: recordEnv }));
    const spec = runCli(['runs', 'spec', first['run_id'] as string], { cwd: recordDir, env: recordEnv });
    expect(spec.status).toBe(0);
    const config = parseYaml(spec.stdout) as Record<string, unknown>;
    expect(config['command']).toBe(command);
    expect(config['period']).toBeUndefined();
    expect(config['start']).toMatch(/^\d{4}-\d\d-\d\d$/);
    const file = join(rerunDir, `${command}.yaml`);
    writeFileSync(file, spec.stdout);
    const again = json(runCli([command, '--config', file], { cwd: rerunDir, env: rerunEnv }));
    expect(figures(again)).toEqual(figures(first));
  });

  it('pins the settings the run resolved, and flags on the command line override the file', () => {
    const first = json(
      runCli(['backtest', '--symbol', 'SPY', '--period', '1y'], { cwd: recordDir, env: recordEnv }),
    );
    const asJson = json(
      runCli(['runs', 'spec', first['run_id'] as string, '--format', 'json'], {
        cwd: recordDir,
        env: recordEnv,
      }),
    );
    expect(asJson).toMatchObject({
      command: 'backtest',
      symbol: 'SPY',
      provider: 'synthetic',
      commission_bps: 3,
      initial_cash: 50000,
      strategy: 'ma-cross',
      params: { fast: 20, slow: 50 },
      interval: '1d',
    });
    const file = join(rerunDir, 'override.json');
    writeFileSync(file, JSON.stringify(asJson));
    const overridden = json(
      runCli(['backtest', '--config', file, '--slow', '60', '--initial-cash', '1000'], {
        cwd: rerunDir,
        env: rerunEnv,
      }),
    );
    expect(overridden).toMatchObject({
      params: { fast: 20, slow: 60 },
      first: first['first'],
      last: first['last'],
    });
    expect(overridden['final_equity'] as number).toBeLessThan(2000);
  });

  it("a spec's dates give way to --period, and its strategy and parameters to another --strategy", () => {
    const first = json(
      runCli(['backtest', '--symbol', 'SPY', '--period', '2y', '--fast', '10', '--long-only'], {
        cwd: recordDir,
        env: recordEnv,
      }),
    );
    const spec = runCli(['runs', 'spec', first['run_id'] as string], { cwd: recordDir, env: recordEnv });
    const file = join(rerunDir, 'precedence.yaml');
    writeFileSync(file, spec.stdout);
    const settings = ['--provider', 'synthetic', '--commission-bps', '3', '--initial-cash', '50000'];
    const rerun = (args: string[]) => json(runCli(args, { cwd: rerunDir, env: rerunEnv }));
    expect(figures(rerun(['backtest', '--config', file, '--period', '1y', '--no-long-only']))).toEqual(
      figures(rerun(['backtest', '--symbol', 'SPY', '--period', '1y', '--fast', '10', ...settings])),
    );
    expect(rerun(['backtest', '--config', file, '--strategy', 'momentum'])).toMatchObject({
      strategy: 'momentum',
      params: { lookback: 20 },
      first: first['first'],
    });
  });

  it.each([
    ['a key no flag has', 'symbl: SPY\n', 'error: config file: --config symbl is not a flag of backtest\n'],
    [
      'a file for another command',
      'command: sweep\nsymbol: SPY\n',
      'error: config file: --config command is "sweep": this file is not for backtest\n',
    ],
    [
      'a switch that is not true or false',
      'long-only: sometimes\n',
      'error: config file: --config long-only must be true or false (got "sometimes")\n',
    ],
    ['YAML that does not parse', 'symbol: [SPY\n', /^error: --config must be JSON or YAML: .*bad\.yaml: /],
    ['a list at the top', '- SPY\n', /^error: --config must hold a mapping of flag names to values/],
  ])('refuses %s, naming it, exit 2', (_label, text, message) => {
    const file = join(rerunDir, 'bad.yaml');
    writeFileSync(file, text);
    const run = runCli(['backtest', '--config', file], { cwd: rerunDir, env: rerunEnv });
    expect(run.status).toBe(2);
    if (typeof message === 'string') expect(run.stderr).toBe(message);
    else expect(run.stderr).toMatch(message);
  });

  it('says so for a run id that is not recorded, and for a missing config file', () => {
    const missingRun = runCli(['runs', 'spec', '0193a1c4-7f05-7000-a77d-a206176fe912'], {
      cwd: recordDir,
      env: recordEnv,
    });
    expect(missingRun.status).toBe(5);
    expect(missingRun.stderr).toContain('no run with id 0193a1c4-7f05-7000-a77d-a206176fe912');
    const missingFile = runCli(['backtest', '--config', 'nowhere.yaml'], { cwd: rerunDir, env: rerunEnv });
    expect(missingFile.status).toBe(2);
    expect(missingFile.stderr).toBe(
      'error: --config must name a readable file: nowhere.yaml does not exist\n',
    );
  });
});
