import { trailingMax, trailingMin } from '../kernels/trailing-extremes';
import { defineStrategy } from '../strategy/define-strategy';
import { MAX_WINDOW } from '../strategy/strategy';

/**
 * Donchian channel breakout, as the Turtle traders ran it (entry and exit channels of different lengths).
 * The channels at bar t span the PREVIOUS bars only (t − window … t − 1), never bar t itself:
 *
 * - go long (+1) when close[t] > the highest high of the previous `entry` bars;
 * - else go short (−1) when close[t] < the lowest low of the previous `entry` bars;
 * - else exit a long to flat when close[t] < the lowest low of the previous `exit` bars,
 *   and exit a short to flat when close[t] > the highest high of the previous `exit` bars;
 * - else hold the previous target.
 *
 * A breakout through the entry channel therefore reverses a position directly. Channels are undefined
 * (no signal) until `window` bars precede t, so nothing happens before bar `entry`, and with exit > entry
 * no exit fires before bar `exit`. Rolling extremes use O(n) monotonic deques (`trailingMax`/`trailingMin`, over @aetherquant/indicators'
 * `rollingMax`/`rollingMin`).
 */
export const donchianBreakoutStrategy = defineStrategy({
  name: 'donchian-breakout',
  description:
    'Donchian channel breakout: long above the highest high of the previous entry bars, short below the lowest low; exit on the opposite side of the shorter exit channel.',
  parameters: [
    {
      name: 'entry',
      description:
        'Bars in the entry channel: a close beyond their highest high or lowest low opens a position.',
      kind: 'integer',
      default: 20,
      min: 1,
      max: MAX_WINDOW,
    },
    {
      name: 'exit',
      description: 'Bars in the exit channel: a close beyond its opposite side closes the position.',
      kind: 'integer',
      default: 10,
      min: 1,
      max: MAX_WINDOW,
    },
  ],
  warmupParameters: ['entry'],
  // Short channels, one-bar channels, and an exit channel longer than the entry one.
  contractParameterSets: [
    { entry: 3, exit: 2 },
    { entry: 1, exit: 1 },
    { entry: 5, exit: 12 },
  ],
  warmupBars: ({ entry }) => entry,
  compute(series, { entry, exit }, target) {
    const { close, high, low } = series;
    const n = close.length;
    const entryHigh = trailingMax(high, entry);
    const entryLow = trailingMin(low, entry);
    const exitHigh = trailingMax(high, exit);
    const exitLow = trailingMin(low, exit);
    let position = 0;
    for (let t = 0; t < n; t++) {
      const price = close[t];
      // Comparisons with an undefined (NaN) channel are false: no signal during the warm-up.
      if (price > entryHigh[t]) position = 1;
      else if (price < entryLow[t]) position = -1;
      else if (position === 1 && price < exitLow[t]) position = 0;
      else if (position === -1 && price > exitHigh[t]) position = 0;
      target[t] = position;
    }
  },
});
