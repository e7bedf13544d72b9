import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPORT_CONTENT_SECURITY_POLICY } from '@aetherquant/core';
import request from 'supertest';
import { ADMIN_KEY, ERROR_SHAPE, startedApi, testDatabases, TRADER_KEY } from './support/test-api';

/** One csv file, a price a day: a rise, a dip and a recovery, so the strategy trades and draws down. */
function marketFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aetherquant-api-report-'));
  const closes = [10, 11, 12, 11, 9.5, 10, 12, 13, 12.5, 14];
  const lines = closes.map((close, i) => {
    const date = new Date(Date.UTC(2024, 0, 1 + i + 2 * Math.floor(i / 5))).toISOString().slice(0, 10);
    return `${date},${close},${close},${close},${close},${close},1000`;
  });
  writeFileSync(join(dir, 'TRADE.csv'), `date,open,high,low,close,adj_close,volume\n${lines.join('\n')}\n`);
  return dir;
}

describe.each(testDatabases())('GET /api/runs/:id/report ($name)', (database) => {
  const api = startedApi(database, { env: { AETHERQ_DATA_DIR: marketFolder() } });
  // Reports follow the runs' permission: an admin reads any run; a trader runs backtests but reads no run.
  const get = (path: string) => request(api().url).get(path).set('X-API-Key', ADMIN_KEY);
  let runId: string;
  let backtest: Record<string, unknown>;
  const recordedWarnings = () =>
    ((backtest['warnings'] as string[] | undefined) ?? []).map(
      (warning) => `Recorded with the run: ${warning}`,
    );

  beforeAll(async () => {
    const answer = await request(api().url)
      .post('/api/backtest')
      .set('X-API-Key', TRADER_KEY)
      .send({
        symbol: 'TRADE',
        provider: 'csv',
        start: '2024-01-01',
        end: '2024-01-12',
        strategy: 'ma-cross',
        params: { fast: 2, slow: 3 },
        commission_bps: 0,
        slippage_bps: 0,
        initial_cash: 1000,
      })
      .expect(200);
    backtest = answer.body as Record<string, unknown>;
    runId = backtest['run_id'] as string;
  });

  it('answers the page itself: HTML that may load nothing, to read inline, its figures the recorded ones', async () => {
    const answer = await get(`/api/runs/${runId}/report`).expect(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['content-security-policy']).toBe(REPORT_CONTENT_SECURITY_POLICY);
    expect(answer.headers['content-disposition']).toBe(`inline; filename="report-${runId}.html"`);
    // The run's own warnings (no warm-up bars before the first day) travel with it, in a header.
    expect(JSON.parse(answer.headers['x-report-warnings'] as string)).toEqual(recordedWarnings());
    const page = answer.text;
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain(`<td data-value="${String(backtest['final_equity'])}">`);
    expect(page).toContain(`<td data-value="${String(backtest['annual_return'])}">`);
    expect(page).not.toMatch(/<script|https?:\/\//i);
  });

  it('answers a CSV table as an attachment: every trade, every bar', async () => {
    const trades = await get(`/api/runs/${runId}/report?format=csv&table=trades`).expect(200);
    expect(trades.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(trades.headers['content-disposition']).toBe(`attachment; filename="report-${runId}-trades.csv"`);
    const rows = trades.text.trimEnd().split('\n');
    expect(rows[0]).toBe('symbol,side,entry,exit,entry_price,exit_price,size,return,pnl,bars_held,open');
    expect(rows).toHaveLength((backtest['trades'] as number) + 1);
    const equity = await get(`/api/runs/${runId}/report?format=csv&table=equity`).expect(200);
    expect(equity.text.trimEnd().split('\n')).toHaveLength((backtest['rows'] as number) + 1);
  });

  it('refuses what it cannot answer with JSON errors naming the field', async () => {
    const noTable = await get(`/api/runs/${runId}/report?format=csv`).expect(400);
    expect(noTable.body).toMatchObject(ERROR_SHAPE);
    expect(JSON.stringify(noTable.body)).toMatch(/table.*required with format csv/);
    const badFormat = await get(`/api/runs/${runId}/report?format=pdf`).expect(400);
    expect(JSON.stringify(badFormat.body)).toMatch(/format/);
    await get('/api/runs/01a1ffed-0000-7000-8000-000000000000/report').expect(404);
    await request(api().url).get(`/api/runs/${runId}/report`).expect(401);
    await request(api().url).get(`/api/runs/${runId}/report`).set('X-API-Key', TRADER_KEY).expect(403);
  });
});
