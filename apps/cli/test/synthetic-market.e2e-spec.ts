import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, WORKSPACE_ROOT } from './run-cli';

// The README's example of the generated market, run with the built binary: its figures are what the command
// prints today, and they are those of a broad index (a drift of 7–10 % a year, a volatility of 15–20 %).

const README = readFileSync(join(WORKSPACE_ROOT, 'README.md'), 'utf8');
const COMMAND =
  'backtest SPY --provider synthetic --start 1995-01-01 --end 2024-12-31 --strategy buy-and-hold';

/** The README's figure of `label` in the example's output (the strategy's column), as a number. */
function readmeFigure(label: string): number {
  const example = README.split(`$ npx aetherquant ${COMMAND}`)[1]?.split('```')[0] ?? '';
  const line = example.split('\n').find((row) => row.startsWith(label));
  const text = line
    ?.slice(label.length)
    .trim()
    .split(/\s{2,}/)[0];
  if (text === undefined) throw new Error(`the README's synthetic example has no "${label}" line`);
  return Number(text.replace(/[$,% ]/g, ''));
}

describe("the README's thirty years of synthetic SPY", () => {
  const report = (() => {
    const run = runCli(COMMAND.split(' '), {
      env: { AETHERQ_DATABASE_URL: 'none', AETHERQ_CACHE_DIR: 'none' },
    });
    if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr}`);
    return JSON.parse(run.stdout) as Record<string, number> & { metrics: Record<string, number> };
  })();

  it('prints the figures the README shows', () => {
    expect(readmeFigure('Annual return')).toBe(Number((report.annual_return * 100).toFixed(2)));
    expect(readmeFigure('Max drawdown')).toBe(Number((report.max_drawdown * 100).toFixed(2)));
    expect(readmeFigure('Sharpe')).toBe(Number(report.sharpe.toFixed(2)));
    expect(readmeFigure('Final equity')).toBe(report.final_equity);
    expect(readmeFigure('Total return')).toBe(Number((report.metrics.total_return * 100).toFixed(2)));
  });

  it('is a broad index: 7–10 % a year, 15–20 % volatility', () => {
    expect(report.annual_return).toBeGreaterThanOrEqual(0.07);
    expect(report.annual_return).toBeLessThanOrEqual(0.1);
    expect(report.metrics.volatility).toBeGreaterThanOrEqual(0.15);
    expect(report.metrics.volatility).toBeLessThanOrEqual(0.2);
  });
});
