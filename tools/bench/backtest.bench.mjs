// backtest-ma-cross-1m: ma-cross 20/50 targets, equity with costs on turnover, buy-and-hold benchmark, trades
// and the full risk summary of both, over 1,000,000 synthetic bars. The target: within 1.5× of the
// plain compiled C loop of ../shared/bench/c-reference.c, measured side by side (it is compiled and run here
// when gcc and that file are available, and the ratio printed).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BarSeries } from '@aetherquant/core';
import { backtestStrategy } from '@aetherquant/backtest';
import { getStrategy } from '@aetherquant/strategies';
import { figures, sample } from './measure.mjs';

const N = 1_000_000;

/** A geometric random walk like the C reference's (drift 0.0002, uniform shocks of ±1%), from a seeded LCG. */
function syntheticSeries(n) {
  const close = new Float64Array(n);
  let state = 7;
  let price = 100;
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    price *= Math.exp(0.0002 + 0.02 * (state / 4294967296 - 0.5));
    close[i] = price;
  }
  const time = Float64Array.from({ length: n }, (_, i) => i * 86_400_000);
  return new BarSeries({
    symbol: 'BENCH',
    interval: '1d',
    time,
    open: close,
    high: close,
    low: close,
    close,
    volume: new Float64Array(n),
  });
}

const series = syntheticSeries(N);
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
