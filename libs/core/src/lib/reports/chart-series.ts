import { z } from 'zod';
import { barTimeSchema } from './report-fields';

/**
 * What a chart of a run draws, as columns of equal length: bar times, the strategy's equity and its
 * benchmark's (2 decimals), and the strategy's drawdown (0 or below, 6 decimals).
 */
export const chartSeriesSchema = z
  .strictObject({
    time: z.array(barTimeSchema),
    equity: z.array(z.number()).describe("The strategy's equity at each point, 2 decimals."),
    benchmark: z.array(z.number()).describe("The benchmark's equity at each point, 2 decimals."),
    drawdown: z
      .array(z.number().max(0))
      .describe(
        '`equity / running peak − 1`, 6 decimals, the running peak taken over the full series, not only the kept points.',
      ),
  })
  .meta({
    description:
      "What a chart of a run draws, as columns of equal length: bar times, the strategy's equity, its benchmark's and the strategy's drawdown. Downsampled to the points a reader looks for (peaks, troughs, the deepest drawdown).",
  });

/** What a chart of a run draws, as columns of equal length (see {@link chartSeriesSchema}). */
export type ChartSeries = z.infer<typeof chartSeriesSchema>;
