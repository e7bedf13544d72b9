import {
  auditReportSchema,
  backtestReportSchema,
  fetchFolderSummarySchema,
  fetchSummarySchema,
  jobReportSchema,
  liveTradeReportSchema,
  optimizeReportSchema,
  papertradeReportSchema,
  portfolioBacktestReportSchema,
  runsReportSchema,
  signalResultSchema,
  sweepReportSchema,
  walkForwardReportSchema,
  type BacktestReport,
  type SweepReport,
} from '@aetherquant/core';
import { type z } from 'zod';
import { renderedText } from './output-mode';
import { REPORT_RENDERERS, type ReportKind } from './report-renderers';
import { PLAIN_STYLE, type Terminal, visibleWidth } from './terminal';

const WIDTH = 100;
const terminal: Terminal = { width: WIDTH, style: PLAIN_STYLE };

/** The example the catalog's response schema documents (the OpenAPI document shows the same). */
function exampleOf<Schema extends z.ZodType>(schema: Schema): z.output<Schema> {
  const [example] = (schema.meta()?.['examples'] ?? []) as z.output<Schema>[];
  if (example === undefined) throw new Error('the schema has no example');
  return example;
}

/** Every kind a use case's report is printed as, with the schema of that report. */
const USE_CASE_REPORTS: [ReportKind, z.ZodType][] = [
  ['backtest', backtestReportSchema],
  ['portfolioBacktest', portfolioBacktestReportSchema],
  ['sweep', sweepReportSchema],
  ['walkForward', walkForwardReportSchema],
  ['optimize', optimizeReportSchema],
  ['papertrade', papertradeReportSchema],
  ['liveTrade', liveTradeReportSchema],
  ['signal', signalResultSchema],
  ['fetch', fetchSummarySchema],
  ['fetchFolder', fetchFolderSummarySchema],
  ['runs', runsReportSchema],
  ['audit', auditReportSchema],
  ['job', jobReportSchema],
];

const human = (kind: ReportKind, view: unknown) =>
  renderedText(kind, view as never, 'human', () => terminal) as string;

describe('the report renderers', () => {
  it.each(USE_CASE_REPORTS)(
    'print the example %s report on a 100-column terminal, no line wider',
    (kind, schema) => {
      const text = human(kind, exampleOf(schema));
      expect(text.trim()).not.toBe('');
      for (const line of text.split('\n')) expect(visibleWidth(line)).toBeLessThanOrEqual(WIDTH);
    },
  );

  it('print JSON for scripts exactly as the commands always have, and nothing with --json', () => {
    const report = exampleOf(backtestReportSchema);
    expect(renderedText('backtest', report, 'script')).toBe(JSON.stringify(report, null, 2));
    const runs = exampleOf(runsReportSchema);
    expect(renderedText('runs', runs, 'script')).toBe(JSON.stringify(runs));
    expect(renderedText('signal', exampleOf(signalResultSchema), 'script')).toBe('buy');
    expect(renderedText('backtest', report, 'json')).toBeUndefined();
  });

  it('give every kind a renderer', () => {
    for (const [kind] of USE_CASE_REPORTS) expect(REPORT_RENDERERS[kind]).toBeDefined();
  });
});

describe('a backtest on a terminal', () => {
  // The catalog's example: annual return 0.101082 against 0.255893, max drawdown -0.111965 against
  // -0.084056, Sharpe 0.864903 against 1.882411, final equity 110108.21 against 125589.3, excess -0.154811.
  const report: BacktestReport = exampleOf(backtestReportSchema);
  const lines = human('backtest', report).split('\n');

  it('starts with what was run, on which bars', () => {
    expect(lines[0]).toBe('Backtest  SPY · ma-cross fast=10 slow=30');
    expect(lines[1]).toBe('2024-01-02 → 2024-12-31 · 252 bars · 29 warm-up bars before · csv data');
  });

  it('puts the strategy and its benchmark side by side, as percentages, ratios and money, aligned', () => {
    const headline = lines.slice(3, 10);
    expect(headline[0]).toMatch(/^\s+Strategy {2}Buy & hold( SPY)?$/);
    expect(headline[1]).toMatch(/^ {22}─+ {2}─+$/); // no rule over the labels, which have no header
    expect(headline[2]).toMatch(/^Annual return +10\.11 % +25\.59 %$/);
    expect(headline[3]).toMatch(/^Max drawdown +-11\.20 % +-8\.41 %$/);
    expect(headline[4]).toMatch(/^Sharpe +0\.86 +1\.88$/);
    expect(headline[5]).toMatch(/^Final equity +\$110,108\.21 +\$125,589\.30$/);
    expect(headline[6]).toMatch(/^Excess annual return +-15\.48 %$/);
    // Right-aligned: the four rows of both sides end in the same column.
    expect(new Set(headline.slice(2, 6).map((line) => line.length)).size).toBe(1);
  });

  it('then the other metrics, two a line, with the trades', () => {
    const text = lines.join('\n');
    expect(text).toMatch(/Total return +10\.11 % +Volatility +12\.01 %/);
    expect(text).toMatch(/Longest drawdown +84 bars/);
    expect(text).toMatch(/Trades +6/);
    expect(text).toContain('Run 0193a1c4-7e21-7000-88aa-1eddc98f20a9');
  });

  it('shows a figure that is not there as —, and the warnings', () => {
    const text = human('backtest', {
      ...report,
      sharpe: null,
      metrics: { ...report.metrics, profit_factor: null },
      warnings: ['not recorded: the database is down'],
    });
    expect(text).toMatch(/^Sharpe +— +1\.88$/m);
    expect(text).toMatch(/Profit factor +—/);
    expect(text).toMatch(/^warning: not recorded: the database is down$/m);
  });
});

describe('a sweep on a terminal', () => {
  const report: SweepReport = exampleOf(sweepReportSchema);

  it('ranks the combinations in a table, parameters first, best first', () => {
    const lines = human('sweep', report).split('\n');
    const header = lines.findIndex((line) => line.startsWith('#'));
    expect(lines[header]).toMatch(/^# +fast +slow +Sharpe +Annual return +Max drawdown +Final equity/);
    expect(lines[header + 2]).toMatch(/^1 +10 +100 +1\.19 +12\.49 % +-8\.41 % +\$112,493\.44/);
    expect(lines[header + 3]).toMatch(/^2 +10 +50 +0\.83 +8\.97 % +-10\.24 % +\$108,971\.20/);
    expect(lines.join('\n')).toContain('4 combinations: 4 evaluated, 0 skipped');
  });

  it('leaves the least needed columns out on a narrow terminal, never the figure ranked by', () => {
    const narrow = renderedText('sweep', { ...report, rank_by: 'calmar' }, 'human', () => ({
      width: 70,
      style: PLAIN_STYLE,
    })) as string;
    expect(narrow).toMatch(/Calmar/);
    expect(narrow).toMatch(/not shown, the terminal is too narrow: .*Sortino/);
  });
});
