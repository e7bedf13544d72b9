// A strategy module as an app is started with one: plain JavaScript exporting a strategy definition, needing
// nothing of @aetherquant/strategies. Tests add it through the supported path for adding a strategy (the
// registry's `with`, fed by `strategiesOfModule`) and check that every surface picks it up: the contract
// suite, the CLI's help, `GET /api/strategies` with a backtest, the dashboard's form. Plain JavaScript so
// that the API's compute threads, which run the built code, load it as they would a user's file.

/** Holds exposure `level` from bar `delay` on, flat before: the simplest strategy with a warm-up. */
module.exports = {
  name: 'test-constant',
  description: 'Test strategy: holds a constant exposure from bar delay on, flat before.',
  parameters: [
    {
      name: 'level',
      description: 'The exposure held, from fully short (-1) to fully long (1).',
      kind: 'number',
      default: 0.5,
      min: -1,
      max: 1,
    },
    {
      name: 'delay',
      description: 'Bars kept flat before the exposure is taken.',
      kind: 'integer',
      default: 1,
      min: 0,
      max: 10000,
    },
  ],
  warmupParameters: ['delay'],
  contractParameterSets: [{ level: -1, delay: 0 }, { level: 1, delay: 3 }, { level: 0 }],
  warmupBars: ({ delay }) => delay,
  compute(series, { level, delay }, target) {
    const n = series.length;
    for (let t = 0; t < n; t++) target[t] = t < delay ? 0 : level;
  },
};
