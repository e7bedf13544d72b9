import { roc } from '@aetherquant/indicators';
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
    // The rate of change of @aetherquant/indicators, 100 × (close[t] / close[t − lookback] − 1), written into
    // `target` and replaced by its sign in place: the ratio comes first there too, and × 100 changes no
    // sign, so targets are those of the return as written. NaN before bar `lookback`: target 0.
    roc(series.close, lookback, target);
    const n = target.length;
    for (let t = 0; t < n; t++) {
      const change = target[t];
      target[t] = change > 0 ? 1 : change < 0 ? -1 : 0;
    }
  },
});
