// What `aetherquant strategy new NAME` writes: a strategy file that runs as it is, its spec, and a README line.
// The strategy is a small but real one (trend with an RSI filter, on @aetherquant/indicators), so the first
// thing a person edits already shows the conventions: parameters with bounds, edge cases for the contract
// check, a warm-up computed from the indicators' own, and a hot loop that allocates nothing per bar.

/** What a folder outside the AetherQuant repository installs to run a strategy's spec with jiti. */
const INSTALL_COMMAND = 'npm i -D @aetherquant/strategies @aetherquant/indicators @aetherquant/core jiti';

/** The files of strategy `name`, by file name. */
export function scaffoldFiles(name: string): { strategy: string; spec: string; readmeLine: string } {
  return {
    strategy: STRATEGY_TEMPLATE.replaceAll('__NAME__', name),
    spec: SPEC_TEMPLATE.replaceAll('__NAME__', name),
    readmeLine:
      `- \`${name}\` (\`${name}.strategy.ts\`): long in an uptrend unless overbought. ` +
      `Check it: \`aetherquant strategy check ${name}.strategy.ts\`; run it: ` +
      `\`aetherquant backtest --strategy-file ${name}.strategy.ts --param trend=50\`; ` +
      `its spec: \`${INSTALL_COMMAND}\` (once, outside the AetherQuant repository), then ` +
      `\`npx jiti ${name}.strategy.spec.ts\`.\n`,
  };
}

const STRATEGY_TEMPLATE = `import { rsi, rsiWarmup, sma, smaWarmup } from '@aetherquant/indicators';
import { defineStrategy } from '@aetherquant/strategies';

/**
 * __NAME__: long while the close is above its \`trend\`-bar average, unless the RSI says overbought.
 *
 * A target is decided at the close of bar t and earns the return of bar t + 1, so compute() may read bars
 * 0 … t only. \`aetherquant strategy check __NAME__.strategy.ts\` checks that (and bounds, warm-up and
 * determinism) on thousands of random series; run it after every change. docs/strategies.md has the rest.
 */
export default defineStrategy({
  name: '__NAME__',
  description: 'Long while the close is above its trend average, unless the RSI says overbought.',
  parameters: [
    { name: 'trend', description: 'Bars of the trend average.', kind: 'integer', default: 50, min: 2, max: 400 },
    { name: 'period', description: 'Bars of the RSI (Wilder).', kind: 'integer', default: 14, min: 2, max: 100 },
    {
      name: 'overbought',
      description: 'RSI level at or above which the strategy stays out.',
      kind: 'number',
      default: 70,
      min: 50,
      max: 100,
    },
  ],
  // The edges the contract check tries besides the defaults.
  contractParameterSets: [{ trend: 2, period: 2 }, { trend: 200, period: 30, overbought: 100 }],
  // The first bar both indicators are defined on: runs load this many bars before the window.
  warmupBars: ({ trend, period }) => Math.max(smaWarmup(trend), rsiWarmup(period)),
  compute(series, { trend, period, overbought }, target) {
    const close = series.close;
    const average = sma(close, trend);
    const strength = rsi(close, period);
    const ready = Math.max(smaWarmup(trend), rsiWarmup(period));
    for (let t = 0; t < series.length; t++) {
      target[t] = t >= ready && close[t] > average[t] && strength[t] < overbought ? 1 : 0;
    }
  },
});
`;

const SPEC_TEMPLATE = `// Run with \`npx jiti __NAME__.strategy.spec.ts\` (or any TypeScript test runner). Outside the
// AetherQuant repository, install what it imports once, then run it:
//   ${INSTALL_COMMAND}
//   npx jiti __NAME__.strategy.spec.ts
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BarSeries } from '@aetherquant/core';
import { checkStrategy } from '@aetherquant/strategies';
import strategy from './__NAME__.strategy';

/** A daily series of these closes (open = previous close, high and low around them). */
function seriesOf(close: number[]): BarSeries {
  const day = 86_400_000;
  return new BarSeries({
    symbol: 'TEST',
    interval: '1d',
    time: close.map((_, t) => Date.UTC(2024, 0, 1) + t * day),
    open: close.map((price, t) => (t === 0 ? price : close[t - 1])),
    high: close.map((price, t) => Math.max(price, t === 0 ? price : close[t - 1]) + 0.5),
    low: close.map((price, t) => Math.min(price, t === 0 ? price : close[t - 1]) - 0.5),
    close,
    volume: close.map(() => 1_000),
  });
}

test('__NAME__ keeps the strategy contract (no look-ahead, bounds, warm-up, determinism)', () => {
  const check = checkStrategy(strategy);
  assert.deepEqual(check.verdicts.filter((verdict) => !verdict.passed), []);
});

test('__NAME__ is flat during its warm-up, then long in a calm uptrend', () => {
  // Up 2, down 1, again and again: an uptrend whose RSI stays near 67, under an overbought level of 80.
  const close = Array.from({ length: 60 }, (_, t) => 100 + Math.ceil(t / 2) * 2 - Math.floor(t / 2));
  const targets = strategy.targets(seriesOf(close), { trend: 10, period: 5, overbought: 80 });
  const warmup = strategy.warmupBars({ trend: 10, period: 5, overbought: 80 }); // max(10 − 1, 5) = 9
  assert.equal(warmup, 9);
  assert.deepEqual(Array.from(targets.slice(0, warmup)), new Array(warmup).fill(0));
  assert.deepEqual(Array.from(targets.slice(20)), new Array(40).fill(1));
});

test('__NAME__ stays out when every bar rises (RSI 100: overbought)', () => {
  const close = Array.from({ length: 60 }, (_, t) => 100 + t);
  const targets = strategy.targets(seriesOf(close), { trend: 10, period: 5, overbought: 70 });
  assert.deepEqual(Array.from(targets), new Array(60).fill(0));
});
`;
