import { z } from 'zod';

/** The order a live decision placed (or would place), as `aetherquant papertrade --broker live` prints it. */
export const liveOrderViewSchema = z.strictObject({
  client_order_id: z.string(),
  side: z.string(),
  quantity: z.number(),
  price: z.number(),
  status: z.string(),
  broker_order_id: z.string().optional(),
});

/** A live broker's account as the report shows it. */
export const accountViewSchema = z.strictObject({
  cash: z.number(),
  equity: z.number().describe('Cash plus the market value of the positions.'),
  currency: z.string().optional(),
});

/** One live decision: the order needed to reach the strategy's target on the latest bar, and what became of it. */
export const liveTradeReportSchema = z
  .strictObject({
    symbol: z.string(),
    broker: z.literal('live'),
    provider: z.string(),
    dry_run: z.boolean(),
    bar: z
      .string()
      .describe('The newest bar, the one the decision is made on: `2026-12-01`, or a full timestamp.'),
    order: liveOrderViewSchema
      .nullable()
      .describe(
        'The order needed to reach the target on the latest bar, or null when none is (or when refused).',
      ),
    reason: z
      .string()
      .describe(
        'What happened: sent, already at target, dry run, refused by a pre-trade check (and why), duplicate.',
      ),
    account: accountViewSchema,
    warnings: z
      .array(z.string())
      .optional()
      .describe(
        'Present when the data is stale: a dry run says so, and an order sent with `allow_stale` says it was.',
      ),
  })
  .meta({
    description:
      "What `aetherquant papertrade --broker live` prints: one live decision, the order needed to reach the strategy's target on the latest bar, and what became of it.",
    examples: [
      {
        symbol: 'SPY',
        broker: 'live',
        provider: 'yahoo',
        dry_run: true,
        bar: '2026-12-01',
        order: null,
        reason: 'dry run: would buy 10 SPY at 601.25',
        account: { cash: 100000, equity: 100000, currency: 'USD' },
      },
    ],
  });

export type LiveTradeReport = z.infer<typeof liveTradeReportSchema>;
