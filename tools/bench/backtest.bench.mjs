// backtest-ma-cross-1m: ma-cross 20/50 targets, equity with costs on turnover, buy-and-hold benchmark, trades
// and the full risk summary of both, over 1,000,000 synthetic bars. The target: within 1.5× of the
// plain compiled C loop of ../shared/bench/c-reference.c, measured side by side (it is compiled and run here
// when gcc and that file are available, and the ratio printed).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backtestStrategy } from '@aetherquant/backtest';
import { getStrategy } from '@aetherquant/strategies';
import { figures, randomWalkSeries, sample } from './measure.mjs';

const N = 1_000_000;

const series = randomWalkSeries(N, 7);
const maCross = getStrategy('ma-cross');
const options = { initialCash: 100_000, commissionBps: 1, slippageBps: 0.5 };
let sink = 0;
const durations = sample(
  () => {
    const result = backtestStrategy(series, maCross, { fast: 20, slow: 50 }, options);
    // The strategy's full summary (with beta and alpha against buy-and-hold), as the C reference computes.
    sink += result.summary.sharpe + result.summary.var95 + result.tradeCount;
  },
  { runs: 7, warmup: 2 },
);

const extra = { n: N };
const reference = join(import.meta.dirname, '..', '..', '..', 'shared', 'bench', 'c-reference.c');
if (existsSync(reference)) {
  try {
    const binary = join(mkdtempSync(join(tmpdir(), 'aetherquant-c-')), 'c-reference');
    execFileSync('gcc', ['-O2', '-o', binary, reference, '-lm']);
    const c = JSON.parse(execFileSync(binary, [String(N)], { encoding: 'utf8' }));
    extra.c_reference_best_ms = c.best_ms;
    extra.ratio_to_c = Math.round((durations[0] / c.best_ms) * 100) / 100;
  } catch (error) {
    extra.c_reference = `not measured: ${error.message.split('\n')[0]}`;
  }
}
console.log(figures('backtest-ma-cross-1m', durations, { ...extra, sink: Number.isFinite(sink) }));
