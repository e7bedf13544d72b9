// Strategy files as an operator writes them, for the tests of every surface that loads one (the API, the
// workers, the dashboard): TypeScript, importing only the published packages, written by each test into a
// folder of its own with no node_modules, so the loader must hand it this process's packages.

/** `ema-trend`: long while the close is above its exponential average of `span` bars (default 30). */
export const EMA_TREND_STRATEGY = `
import { ema, emaWarmup } from '@aetherquant/indicators';
import { defineStrategy } from '@aetherquant/strategies';

export default defineStrategy({
  name: 'ema-trend',
  description: 'Long while the close is above its exponential average.',
  parameters: [{ name: 'span', description: 'Bars of the average.', kind: 'integer', default: 30, min: 2, max: 300 }],
  contractParameterSets: [{ span: 2 }],
  warmupBars: ({ span }) => emaWarmup(span),
  compute(series, { span }, target) {
    const average = ema(series.close, span);
    const ready = emaWarmup(span);
    for (let t = 0; t < series.length; t++) target[t] = t >= ready && series.close[t] > average[t] ? 1 : 0;
  },
});
`;

/** The same file renamed `name`, deciding on the NEXT close: a look-ahead the strategy contract must catch. */
export function peekingStrategy(name = 'peeking'): string {
  return EMA_TREND_STRATEGY.replace("'ema-trend'", `'${name}'`).replace(
    'series.close[t] > average[t]',
    'series.close[t + 1] > series.close[t]',
  );
}
