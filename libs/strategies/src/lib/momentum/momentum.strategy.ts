import { defineStrategy } from '../strategy/define-strategy';
import { MAX_WINDOW } from '../strategy/strategy';

/**
 * Time-series momentum: the sign of the trailing `lookback` return, `close[t] / close[t − lookback] − 1`:
 * +1 when positive, −1 when negative, 0 when exactly zero and on bars 0 … lookback − 1, where it is not
 * defined. The return is computed as written (not as a comparison of the two closes), so the sign is that
 * of the return a backtest reports, even where division rounds a one-ulp difference to zero.
 */
export const momentumStrategy = defineStrategy({
  name: 'momentum',
  description:
    'Time-series momentum: long when the close is above the close lookback bars earlier, short when below.',
  parameters: [
    {
      name: 'lookback',
      description: 'Bars back to the close the latest close is compared with.',
      kind: 'integer',
      default: 20,
      min: 1,
      max: MAX_WINDOW,
    },
  ],
  // One-bar and two-bar lookbacks, and one longer than the short samples.
  contractParameterSets: [{ lookback: 1 }, { lookback: 2 }, { lookback: 60 }],
  warmupBars: ({ lookback }) => lookback,
  compute(series, { lookback }, target) {
    const close = series.close;
    const n = close.length;
    for (let t = 0; t < n; t++) {
      if (t < lookback) {
        target[t] = 0;
        continue;
      }
      const trailingReturn = close[t] / close[t - lookback] - 1;
      target[t] = trailingReturn > 0 ? 1 : trailingReturn < 0 ? -1 : 0;
    }
  },
});
