import { runCli, scratchDir } from './run-cli';
import { runInTerminal } from './run-in-terminal';

// Figures are never written into these tests: the synthetic data may be recalibrated. Each expectation is
// computed from the JSON of the same command, formatted here as a person reads it (en-US, a space before %).
const percent = (ratio: number) =>
  `${new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'negative' }).format(ratio).replace('%', '')} %`;
const money = (value: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', signDisplay: 'negative' }).format(
    value,
  );
const decimal = (value: number) =>
  new Intl.NumberFormat('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: 'negative',
  }).format(value);
/** The escape that starts a colour sequence. */
const ESC = String.fromCharCode(27);
/** The JSON of a report, read back from the binary. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shape of report, checked by the assertions
type Json = Record<string, any>;
/** `text` as a regular expression that matches it literally. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const offline = { AETHERQ_CACHE_DIR: 'none' };
const noColor = { ...offline, NO_COLOR: '1' };
const WINDOW = ['--provider', 'synthetic', '--start', '2016-01-04', '--end', '2021-12-31'];

/** The JSON a script gets from the same command (piped, --json). */
function reportOf(args: string[], cwd = scratchDir()): Json {
  const run = runCli([...args, '--json'], { cwd, env: offline });
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}

describe('aetherquant on a terminal (built binary, pseudo-terminal)', () => {
  it('prints a backtest as a summary: strategy against its benchmark side by side, then the metrics', () => {
    const args = ['backtest', '--symbol', 'SPY', ...WINDOW, '--database-url', 'none'];
    const report = reportOf(args);
    const run = runInTerminal(args, { env: noColor });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(() => JSON.parse(run.stdout)).toThrow(); // a person's rendering, not JSON
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Backtest  SPY · ma-cross fast=${report.params.fast} slow=${report.params.slow}`);
    expect(lines[1]).toMatch(
      new RegExp(`^${report.first} → ${report.last} · ${report.rows.toLocaleString('en-US')} bars`),
    );

    const header = lines.findIndex((line) => /^\s+Strategy {2}Buy & hold/.test(line));
    expect(header).toBeGreaterThan(0);
    const rows: [string, string, string][] = [
      ['Annual return', percent(report.annual_return), percent(report.benchmark_annual_return)],
      ['Max drawdown', percent(report.max_drawdown), percent(report.benchmark_max_drawdown)],
      ['Sharpe', decimal(report.sharpe), decimal(report.benchmark_sharpe)],
      ['Final equity', money(report.final_equity), money(report.benchmark_final_equity)],
    ];
    rows.forEach(([label, strategy, benchmark], index) => {
      expect(lines[header + 2 + index]).toMatch(
        new RegExp(`^${literal(label)} +${literal(strategy)} +${literal(benchmark)}$`),
      );
    });
    // Aligned: each column's figures end in the same place, under its header.
    const table = lines.slice(header, header + 6);
    expect(new Set(table.map((line) => line.length)).size).toBe(1);
    const excess = report.excess_annual_return;
    expect(lines[header + 6]).toMatch(
      new RegExp(`^Excess annual return +${literal(`${excess > 0 ? '+' : ''}${percent(excess)}`)}$`),
    );
    expect(run.stdout).toMatch(new RegExp(`Volatility +${literal(percent(report.metrics.volatility))}`));
    expect(run.stdout).toMatch(new RegExp(`Trades +${report.trades}\\b`));
    expect(run.stdout).toMatch(/\$\d{1,3}(,\d{3})+\.\d{2}/); // money with thousands separators
  });

  it('prints the best combinations of a sweep as a ranked table, and fits a narrow terminal', () => {
    const args = [
      'sweep',
      '--symbol',
      'SPY',
      ...WINDOW,
      '--fast',
      '5:20:5',
      '--slow',
      '30:60:10',
      '--top',
      '5',
    ];
    const cwd = scratchDir();
    const report = reportOf(args, cwd);
    const run = runInTerminal(args, { cwd, env: noColor });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(''); // standard error is a file here: no progress bar
    const lines = run.stdout.trimEnd().split('\n');
    const header = lines.findIndex((line) => line.startsWith('#'));
    expect(lines[header]).toMatch(
      /^# +fast +slow +Sharpe +Annual return +Max drawdown +Final equity +Total return +Sortino +Calmar +Trades$/,
    );
    expect(lines[header + 1]).toMatch(/^─ +─+/);
    report.results.forEach((entry: Json, index: number) => {
      expect(lines[header + 2 + index]).toMatch(
        new RegExp(
          `^${index + 1} +${entry.params.fast} +${entry.params.slow} +${literal(decimal(entry.sharpe))} +${literal(percent(entry.annual_return))} +${literal(percent(entry.max_drawdown))} +${literal(money(entry.final_equity))} `,
        ),
      );
    });
    const rowLengths = lines.slice(header, header + 2 + report.results.length).map((line) => line.length);
    expect(new Set(rowLengths).size).toBe(1);
    expect(run.stdout).toContain(
      `${report.combinations} combinations: ${report.evaluated} evaluated, ${report.skipped} skipped`,
    );

    const narrow = runInTerminal(args, { cwd, env: noColor, columns: 70 });
    expect(narrow.status).toBe(0);
    for (const line of narrow.stdout.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(70);
    expect(narrow.stdout.replace(/\n/g, ' ')).toMatch(
      /\(not shown, the terminal is too narrow: .*Sortino.*; widen it, or use --json\)/,
    );
    expect(narrow.stdout).toMatch(/^# +fast +slow +Sharpe/m); // the figure ranked by always stays
  });

  it('lists recorded runs as a table; a pipe and --json get the same one JSON line', () => {
    const cwd = scratchDir();
    for (const symbol of ['SPY', 'QQQ']) {
      expect(runCli(['backtest', symbol, ...WINDOW], { cwd, env: offline }).status).toBe(0);
    }
    const piped = runCli(['db', 'runs'], { cwd, env: offline });
    const json = runCli(['db', 'runs', '--json'], { cwd, env: offline });
    expect(piped.status).toBe(0);
    expect(json.stdout).toBe(piped.stdout);
    expect(piped.stdout).toBe(`${JSON.stringify(JSON.parse(piped.stdout))}\n`); // one line, as always
    const { runs } = JSON.parse(piped.stdout) as { runs: Json[] };

    const table = runInTerminal(['db', 'runs'], { cwd, env: noColor, columns: 200 });
    expect(table.status).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^Run +Recorded \(UTC\) +Type +Symbols +Strategy +Window +Final equity +Orders +Took$/,
    );
    runs.forEach((run, index) => {
      expect(lines[2 + index]).toMatch(
        new RegExp(
          `^${run.id} +\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} +backtest +${run.symbols[0]} +ma-cross +2016-01-04 → 2021-12-31 +${literal(money(run.final_equity))} +\\d+ +\\d`,
        ),
      );
    });
    expect(table.stdout).toContain(
      `2 runs, newest first\nOlder: aetherquant db runs --before ${runs[1]?.id}`,
    );
  });

  it("prints a portfolio's weights, an optimisation's weights and a paper trade's orders as tables", () => {
    const cwd = scratchDir();
    const optimize = ['optimize', 'SPY,QQQ,TLT', ...WINDOW, '--database-url', 'none'];
    const weights = reportOf(optimize, cwd);
    const optimized = runInTerminal(optimize, { cwd, env: noColor });
    expect(optimized.status).toBe(0);
    expect(optimized.stdout).toMatch(/^Symbol +Weight +Risk share$/m);
    for (const symbol of ['SPY', 'QQQ', 'TLT']) {
      expect(optimized.stdout).toMatch(
        new RegExp(
          `^${symbol} +${literal(percent(weights.weights[symbol]))} +${literal(percent(weights.risk_contributions[symbol]))} +█`,
          'm',
        ),
      );
    }

    const paper = ['papertrade', 'SPY', ...WINDOW, '--database-url', 'none'];
    const trades = reportOf(paper, cwd);
    const traded = runInTerminal(paper, { cwd, env: noColor });
    expect(traded.status).toBe(0);
    expect(traded.stdout).toMatch(new RegExp(`^Final equity +${literal(money(trades.final_equity))}$`, 'm'));
    expect(traded.stdout).toMatch(/^Time +Side +Quantity +Fill price +Commission +Status$/m);
    const [first] = trades.orders;
    expect(traded.stdout).toMatch(
      new RegExp(
        `^${first.time} +${first.side} +${first.quantity.toLocaleString('en-US')} +${literal(money(first.fill_price))} `,
        'm',
      ),
    );
  });

  it('prints the signal, the settings and the strategies for a person, and the same words for a script', () => {
    const signal = runInTerminal(['signal', '--latest-return', '-0.02'], { env: noColor });
    expect(signal.stdout).toBe(
      'Signal         sell\nLatest return  -2.00 %\nHold band      -1.00 % to 1.00 % (edges included)\n',
    );
    expect(runCli(['signal', '--latest-return', '-0.02']).stdout).toBe('sell\n');

    const settings = runInTerminal(['settings'], { env: { ...noColor, AETHERQ_DEFAULT_SYMBOL: 'TLT' } });
    expect(settings.stdout).toMatch(/^Setting +Value$/m);
    expect(settings.stdout).toMatch(/^defaultSymbol +TLT$/m);
    expect(settings.stdout).toMatch(/^api\.port +8000$/m);

    const strategies = runInTerminal(['strategy', 'list'], { env: noColor, columns: 160 });
    expect(strategies.stdout).toMatch(
      /^Strategy +Kind +Source +Parameters: default \[range\] +Description$/m,
    );
    expect(strategies.stdout).toMatch(
      /^ma-cross +single-asset +built-in +fast=20 \[1\.\.10000\] slow=50 \[2\.\.10000\] +Moving-average/m,
    );
  });

  it('colours gains green and losses red only where colour is wanted, the sign always written', () => {
    const args = ['backtest', 'SPY', ...WINDOW, '--database-url', 'none'];
    const coloured = runInTerminal(args, { env: { ...offline, FORCE_COLOR: '1' } });
    const inColour = (code: number) =>
      [...coloured.stdout.matchAll(new RegExp(`${ESC}\\[${code}m([^${ESC}]*)${ESC}\\[39m`, 'g'))].map(
        (match) => match[1] as string,
      );
    // A drawdown is a loss: there is red, and everything red still says "-"; nothing green does.
    expect(inColour(31).length).toBeGreaterThan(0);
    for (const text of inColour(31)) expect(text).toMatch(/^-/);
    for (const text of inColour(32)) expect(text).toMatch(/^\+?\d/);
    const plain = runInTerminal(args, { env: { ...offline, NO_COLOR: '1' } });
    expect(plain.stdout).not.toContain(ESC);
    // The same text, colour left out.
    expect(plain.stdout).toBe(coloured.stdout.replace(new RegExp(`${ESC}\\[\\d+m`, 'g'), ''));
  });
});
