import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, scratchDir } from './run-cli';

const offline = { AETHERQ_CACHE_DIR: 'none' };
const WINDOW = [
  '--provider',
  'synthetic',
  '--start',
  '2016-01-04',
  '--end',
  '2021-12-31',
  '--database-url',
  'none',
];

/** Runs `args` piped, without and with --json, in one folder. */
function bothWays(args: string[], cwd = scratchDir()) {
  const piped = runCli(args, { cwd, env: offline });
  const json = runCli([...args, '--json'], { cwd, env: offline });
  expect(piped.status).toBe(0);
  expect(json.status).toBe(0);
  return { piped: piped.stdout, json: json.stdout };
}

/** One line on standard error, nothing on standard output, exit 2. */
function expectUsageError(args: string[], message: string, cwd?: string): void {
  const run = runCli(args, { cwd, env: offline });
  expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
    status: 2,
    stdout: '',
    stderr: `error: ${message}\n`,
  });
}

describe('aetherquant output for scripts (built binary, piped)', () => {
  it.each([
    ['backtest', ['backtest', '--symbol', 'SPY', ...WINDOW]],
    [
      'a portfolio backtest',
      ['backtest', '--symbols', 'SPY,QQQ,TLT', ...WINDOW, '--allocation', 'risk-parity'],
    ],
    ['a sweep', ['sweep', '--symbol', 'SPY', ...WINDOW, '--fast', '5,10', '--slow', '30,50', '--top', '3']],
    [
      'a walk-forward',
      [
        'walk-forward',
        '--symbol',
        'SPY',
        ...WINDOW,
        '--fast',
        '5,10',
        '--slow',
        '30,50',
        '--train',
        '2y',
        '--test',
        '1y',
      ],
    ],
    ['optimize', ['optimize', '--symbols', 'SPY,QQQ,TLT', ...WINDOW]],
    ['papertrade', ['papertrade', '--symbol', 'SPY', ...WINDOW]],
    ['settings', ['settings']],
  ])('prints %s as indented JSON, and --json prints the very same bytes', (_, args) => {
    const { piped, json } = bothWays(args);
    expect(json).toBe(piped);
    expect(piped).toBe(`${JSON.stringify(JSON.parse(piped), null, 2)}\n`);
  });

  it('prints the database commands and fetch on one JSON line, with or without --json', () => {
    const cwd = scratchDir();
    expect(bothWays(['db', 'init'], cwd)).toEqual({ piped: '{"status":"ok"}\n', json: '{"status":"ok"}\n' });
    expect(runCli(['backtest', 'SPY', ...WINDOW.slice(0, -2)], { cwd, env: offline }).status).toBe(0);
    for (const args of [
      ['db', 'runs'],
      ['db', 'audit'],
      ['fetch', 'SPY', ...WINDOW.slice(0, -2), '--output', 'spy.csv'],
    ]) {
      const { piped, json } = bothWays(args, cwd);
      expect(json).toBe(piped);
      expect(piped).toBe(`${JSON.stringify(JSON.parse(piped))}\n`);
    }
  });

  it('keeps the commands that print words printing words, and their JSON behind --json', () => {
    const { piped, json } = bothWays(['signal', '--latest-return', '0.02']);
    expect(piped).toBe('buy\n');
    expect(JSON.parse(json)).toEqual({ signal: 'buy', latest_return: 0.02, threshold: 0.01 });
  });
});

describe('aetherquant typos (built binary)', () => {
  it('suggests the command a typo meant, exit 2', () => {
    expectUsageError(
      ['bactest', '--symbol', 'SPY'],
      'command "bactest" not found — did you mean "backtest"?',
    );
    expectUsageError(['sweeep'], 'command "sweeep" not found — did you mean "sweep"?');
    expectUsageError(['db', 'run'], 'command "db run" not found — did you mean "db runs"?');
    expectUsageError(['bactest', 'SPY'], 'command "bactest" not found — did you mean "backtest"?');
    expectUsageError(
      ['portfolio'],
      'command "portfolio" not found — see `aetherquant --help` for the commands',
    );
  });

  it('suggests the flag a typo meant, exit 2', () => {
    expectUsageError(['backtest', '--symbl', 'SPY'], 'Nonexistent flag: --symbl — did you mean --symbol?');
    expectUsageError(
      ['optimize', '--symbol', 'SPY,QQQ'],
      'Nonexistent flag: --symbol — did you mean --symbols?',
    );
    expectUsageError(['sweep', '--fsat', '5'], 'Nonexistent flag: --fsat — did you mean --fast?');
  });

  it('answers a typo with the JSON error under --json, as every failure', () => {
    for (const [args, message] of [
      [['backtest', '--symbl', 'SPY', '--json'], 'Nonexistent flag: --symbl — did you mean --symbol?'],
      [['bactest', '--json'], 'command "bactest" not found — did you mean "backtest"?'],
    ] as const) {
      const run = runCli([...args], { env: offline });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(
        `${JSON.stringify({ error: { code: 'INVALID_ARGUMENT', message } }, null, 2)}\n`,
      );
    }
  });

  it('says every usage error on one line with what to do', () => {
    expectUsageError(['signal'], 'Missing required flag latest-return — see `aetherquant signal --help`');
    expectUsageError(
      ['papertrade', '--broker', 'pape'],
      'Expected --broker=pape to be one of: paper, live — did you mean paper?',
    );
    expectUsageError(
      ['backtest', '--symbol'],
      'Flag --symbol expects a value — see `aetherquant backtest --help`',
    );
    expectUsageError(
      ['strategy', 'check'],
      'Missing required argument PATH, the strategy file (.ts, .mts, .cts, .js, .mjs or .cjs) — see `aetherquant strategy check --help`',
    );
  });
});

describe('aetherquant symbol as first argument (built binary)', () => {
  it('reads `backtest SPY` as --symbol SPY, and `backtest SPY,QQQ` as --symbols', () => {
    const cwd = scratchDir();
    const json = (args: string[]) => runCli([...args, ...WINDOW, '--json'], { cwd, env: offline }).stdout;
    const single = json(['backtest', 'SPY']);
    expect(JSON.parse(single)).toMatchObject({ symbol: 'SPY' });
    expect(single).toBe(json(['backtest', '--symbol', 'SPY']));
    expect(json(['backtest', 'spy', '--symbol', 'SPY'])).toBe(single); // the same symbol both ways is no conflict
    const portfolio = json(['backtest', 'SPY,QQQ']);
    expect(JSON.parse(portfolio)).toMatchObject({ symbols: ['SPY', 'QQQ'] });
    expect(portfolio).toBe(json(['backtest', '--symbols', 'SPY,QQQ']));
  });

  it('does the same for the other commands that take a symbol', () => {
    const cwd = scratchDir();
    const same = (positional: string[], flagged: string[]) => {
      const a = runCli([...positional, '--json'], { cwd, env: offline });
      const b = runCli([...flagged, '--json'], { cwd, env: offline });
      expect(a.status).toBe(0);
      expect(a.stdout).toBe(b.stdout);
    };
    const grid = ['--fast', '5,10', '--slow', '30', '--top', '2'];
    same(['sweep', 'QQQ', ...WINDOW, ...grid], ['sweep', ...WINDOW, '--symbol', 'QQQ', ...grid]);
    same(['optimize', 'SPY,QQQ,TLT', ...WINDOW], ['optimize', ...WINDOW, '--symbols', 'SPY,QQQ,TLT']);
    same(['papertrade', 'TLT', ...WINDOW], ['papertrade', '--symbol', 'TLT', ...WINDOW]);
    const windows = ['--train', '2y', '--test', '1y'];
    same(
      ['walk-forward', 'IEF', ...WINDOW, ...grid.slice(0, 4), ...windows],
      ['walk-forward', '--symbol', 'IEF', ...WINDOW, ...grid.slice(0, 4), ...windows],
    );
    same(
      ['fetch', 'GLD', ...WINDOW.slice(0, -2), '--output', '-'],
      ['fetch', '--symbol', 'GLD', ...WINDOW.slice(0, -2), '--output', '-'],
    );
  });

  it('never takes the symbol from standard input (a piped key or request is not a symbol)', () => {
    const run = runCli(['backtest', ...WINDOW, '--json'], { env: offline, input: 'QQQ\n' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ symbol: 'SPY' }); // the default symbol
  });

  it("wins over a config file's symbols, as the flag does", () => {
    const cwd = scratchDir();
    writeFileSync(
      join(cwd, 'run.yaml'),
      'symbols: [SPY, QQQ]\nprovider: synthetic\nstart: 2016-01-04\nend: 2021-12-31\n',
    );
    const run = runCli(['backtest', 'TLT', '--config', 'run.yaml', '--database-url', 'none'], {
      cwd,
      env: offline,
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ symbol: 'TLT', first: '2016-01-04' });
  });

  it('refuses an argument that contradicts the flags, naming both', () => {
    expectUsageError(
      ['backtest', 'SPY', '--symbol', 'QQQ'],
      'SYMBOL SPY conflicts with --symbol QQQ — give the symbol once: as the first argument or as --symbol',
    );
    expectUsageError(
      ['backtest', 'SPY,QQQ', '--symbol', 'SPY'],
      'SYMBOL SPY,QQQ conflicts with --symbol SPY — give the symbols once: as the first argument or as --symbols',
    );
    expectUsageError(
      ['sweep', 'SPY,QQQ'],
      'SYMBOL must be one symbol for sweep (got SPY,QQQ) — sweep takes the symbol as --symbol SPY or as its first argument',
    );
  });

  it('explains where an argument makes no sense', () => {
    expectUsageError(
      ['backtest', 'SPY', 'QQQ'],
      'Unexpected argument: QQQ — backtest takes the symbol as --symbol SPY or as its first argument (several as --symbols SPY,QQQ or SPY,QQQ)',
    );
    expectUsageError(
      ['signal', 'SPY'],
      'Unexpected argument: SPY — signal takes no arguments, only flags (see `aetherquant signal --help`)',
    );
    expectUsageError(
      ['db', 'runs', 'SPY'],
      'Unexpected argument: SPY — db runs takes the symbol as --symbol SPY, not as an argument',
    );
  });
});
