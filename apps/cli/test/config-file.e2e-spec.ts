import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CliRun, runCli, scratchDir } from './run-cli';

// `--config FILE` from the built binary: the command line wins over the file, whole (a --period over the
// file's dates, a --strategy over its strategy and parameters, --no-long-only over its long_only: true); a
// config file never holds a secret, is a small regular file, and its relative paths are relative to it.
// Then `strategy new`: names it must refuse, and a --dir the file system refuses.

const env = { AETHERQ_DATABASE_URL: 'none', AETHERQ_CACHE_DIR: 'none', AETHERQ_DATA_PROVIDER: 'synthetic' };

const json = (run: CliRun) => {
  if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
};

/** The figures of a report, for comparing two runs of the same work. */
const exposure = (report: Record<string, unknown>) =>
  (report['metrics'] as Record<string, number>)['exposure'];

describe('aetherquant --config: the command line wins, whole', () => {
  const dir = scratchDir();
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const backtest = (args: string[]) => json(runCli(['backtest', ...args], { cwd: dir, env }));

  it("--no-long-only switches off a file's long_only: true, and --long-only a file's false", () => {
    // momentum goes short: long-only halves its exposure.
    const longOnly = file('long-only.yaml', 'symbol: SPY\nperiod: 2y\nstrategy: momentum\nlong_only: true\n');
    const fromFile = backtest(['--config', longOnly]);
    expect(exposure(fromFile)).toBeLessThan(1);
    const switchedOff = backtest(['--config', longOnly, '--no-long-only']);
    expect(exposure(switchedOff)).toBe(1);
    // Neither flag nor file: shorts allowed, as before there was a --no-long-only.
    expect(switchedOff).toEqual(backtest(['--symbol', 'SPY', '--period', '2y', '--strategy', 'momentum']));

    const shorts = file('shorts.yaml', 'symbol: SPY\nperiod: 2y\nstrategy: momentum\nlong_only: false\n');
    expect(backtest(['--config', shorts])).toEqual(switchedOff);
    expect(backtest(['--config', shorts, '--long-only'])).toEqual(fromFile);
  });

  it("a command-line --period drops the file's start and end, and --start/--end drop its period", () => {
    const dated = file('dated.yaml', 'symbol: SPY\nstart: 2020-01-02\nend: 2020-12-31\n');
    expect(backtest(['--config', dated, '--period', '1y'])).toEqual(
      backtest(['--symbol', 'SPY', '--period', '1y']),
    );
    const relative = file('relative.yaml', 'symbol: SPY\nperiod: 1y\n');
    const window = ['--start', '2021-01-04', '--end', '2021-06-30'];
    const windowed = backtest(['--config', relative, ...window]);
    expect(windowed).toEqual(backtest(['--symbol', 'SPY', ...window]));
    expect(windowed).toMatchObject({ first: '2021-01-04', last: '2021-06-30' });
    // One date from the command line, the other from the file.
    expect(backtest(['--config', dated, '--start', '2020-06-01'])).toMatchObject({
      first: '2020-06-01',
      last: '2020-12-31',
    });
  });

  it("a command-line strategy other than the file's drops the file's strategy and parameters", () => {
    const maCross = file(
      'ma-cross.yaml',
      'command: backtest\nsymbol: SPY\nperiod: 2y\nstrategy: ma-cross\nparams: { fast: 10, slow: 30 }\n',
    );
    expect(backtest(['--config', maCross, '--strategy', 'momentum'])).toEqual(
      backtest(['--symbol', 'SPY', '--period', '2y', '--strategy', 'momentum']),
    );
    // The same strategy keeps the file's parameters, but for the one the command line gives.
    expect(backtest(['--config', maCross, '--strategy', 'ma-cross', '--slow', '40'])).toMatchObject({
      strategy: 'ma-cross',
      params: { fast: 10, slow: 40 },
    });
    // A file naming no strategy runs the default: naming it keeps the parameters too.
    const unnamed = file('unnamed.yaml', 'symbol: SPY\nperiod: 2y\nfast: 10\nslow: 30\n');
    expect(backtest(['--config', unnamed, '--strategy', 'MA-Cross'])).toMatchObject({
      params: { fast: 10, slow: 30 },
    });
    expect(backtest(['--config', unnamed, '--strategy', 'momentum'])).toMatchObject({
      strategy: 'momentum',
      params: { lookback: 20 },
    });

    const grid = file(
      'grid.yaml',
      'command: sweep\nsymbol: SPY\nperiod: 2y\nstrategy: ma-cross\ngrid: { fast: "5,10", slow: "30" }\n',
    );
    const swept = json(
      runCli(['sweep', '--config', grid, '--strategy', 'momentum', '--param', 'lookback=5,10'], {
        cwd: dir,
        env,
      }),
    );
    expect(swept).toMatchObject({ strategy: 'momentum', combinations: 2 });
  });

  it("--symbol drops the file's symbols and --symbols its symbol (and fetch's --output)", () => {
    const many = file('many.yaml', 'symbols: [SPY, QQQ]\nperiod: 3y\n');
    expect(backtest(['--config', many, '--symbol', 'SPY'])).toEqual(
      backtest(['--symbol', 'SPY', '--period', '3y']),
    );
    const one = file('one.yaml', 'symbol: SPY\nperiod: 3y\n');
    expect(backtest(['--config', one, '--symbols', 'SPY,QQQ'])).toEqual(
      backtest(['--symbols', 'SPY,QQQ', '--period', '3y']),
    );
    const fetchOne = file('fetch-one.yaml', 'command: fetch\nsymbol: SPY\noutput: spy.csv\nperiod: 1y\n');
    const folder = json(
      runCli(['fetch', '--config', fetchOne, '--symbols', 'SPY,QQQ', '--data-dir', 'market'], {
        cwd: dir,
        env,
      }),
    );
    expect((folder['symbols'] as { symbol: string }[]).map((each) => each.symbol)).toEqual(['SPY', 'QQQ']);
    expect(existsSync(join(dir, 'spy.csv'))).toBe(false);
  });

  it('reads YAML merge keys, and still refuses an alias bomb', () => {
    const merged = file(
      'merged.yaml',
      [
        'x-base: &base',
        '  symbol: SPY',
        '  period: 2y',
        '  strategy: momentum',
        'params: { lookback: 30 }',
        '<<: *base',
        'long_only: true',
        '',
      ].join('\n'),
    );
    expect(backtest(['--config', merged])).toEqual(
      backtest([
        '--symbol',
        'SPY',
        '--period',
        '2y',
        '--strategy',
        'momentum',
        '--param',
        'lookback=30',
        '--long-only',
      ]),
    );
    const bomb = file(
      'bomb.yaml',
      ['x-a: &a [x, x, x, x, x, x, x, x, x]']
        .concat(
          ['b', 'c', 'd', 'e', 'f'].map(
            (name, i) => `x-${name}: &${name} [${new Array(9).fill(`*${'abcde'[i]}`).join(', ')}]`,
          ),
        )
        .join('\n'),
    );
    const refused = runCli(['backtest', '--config', bomb], { cwd: dir, env });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      `error: --config must be JSON or YAML: ${bomb}: Excessive alias count indicates a resource exhaustion attack\n`,
    );
  });

  it.each([
    [
      'data-dir and data_dir',
      'data-dir: a\ndata_dir: b\n',
      '--config data-dir and data_dir name the same flag (--data-dir): give one',
    ],
    [
      'param and params',
      'params: { fast: 5 }\nparam: { slow: 9 }\n',
      '--config params and param both give strategy parameters: give one',
    ],
  ])('refuses %s in one file, naming both keys, exit 2', (_label, text, message) => {
    const run = runCli(['backtest', '--config', file('twice.yaml', `symbol: SPY\n${text}`)], {
      cwd: dir,
      env,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`error: config file: ${message}\n`);
  });
});

describe('aetherquant --config never reads a secret from the file', () => {
  const dir = scratchDir();
  it.each([
    ['backtest', 'api-key: aq_live_0123456789abcdef'],
    ['backtest', 'api_key_file: key.txt'],
    ['backtest', 'database-url: postgresql://aq:pw@db/aq'],
    ['backtest', 'database_url_file: url.txt'],
    ['papertrade', 'broker-token: secret'],
    ['papertrade', 'broker_token_file: token.txt'],
    // Even one the command has no flag for: the file is wrong to hold it.
    ['fetch', 'admin-key: aq_admin_0123456789abcdef0123456789'],
  ])('%s refuses %s, naming the key, before anything runs (exit 2)', (command, line) => {
    const path = join(dir, 'secret.yaml');
    writeFileSync(path, `symbol: SPY\n${line}\n`);
    const run = runCli([command, '--config', path], { cwd: dir, env });
    const key = line.slice(0, line.indexOf(':'));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `error: config file: --config ${key} cannot be given in a config file: a secret never goes in one (a run spec holds none); use the environment or the flag\n`,
    );
    expect(run.stdout).toBe('');
  });
});

describe('aetherquant --config reads only a small regular file', () => {
  const dir = scratchDir();
  const refused = (path: string) => {
    const started = Date.now();
    const run = runCli(['backtest', '--config', path], { cwd: dir, env });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(run.status).toBe(2);
    return run.stderr;
  };

  it('refuses a device, a folder and a FIFO at once, without reading them', () => {
    expect(refused('/dev/zero')).toBe(
      'error: --config must name a regular file: /dev/zero is not a regular file\n',
    );
    expect(refused(dir)).toBe(`error: --config must name a regular file: ${dir} is a folder\n`);
    const fifo = join(dir, 'run.fifo');
    if (spawnSync('mkfifo', [fifo]).status === 0) {
      expect(refused(fifo)).toBe(`error: --config must name a regular file: ${fifo} is not a regular file\n`);
    }
  });

  it('refuses a file over 1 MB before reading it (a 200 MB one at once), and reads one of 1 MB', () => {
    const huge = join(dir, 'huge.yaml');
    writeFileSync(huge, '');
    truncateSync(huge, 200 * 1024 * 1024); // sparse: no 200 MB written
    expect(refused(huge)).toBe(
      `error: --config must name a file of at most 1 MB: ${huge} has ${200 * 1024 * 1024} bytes\n`,
    );
    const justOver = join(dir, 'over.yaml');
    writeFileSync(justOver, `symbol: SPY\n#${'x'.repeat(1024 * 1024)}\n`);
    expect(refused(justOver)).toMatch(
      /^error: --config must name a file of at most 1 MB: .*over\.yaml has \d+ bytes\n$/,
    );
    const atLimit = join(dir, 'limit.yaml');
    const head = 'symbol: SPY\nperiod: 1y\n#';
    writeFileSync(atLimit, `${head}${'x'.repeat(1024 * 1024 - head.length - 1)}\n`);
    expect(runCli(['backtest', '--config', atLimit], { cwd: dir, env }).status).toBe(0);
  });
});

describe("aetherquant --config: relative paths are relative to the file's folder", () => {
  it('reruns a spec kept next to its strategy, data and settings from any working directory', () => {
    const home = scratchDir();
    const specs = join(home, 'specs');
    expect(runCli(['strategy', 'new', 'mine', '--dir', specs], { cwd: home, env }).status).toBe(0);
    const fetched = runCli(
      ['fetch', '--symbols', 'SPY', '--period', '3y', '--data-dir', join(specs, 'data')],
      { cwd: home, env },
    );
    expect(fetched.status).toBe(0);
    writeFileSync(join(specs, 'settings.env'), 'AETHERQ_INITIAL_CASH=1000\n');
    writeFileSync(
      join(specs, 'run.yaml'),
      [
        'command: backtest',
        'symbol: SPY',
        'period: 2y',
        'provider: csv',
        'data_dir: data',
        'strategy_file: mine.strategy.ts',
        'dotenv: settings.env',
        '',
      ].join('\n'),
    );
    const elsewhere = scratchDir();
    const fromElsewhere = json(
      runCli(['backtest', '--config', join(specs, 'run.yaml')], { cwd: elsewhere, env }),
    );
    const inPlace = json(
      runCli(
        [
          'backtest',
          '--symbol',
          'SPY',
          '--period',
          '2y',
          '--provider',
          'csv',
          '--data-dir',
          'data',
          '--strategy-file',
          'mine.strategy.ts',
          '--dotenv',
          'settings.env',
        ],
        { cwd: specs, env },
      ),
    );
    expect(fromElsewhere).toEqual(inPlace);
    expect(fromElsewhere).toMatchObject({ strategy: 'mine', provider: 'csv' });
    expect(fromElsewhere['final_equity'] as number).toBeLessThan(5_000); // settings.env's cash

    // A --config path relative to the working directory, too; and fetch's --output next to the file.
    expect(
      json(runCli(['backtest', '--config', '../run.yaml'], { cwd: join(home, 'specs/data'), env })),
    ).toEqual(inPlace);
    writeFileSync(
      join(specs, 'fetch.yaml'),
      'command: fetch\nsymbol: SPY\nperiod: 1y\noutput: out/spy.csv\n',
    );
    expect(runCli(['fetch', '--config', join(specs, 'fetch.yaml')], { cwd: elsewhere, env }).status).toBe(0);
    expect(existsSync(join(specs, 'out/spy.csv'))).toBe(true);
    expect(existsSync(join(elsewhere, 'out'))).toBe(false);

    // A command-line --strategy-file (relative to the working directory) over the file's, another strategy:
    // the file's parameters for its own strategy are dropped with it.
    expect(runCli(['strategy', 'new', 'other', '--dir', elsewhere], { cwd: home, env }).status).toBe(0);
    writeFileSync(
      join(specs, 'tuned.yaml'),
      'symbol: SPY\nperiod: 2y\nstrategy_file: mine.strategy.ts\nstrategy: mine\nparams: { trend: 20 }\n',
    );
    expect(
      json(
        runCli(['backtest', '--config', join(specs, 'tuned.yaml'), '--strategy-file', 'other.strategy.ts'], {
          cwd: elsewhere,
          env,
        }),
      ),
    ).toMatchObject({ strategy: 'other', params: { trend: 50, period: 14, overbought: 70 } });
    // The same file named from elsewhere keeps them.
    expect(
      json(
        runCli(
          [
            'backtest',
            '--config',
            join(specs, 'tuned.yaml'),
            '--strategy-file',
            join(specs, 'mine.strategy.ts'),
          ],
          {
            cwd: elsewhere,
            env,
          },
        ),
      ),
    ).toMatchObject({ strategy: 'mine', params: { trend: 20 } });
  });
});

describe('aetherquant strategy new refuses what would not work, naming it', () => {
  const dir = scratchDir();
  const refused = (args: string[]) => {
    const run = runCli(['strategy', 'new', ...args], { cwd: dir, env });
    expect(run.status).toBe(2);
    return run.stderr;
  };

  it.each(['ma-cross', 'momentum', 'top-momentum'])('refuses the name of the built-in %s', (name) => {
    expect(refused([name])).toBe(
      `error: NAME is taken by a built-in strategy (${name}): a run could not name yours; choose another, such as my-${name}\n`,
    );
    expect(existsSync(join(dir, `${name}.strategy.ts`))).toBe(false);
  });

  it('refuses a name over 64 characters, and takes one of 64', () => {
    expect(refused(['a'.repeat(65)])).toBe('error: NAME must be at most 64 characters (got 65)\n');
    expect(runCli(['strategy', 'new', 'a'.repeat(64), '--dir', 'ok'], { cwd: dir, env }).status).toBe(0);
  });

  it('names --dir when the file system refuses it (exit 2, not an unexpected failure)', () => {
    const aFile = join(dir, 'a-file');
    writeFileSync(aFile, 'not a folder');
    expect(refused(['trend', '--dir', aFile])).toBe(
      `error: --dir is a file, not a folder: ${aFile} (EEXIST)\n`,
    );
    expect(refused(['trend', '--dir', join(aFile, 'below')])).toBe(
      `error: --dir is inside a file, not a folder: ${join(aFile, 'below')} (ENOTDIR)\n`,
    );
    expect(refused(['trend', '--dir', 'x'.repeat(300)])).toMatch(
      /^error: --dir is too long a path: .* \(ENAMETOOLONG\)\n$/,
    );
    if (process.getuid?.() !== 0) {
      const locked = join(dir, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o500);
      expect(refused(['trend', '--dir', locked])).toMatch(
        /^error: --dir cannot be written: permission denied: .*locked \(.*\) \(EACCES\)\n$/,
      );
    }
  });

  it('says in the README line and the spec how to run the spec outside this repository', () => {
    const made = runCli(['strategy', 'new', 'trend-rsi', '--dir', 'own'], { cwd: dir, env });
    expect(made.status).toBe(0);
    const install = 'npm i -D @aetherquant/strategies @aetherquant/indicators @aetherquant/core jiti';
    expect(readFileSync(join(dir, 'own/README.md'), 'utf8')).toContain(
      `its spec: \`${install}\` (once, outside the AetherQuant repository), then \`npx jiti trend-rsi.strategy.spec.ts\`.\n`,
    );
    expect(readFileSync(join(dir, 'own/trend-rsi.strategy.spec.ts'), 'utf8')).toMatch(
      new RegExp(`^// .*\\n// .*\\n//   ${install}\\n//   npx jiti trend-rsi\\.strategy\\.spec\\.ts\\n`),
    );
  });
});
