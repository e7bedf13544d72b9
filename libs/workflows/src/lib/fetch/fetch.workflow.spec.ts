import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AetherError, parseSettings } from '@aetherquant/core';
import { runWorkflow } from '../workflow/workflow';
import { type FetchSymbolResult, fetchWorkflow } from './fetch.workflow';

const settings = (env: Record<string, string> = {}) =>
  parseSettings({ AETHERQ_CACHE_DIR: 'none', ...env }).settings;
// Monday 2024-06-03, noon UTC: synthetic history ends on Friday 2024-05-31.
const now = () => Date.UTC(2024, 5, 3, 12);

describe('fetchWorkflow', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aetherquant-fetch-'));

  it('needs the fetch permission', () => {
    expect(fetchWorkflow.useCase.permission).toBe('fetch');
  });

  it('writes the bars as CSV and summarises them', async () => {
    const output = join(dir, 'nested', 'spy.csv');
    const result = (await runWorkflow(
      fetchWorkflow,
      { symbol: 'spy', period: '5d', provider: 'synthetic', output },
      { context: { settings: settings(), now } },
    )) as FetchSymbolResult;
    expect(result.summary).toEqual({
      symbol: 'SPY',
      provider: 'synthetic',
      interval: '1d',
      rows: 5,
      first: '2024-05-27',
      last: '2024-05-31',
      output,
    });
    const lines = readFileSync(output, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('date,open,high,low,close,volume');
    // Each row is the series' bar, numbers written in full.
    expect(lines[5]).toBe(
      [
        '2024-05-31',
        ...(['open', 'high', 'low', 'close', 'volume'] as const).map((c) => String(result.series[c][4])),
      ].join(','),
    );
  });

  it('uses the settings for the provider and its folder', async () => {
    writeFileSync(join(dir, 'ABC.csv'), 'date,open,high,low,close,volume\n2020-01-02,1,2,0.5,1.5,10\n');
    const result = (await runWorkflow(
      fetchWorkflow,
      { symbol: 'ABC', period: 'max' },
      { context: { settings: settings({ AETHERQ_DATA_PROVIDER: 'csv', AETHERQ_DATA_DIR: dir }) } },
    )) as FetchSymbolResult;
    expect(result.summary).toMatchObject({
      provider: 'csv',
      rows: 1,
      first: '2020-01-02',
      last: '2020-01-02',
    });
    expect(result.summary.output).toBeUndefined();
  });

  it('returns the CSV text for standard output', async () => {
    const result = (await runWorkflow(
      fetchWorkflow,
      { symbol: 'QQQ', start: '2024-05-30', end: '2024-05-31', provider: 'synthetic', output: '-' },
      { context: { settings: settings(), now } },
    )) as FetchSymbolResult;
    expect(
      result.csv
        ?.split('\n')
        .slice(0, 3)
        .map((line) => line.slice(0, 10)),
    ).toEqual(['date,open,', '2024-05-30', '2024-05-31']);
    expect(result.summary.output).toBe('-');
  });

  it('names fields as the caller spells them, for deep checks too', async () => {
    const run = runWorkflow(
      fetchWorkflow,
      { symbol: 'SPY', provider: 'csv', data_dir: join(dir, 'missing') },
      { context: { settings: settings() }, fieldName: (field) => `--${field.replace(/_/g, '-')}` },
    );
    await expect(run).rejects.toBeInstanceOf(AetherError);
    await expect(run).rejects.toThrow(`--data-dir is not a directory: ${join(dir, 'missing')}`);
  });

  it('rejects an unknown provider and a negative seed together', async () => {
    const run = runWorkflow(
      fetchWorkflow,
      { symbol: 'SPY', provider: 'bloomberg', seed: -1 },
      { context: { settings: settings() } },
    );
    await expect(run).rejects.toThrow(
      'fetch request: provider must be one of "yahoo", "csv", "synthetic" (got "bloomberg"); seed must be at least 0 (got -1)',
    );
  });
});
