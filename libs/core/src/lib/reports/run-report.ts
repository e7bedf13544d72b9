import { z } from 'zod';
import { RUN_REPORT_FORMATS, RUN_REPORT_TABLES } from '../requests/run-report-request';
import { withResponseMeta } from './response-meta';

/**
 * A run's report as a document: the HTML tearsheet or one CSV table. The API answers `content` itself, with
 * `media_type` as its Content-Type; the CLI writes it to a file; a library caller gets this object.
 */
export const runReportSchema = withResponseMeta(
  z.strictObject({
    run_id: z.string(),
    format: z.enum(RUN_REPORT_FORMATS),
    table: z.enum(RUN_REPORT_TABLES).optional(),
    media_type: z.string().describe('`text/html; charset=utf-8` or `text/csv; charset=utf-8`.'),
    filename: z
      .string()
      .describe('A file name for it: `report-<run id>.html`, `report-<run id>-trades.csv`.'),
    content: z.string(),
    warnings: z
      .array(z.string())
      .describe('What the reader should know: the data changed since the run, a run without curves…'),
  }),
  "What `aetherquant report` writes and `GET /api/runs/:id/report` answers, as the document itself (the HTML tearsheet or one CSV table, with `media_type` as its Content-Type and `filename` in its Content-Disposition): the run's recorded figures, and its curves and trades from a rerun of its spec on the same data.",
  {
    run_id: '0193a1c4-7e21-7000-88aa-1eddc98f20a9',
    format: 'csv',
    table: 'trades',
    media_type: 'text/csv; charset=utf-8',
    filename: 'report-0193a1c4-7e21-7000-88aa-1eddc98f20a9-trades.csv',
    content:
      'symbol,side,entry,exit,entry_price,exit_price,size,return,pnl,bars_held,open\nSPY,long,2024-02-13,2024-04-16,487.82,498.7,204.9913,0.021986,2230.29,43,false\n',
    warnings: [],
  },
);

/**
 * What a report page may load: nothing. No script, no external style, font, image or frame; inline styles
 * and `data:` images only, so a browser makes no network request for it, whoever opens it and wherever. The
 * page says it in a meta tag, and the API in a header.
 */
export const REPORT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** A run's report as a document (see {@link runReportSchema}). */
export type RunReport = z.infer<typeof runReportSchema>;

/** The header that carries a document's warnings over HTTP (the body is the document itself): JSON, ASCII-only. */
export const REPORT_WARNINGS_HEADER = 'X-Report-Warnings';

/**
 * The HTTP headers that carry a report answered as the document itself: its Content-Type, a Content-Disposition
 * with its file name (inline for HTML, to read in the browser; attachment for CSV), its warnings, and for a
 * page the policy that lets it load nothing. The API sends them; {@link reportFromResponse} reads them back.
 */
export function reportHeaders(report: RunReport): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': report.media_type,
    'Content-Disposition': `${report.format === 'html' ? 'inline' : 'attachment'}; filename="${report.filename}"`,
    // JSON with every character past ASCII escaped: header values are bytes, and warnings hold "→" and "—".
    [REPORT_WARNINGS_HEADER]: JSON.stringify(report.warnings).replace(
      /[\u007f-\uffff]/g,
      (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ),
  };
  if (report.format === 'html') headers['Content-Security-Policy'] = REPORT_CONTENT_SECURITY_POLICY;
  return headers;
}

/** A report rebuilt from the HTTP answer {@link reportHeaders} describes: what a client of the API returns. */
export function reportFromResponse(
  request: { id: string; format?: 'html' | 'csv'; table?: 'trades' | 'equity' },
  headers: { get(name: string): string | null },
  content: string,
): RunReport {
  const format = request.format ?? 'html';
  const filename = /filename="([^"]*)"/.exec(headers.get('Content-Disposition') ?? '')?.[1];
  let warnings: string[] = [];
  try {
    const parsed: unknown = JSON.parse(headers.get(REPORT_WARNINGS_HEADER) ?? '[]');
    if (Array.isArray(parsed)) warnings = parsed.filter((w): w is string => typeof w === 'string');
  } catch {
    // a proxy mangled the header: the document itself is what matters
  }
  return {
    run_id: request.id,
    format,
    ...(request.table === undefined ? {} : { table: request.table }),
    media_type:
      headers.get('Content-Type') ??
      (format === 'html' ? 'text/html; charset=utf-8' : 'text/csv; charset=utf-8'),
    filename: filename ?? `report-${request.id}.${format}`,
    content,
    warnings,
  };
}
