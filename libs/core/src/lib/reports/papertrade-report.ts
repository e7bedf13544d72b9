// The JSON shapes of a paper-trading run's report.

import { z } from 'zod';
import { chartSeriesSchema } from './chart-series';
import { recordingFields } from './recording-fields';
import { barTimeSchema, benchmarkSchema, strategyParamsSchema, warmupBarsSchema } from './report-fields';
import { withResponseMeta } from './response-meta';

/** One order of a paper-trading run as its report lists it. */
export const paperOrderViewSchema = z
  .strictObject({
    client_order_id: z
      .string()
      .describe('Deterministic (strategy, symbol, bar time): the same bar never places a second order.'),
    time: barTimeSchema.describe('The bar at whose close the order was sized and filled.'),
    side: z.string().describe('`buy` or `sell`.'),
    quantity: z.number().describe('Shares; whole unless the run allowed fractional shares.'),
    status: z.string().describe('`filled`, or `rejected` with a reason.'),
    fill_price: z.number().optional().describe('The execution price, after slippage, when filled.'),
    commission: z.number().optional().describe('Commission paid, in cash, when filled.'),
    reason: z.string().optional().describe('Why the order was rejected.'),
  })
  .meta({ description: 'One order of a paper-trading run as its report lists it.' });

/**
 * The figures of the example paper trade: its report without orders, run id and chart, which is also what
 * the run records as its result (the run-detail example shows it).
 */
export const PAPERTRADE_EXAMPLE_FIGURES = {
  symbol: 'QQQ',
  broker: 'paper',
  provider: 'csv',
  benchmark: 'QQQ',
  strategy: 'ma-cross',
  params: { fast: 5, slow: 20 },
  first: '2024-01-02',
  last: '2024-12-31',
  warmup_bars: 19,
  orders_placed: 2,
  start_equity: 100000,
  final_equity: 103218.86,
  cash: 103218.86,
  position: 0,
} as const;

export const papertradeReportSchema = withResponseMeta(
  z.strictObject({
    symbol: z.string(),
    broker: z.literal('paper'),
    provider: z.string().describe('Where the bars came from; `synthetic` data never passes for market data.'),
    benchmark: benchmarkSchema.describe(
      "What the chart's benchmark curve holds: a symbol, bought with the starting equity at the window's first close and held without costs or whole-share rounding; by default the traded symbol itself.",
    ),
    strategy: z.string(),
    params: strategyParamsSchema,
    first: barTimeSchema.describe('The first bar of the requested window: the first bar replayed.'),
    last: barTimeSchema,
    warmup_bars: warmupBarsSchema,
    orders_placed: z.number().int().min(0).describe('Orders filled.'),
    start_equity: z.number().describe('2 decimals.'),
    final_equity: z.number().describe('2 decimals.'),
    cash: z.number().describe('Cash at the end, 2 decimals.'),
    position: z.number().describe('Shares held at the end.'),
    orders: z.array(paperOrderViewSchema),
    ...recordingFields,
    chart: chartSeriesSchema
      .optional()
      .describe(
        "Present when the caller asked for charts (the API does): the engine's equity at each close against buy-and-hold of the starting equity in `benchmark`; never recorded.",
      ),
  }),
  'What `aetherquant papertrade` prints and `POST /api/papertrade` returns: the strategy replayed bar by bar against the paper broker (long-only), with its orders.',
  {
    ...PAPERTRADE_EXAMPLE_FIGURES,
    orders: [
      {
        client_order_id: 'ma-cross-QQQ-1706572800000',
        time: '2024-01-30',
        side: 'buy',
        quantity: 236,
        status: 'filled',
        fill_price: 422.80861495971686,
        commission: 9.978283313049317,
      },
      {
        client_order_id: 'ma-cross-QQQ-1710806400000',
        time: '2024-03-19',
        side: 'sell',
        quantity: 236,
        status: 'filled',
        fill_price: 436.5337752471924,
        commission: 10.30219709583374,
      },
    ],
    run_id: '0193a1c4-7f05-7000-a77d-a206176fe912',
    chart: {
      time: ['2024-01-02', '2024-01-31', '2024-03-19', '2024-12-31'],
      equity: [100000, 98030.78, 103218.86, 103218.86],
      benchmark: [100000, 103571.88, 106012.44, 127739.91],
      drawdown: [0, -0.019692, 0, 0],
    },
  },
);

/** One order of a paper-trading run as its report lists it. */
export type PaperOrderView = z.infer<typeof paperOrderViewSchema>;
/** What `aetherquant papertrade` prints (see {@link papertradeReportSchema}). */
export type PapertradeReport = z.infer<typeof papertradeReportSchema>;
