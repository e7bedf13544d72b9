// Recorded runs and audit events as the CLI prints them and the API returns them: snake_case, ISO-8601 times.

import { z } from 'zod';
import { timestampSchema } from './report-fields';
import { withResponseMeta } from './response-meta';
import { PAPERTRADE_EXAMPLE_FIGURES } from './papertrade-report';

/** A run as the CLI prints it and the API returns it: snake_case, ISO-8601 times. */
export const runViewSchema = z
  .strictObject({
    id: z.uuid(),
    created_at: timestampSchema,
    type: z.string().describe('`backtest`, `papertrade`, `optimize`, `sweep` or `walk-forward`.'),
    symbols: z.array(z.string()),
    period: z.string().nullable().describe('The period asked for (`1y`), or null when given by dates.'),
    interval: z.string().nullable(),
    start: timestampSchema.nullable().describe('The first bar the run covered.'),
    end: timestampSchema.nullable().describe('The last bar the run covered.'),
    parameters: z.record(z.string(), z.unknown()).describe('The request as the run resolved it.'),
    final_equity: z.number().nullable().describe('Unrounded; null for runs without equity (optimize).'),
    orders_placed: z.number().int().min(0),
    status: z.string().describe('`completed`.'),
    duration_ms: z.number().min(0),
    job_id: z.string().nullable().describe('The job whose result it records; null for a run made directly.'),
    data_hash: z
      .string()
      .nullable()
      .describe(
        'sha256 of the version of the data the job read (its id derives from it); null without a job.',
      ),
  })
  .meta({ description: 'A recorded run: what it was asked and when, without its result.' });

/** A recorded run's spec: the use case (as the catalog names it) and the request that reruns it. */
export const runSpecSchema = z
  .strictObject({
    use_case: z.string().describe('The use case, as the catalog names it (`backtest`, `walkForward`).'),
    request: z
      .record(z.string(), z.unknown())
      .describe("The use case's request, fields as its endpoint takes them."),
    strategy_file: z
      .string()
      .optional()
      .describe(
        'The file its strategy came from (`--strategy-file`, or the server’s AETHERQ_STRATEGY_PATHS).',
      ),
  })
  .meta({
    description: 'What reruns a recorded run: its use case and its request, everything resolved pinned.',
  });
export type RunSpecView = z.infer<typeof runSpecSchema>;

/** An order a paper run placed, as recorded. */
export const orderViewSchema = z
  .strictObject({
    id: z.number().int(),
    symbol: z.string(),
    side: z.string().describe('`buy` or `sell`.'),
    quantity: z.number(),
    price: z.number().describe('The fill price, after slippage.'),
    commission: z.number(),
    timestamp: timestampSchema.describe('The bar at whose close the order filled.'),
    client_order_id: z.string().nullable(),
    status: z.string(),
  })
  .meta({ description: 'An order a paper run placed, as recorded.' });

/** A run as lists show it: with its orders (paper runs place them). */
export const listedRunViewSchema = runViewSchema
  .extend({ orders: z.array(orderViewSchema) })
  .meta({ description: 'A recorded run as lists show it: with its orders (paper runs place them).' });

const exampleRun = {
  id: '0193a1c4-7f05-7000-a77d-a206176fe912',
  created_at: '2025-01-06T14:03:27.512Z',
  type: 'papertrade',
  symbols: ['QQQ'],
  period: null,
  interval: '1d',
  start: '2024-01-02T00:00:00.000Z',
  end: '2024-12-31T00:00:00.000Z',
  parameters: {
    strategy: 'ma-cross',
    provider: 'csv',
    commission_bps: 1,
    slippage_bps: 0.5,
    initial_cash: 100000,
    long_only: false,
    params: { fast: 5, slow: 20 },
    fractional: false,
  },
  final_equity: 103218.85962477537,
  orders_placed: 2,
  status: 'completed',
  duration_ms: 17.329841,
  job_id: null,
  data_hash: null,
  orders: [
    {
      id: 41,
      symbol: 'QQQ',
      side: 'buy',
      quantity: 236,
      price: 422.80861495971686,
      commission: 9.978283313049317,
      timestamp: '2024-01-30T00:00:00.000Z',
      client_order_id: 'ma-cross-QQQ-1706572800000',
      status: 'filled',
    },
  ],
};

export const runDetailViewSchema = withResponseMeta(
  listedRunViewSchema.extend({
    result: z
      .unknown()
      .describe('The report the run returned, as recorded (never its chart nor paper orders).'),
    metrics: z.record(z.string(), z.number().nullable()).describe('Named figures of the run, unrounded.'),
    spec: runSpecSchema
      .nullable()
      .describe(
        'What reruns it to the same figures: the use case and its request with everything the run resolved pinned (dates, provider, costs, every parameter); `aetherquant runs spec ID` writes it as a --config file. Null for runs recorded before specs were kept.',
      ),
  }),
  'What `GET /api/runs/:id` returns: one recorded run with its orders, its result and its metrics.',
  {
    ...exampleRun,
    result: PAPERTRADE_EXAMPLE_FIGURES,
    metrics: { cash: 103218.85962477537, final_equity: 103218.85962477537, position: 0 },
    spec: {
      use_case: 'papertrade',
      request: {
        symbol: 'QQQ',
        start: '2024-01-02',
        end: '2024-12-31',
        interval: '1d',
        provider: 'csv',
        data_dir: '/srv/market',
        strategy: 'ma-cross',
        params: { fast: 5, slow: 20 },
        commission_bps: 1,
        slippage_bps: 0.5,
        initial_cash: 100000,
        long_only: false,
        fractional: false,
      },
    },
  },
);

export const runsReportSchema = withResponseMeta(
  z.strictObject({ runs: z.array(listedRunViewSchema) }),
  'What `aetherquant db runs` prints and `GET /api/runs` returns: recorded runs, newest first.',
  { runs: [exampleRun] },
);

/** One API request, or a run of identical refused ones coalesced into one row. */
export const auditEventViewSchema = z
  .strictObject({
    id: z.number().int().positive(),
    created_at: timestampSchema.describe('When the request (the first of a coalesced run) arrived.'),
    last_at: timestampSchema.describe(
      'When the last request of a coalesced run arrived; `created_at` for a single request.',
    ),
    count: z
      .number()
      .int()
      .min(1)
      .describe(
        'How many identical refused requests from one client this row stands for; 1 for a single request.',
      ),
    method: z.string(),
    path: z.string(),
    status_code: z.number().int(),
    request_id: z.string().describe('The request id (of the first request of a coalesced run).'),
    actor_role: z.string().nullable(),
    key_name: z
      .string()
      .nullable()
      .describe('The name of the API key presented: `trader`, `admin`, or a name from the keys file.'),
    duration_ms: z.number().min(0).describe("The request's duration (the longest of a coalesced run)."),
    client_ip: z.string().nullable(),
  })
  .meta({
    description:
      'One API request, or a run of identical refused ones from one client coalesced into one row.',
  });

export const auditReportSchema = withResponseMeta(
  z.strictObject({ events: z.array(auditEventViewSchema) }),
  'What `aetherquant db audit` prints and `GET /api/audit` returns: API requests as the audit log holds them, newest first.',
  {
    events: [
      {
        id: 1842,
        created_at: '2025-01-06T14:03:27.498Z',
        last_at: '2025-01-06T14:03:27.498Z',
        count: 1,
        method: 'POST',
        path: '/api/papertrade',
        status_code: 200,
        request_id: '9f1c2a7e-53d1-4b7a-9c55-0d0c1e2f3a4b',
        actor_role: 'trader',
        key_name: 'trader',
        duration_ms: 41.7,
        client_ip: '203.0.113.7',
      },
      {
        id: 1841,
        created_at: '2025-01-06T14:02:55.120Z',
        last_at: '2025-01-06T14:03:01.877Z',
        count: 12,
        method: 'GET',
        path: '/api/runs',
        status_code: 401,
        request_id: '4d0b8e21-7a6f-4c3e-8f2d-1b9a0c7e6d5f',
        actor_role: null,
        key_name: null,
        duration_ms: 0.8,
        client_ip: '198.51.100.23',
      },
    ],
  },
);

/** A run as the CLI prints it and the API returns it: snake_case, ISO-8601 times. */
export type RunView = z.infer<typeof runViewSchema>;
/** An order a paper run placed, as recorded. */
export type OrderView = z.infer<typeof orderViewSchema>;
/** A run as lists show it: with its orders (paper runs place them). */
export type ListedRunView = z.infer<typeof listedRunViewSchema>;
/** One recorded run with its orders, result and metrics (`GET /api/runs/:id`). */
export type RunDetailView = z.infer<typeof runDetailViewSchema>;
/** Recorded runs, newest first (`db runs`, `GET /api/runs`). */
export type RunsReport = z.infer<typeof runsReportSchema>;
/** One API request as the audit log holds it. */
export type AuditEventView = z.infer<typeof auditEventViewSchema>;
/** API requests as the audit log holds them, newest first (`db audit`, `GET /api/audit`). */
export type AuditReport = z.infer<typeof auditReportSchema>;
