import { runWorkflow } from '../workflow/workflow';
import { barsWorkflow } from './bars.workflow';
import { type FetchSymbolResult, fetchWorkflow } from './fetch.workflow';
import { FIXED_NOW, OFFLINE_SETTINGS } from '../../testing/offline-context';

const settings = OFFLINE_SETTINGS;
const now = FIXED_NOW;
const context = { context: { settings, now } };

describe('barsWorkflow', () => {
  it('needs the fetch permission', () => {
    expect(barsWorkflow.useCase.permission).toBe('fetch');
  });

  it('returns fetch’s summary and the bars as columns, ascending', async () => {
    const request = { symbol: 'spy', period: '1mo' };
    const bars = await runWorkflow(barsWorkflow, request, context);
    const { summary, series } = (await runWorkflow(fetchWorkflow, request, context)) as FetchSymbolResult;
    const { time, open, high, low, close, volume, ...head } = bars;
    expect(head).toEqual(summary);
    expect(head).toMatchObject({ symbol: 'SPY', provider: 'synthetic', interval: '1d', last: '2024-05-31' });
    expect(time).toHaveLength(summary.rows);
    expect(time[0]).toBe(summary.first);
    expect(time[time.length - 1]).toBe(summary.last);
    expect([...time].sort()).toEqual(time);
    expect(close).toEqual(Array.from(series.close));
    for (const column of [open, high, low, volume]) expect(column).toHaveLength(summary.rows);
    expect(high.every((value, i) => value >= (low[i] as number))).toBe(true);
  });

  it('refuses a folder or an output: the server reads and writes no path a caller names', async () => {
    await expect(
      runWorkflow(barsWorkflow, { symbol: 'SPY', data_dir: '/etc', output: '/tmp/x.csv' }, context),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: {
        violations: [
          { field: 'data_dir', rule: 'is not a known field' },
          { field: 'output', rule: 'is not a known field' },
        ],
      },
    });
  });
});
