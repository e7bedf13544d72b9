import { z } from 'zod';

/** The formats a run's report is written in. */
export const RUN_REPORT_FORMATS = ['html', 'csv'] as const;
/** The tables a CSV export holds, one per file: every trade, or the equity curve bar by bar. */
export const RUN_REPORT_TABLES = ['trades', 'equity'] as const;

/**
 * Input of `aetherquant report RUN_ID` and `GET /api/runs/:id/report`: the run, and what to make of it — the
 * self-contained HTML tearsheet (the default) or one CSV table.
 */
export const runReportRequestSchema = z
  .object({
    id: z.string().min(1),
    format: z
      .enum(RUN_REPORT_FORMATS)
      .default('html')
      .describe(
        '`html`: one self-contained page (no script, no external URL); `csv`: one table, see `table`.',
      ),
    table: z
      .enum(RUN_REPORT_TABLES)
      .optional()
      .describe('With `format=csv`: `trades` (every trade) or `equity` (one row per bar). Required for csv.'),
  })
  .strict()
  .superRefine((request, context) => {
    if (request.format === 'csv' && request.table === undefined)
      context.addIssue({
        code: 'custom',
        path: ['table'],
        message: 'is required with format csv: trades or equity',
      });
    if (request.format === 'html' && request.table !== undefined)
      context.addIssue({ code: 'custom', path: ['table'], message: 'applies only to format csv' });
  });
