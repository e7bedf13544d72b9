import { rsi } from '@aetherquant/indicators';
import { defineStrategy } from '../strategy/define-strategy';
import { MAX_WINDOW } from '../strategy/strategy';

/**
 * Mean reversion on Wilder's RSI (J. Welles Wilder, "New Concepts in Technical Trading Systems", 1978).
 *
 * With changes d[i] = close[i] − close[i − 1], gains max(d, 0) and losses max(−d, 0): the first average
 * gain and loss (at bar `period`) are the simple means of the first `period` changes (bars 1 … period);
 * after that, avg = (prev × (period − 1) + x) / period. RSI = 100 − 100 / (1 + avgGain / avgLoss), 100
 * when avgLoss = 0, and 50 when both are 0 (no movement at all: neutral, which no threshold pair with
 * lower < 50 < upper acts on).
 *
 * Rule: long (+1) when RSI < lower; flat (0) when RSI > upper; in between (edges included), the previous
 * target is held, so a reversion position is kept until RSI exits above `upper`. 0 during the warm-up,
 * bars 0 … period − 1, where RSI is not defined. Never short.
 */
export const rsiReversionStrategy = defineStrategy({
  name: 'rsi-reversion',
  description:
    "Mean reversion on Wilder's RSI: go long when RSI falls below lower, hold until it rises above upper, then stay flat.",
  parameters: [
    {
      name: 'period',
      description: "Bars in Wilder's RSI smoothing.",
      kind: 'integer',
      default: 14,
      min: 2,
      max: MAX_WINDOW,
    },
    {
      name: 'lower',
      description: 'RSI level below which to go long (oversold); less than upper.',
      kind: 'number',
      default: 30,
      min: 0,
      max: 100,
    },
    {
      name: 'upper',
      description: 'RSI level above which to exit to flat (overbought).',
      kind: 'number',
      default: 70,
      min: 0,
      max: 100,
    },
  ],
  warmupParameters: ['period'],
  // The shortest period, narrow bands, and bands a hair apart around 50.
  contractParameterSets: [
    { period: 2 },
    { period: 5, lower: 40, upper: 60 },
    { period: 3, lower: 49.5, upper: 50.5 },
  ],
  crossRules: ({ lower, upper }) =>
    lower < upper
      ? []
      : [{ field: 'lower', rule: `must be less than upper (got lower ${lower}, upper ${upper})` }],
  warmupBars: ({ period }) => period,
  compute(series, { period, lower, upper }, target) {
    // Wilder's RSI from @aetherquant/indicators, written into `target` and turned into positions in place:
    // the kernel is the arithmetic this strategy always used, operation for operation (rsi.ts), so targets
    // are unchanged to the bit. RSI is NaN before bar `period`, where neither comparison holds: target 0.
    rsi(series.close, period, target);
    const n = target.length;
    let position = 0;
    for (let i = 0; i < n; i++) {
      const value = target[i];
      if (value < lower) position = 1;
      else if (value > upper) position = 0;
      target[i] = position;
    }
  },
});
