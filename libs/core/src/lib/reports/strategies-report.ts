// The JSON shape of the built-in strategies' descriptions (`GET /api/strategies`).

import { z } from 'zod';
import { withResponseMeta } from './response-meta';

/** One tunable number of a strategy, with the bounds a sweep or a form may use. */
export const strategyParameterDescriptionSchema = z
  .strictObject({
    name: z.string().describe('As callers spell it: `fast`, `slow`, `period`.'),
    description: z.string(),
    kind: z
      .enum(['integer', 'number'])
      .describe('`integer` for window lengths, `number` for levels such as RSI thresholds.'),
    default: z.number(),
    min: z.number().describe('Inclusive bound.'),
    max: z.number().describe('Inclusive bound.'),
  })
  .meta({ description: 'One tunable number of a strategy, with the bounds a sweep or a form may use.' });

/** A built-in strategy as plain JSON: its name, what it does and its parameters. */
export const strategyDescriptionSchema = z
  .strictObject({
    name: z.string(),
    description: z.string(),
    parameters: z.array(strategyParameterDescriptionSchema),
  })
  .meta({ description: 'A built-in strategy as plain JSON: its name, what it does and its parameters.' });

export const strategiesReportSchema = withResponseMeta(
  z.strictObject({
    strategies: z
      .array(strategyDescriptionSchema)
      .describe(
        'Single-asset strategies (one target per bar of one symbol): the built-ins in the order help texts show them, the baseline first, then those of the strategy files the server was started with (AETHERQ_STRATEGY_PATHS).',
      ),
    universe_strategies: z
      .array(strategyDescriptionSchema)
      .describe(
        'Cross-sectional strategies (targets for every symbol at once), for a backtest with `symbols`: the built-ins (`top-momentum`), then those of the server’s strategy files.',
      ),
  }),
  'What `GET /api/strategies` returns: every strategy a request may name, with its parameters’ descriptions, bounds and defaults.',
  {
    strategies: [
      {
        name: 'ma-cross',
        description:
          'Moving-average crossover: long when the fast simple moving average of closes is above the slow one, short when below, flat when equal.',
        parameters: [
          {
            name: 'fast',
            description: 'Bars in the fast simple moving average of closes.',
            kind: 'integer',
            default: 20,
            min: 1,
            max: 10000,
          },
          {
            name: 'slow',
            description: 'Bars in the slow simple moving average of closes; more than fast.',
            kind: 'integer',
            default: 50,
            min: 2,
            max: 10000,
          },
        ],
      },
      { name: 'buy-and-hold', description: 'Fully long on every bar.', parameters: [] },
    ],
    universe_strategies: [
      {
        name: 'top-momentum',
        description:
          'Cross-sectional momentum: holds the k symbols with the best return from lookback to skip bars ago, 1/k each, reselected monthly.',
        parameters: [
          {
            name: 'k',
            description: 'How many symbols to hold, each at 1/k of equity.',
            kind: 'integer',
            default: 2,
            min: 1,
            max: 100,
          },
        ],
      },
    ],
  },
);

/** One tunable number of a strategy, with the bounds a sweep or a form may use. */
export type StrategyParameterDescription = z.infer<typeof strategyParameterDescriptionSchema>;
/** A built-in strategy as plain JSON: its name, what it does and its parameters. */
export type StrategyDescription = z.infer<typeof strategyDescriptionSchema>;
/** Every built-in strategy with its parameters' descriptions, bounds and defaults, as plain JSON. */
export type StrategiesReport = z.infer<typeof strategiesReportSchema>;
