// The job threads keep what jobs share: a distributed sweep's chunks on one worker load their bars once per
// version of the data, and a new version loads afresh. Real threads (the workflows build provides the script)
// over a real csv file, which the test removes between chunks.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AetherError, parseSettings } from '@aetherquant/core';
import { type SweepPart } from '@aetherquant/backtest';
import { rejection } from '@aetherquant/testing';
import { type JobExecution } from './job-engine';
import { threadJobExecutor } from './thread-job-executor';

jest.setTimeout(30_000);

/** 400 daily bars of a seeded walk, as a csv file the csv provider reads. */
function writeBars(file: string): void {
  const rows = ['Date,Open,High,Low,Close,Volume'];
  let price = 100;
  let state = 7;
  for (let day = 0; day < 400; day++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    price *= 1 + 0.02 * (state / 4294967296 - 0.5);
    const date = new Date(Date.UTC(2022, 0, 3) + day * 86_400_000).toISOString().slice(0, 10);
    rows.push(`${date},${price},${price},${price},${price},1000`);
  }
  writeFileSync(file, `${rows.join('\n')}\n`);
}

describe('threadJobExecutor', () => {
  const folder = mkdtempSync(join(tmpdir(), 'aq-job-threads-'));
  const settings = parseSettings({
    AETHERQ_DATA_PROVIDER: 'csv',
    AETHERQ_DATA_DIR: folder,
    AETHERQ_DATABASE_URL: 'none',
    AETHERQ_CACHE_DIR: 'none',
  }).settings;
  const request = { symbol: 'SPY', period: 'max', grid: { fast: [3, 5, 8, 13], slow: [20, 30, 50] } };

  function chunk(first: number, count: number, dataVersion: string): JobExecution {
    return {
      jobId: `job-${'c'.repeat(32)}`,
      signal: new AbortController().signal,
      progress: () => undefined,
      dataVersion,
      sweep: { step: 'chunk', chunk: { first, count } },
    };
  }

  it("loads a sweep's bars once per data version: later chunks of that version read them from the thread", async () => {
    writeBars(join(folder, 'SPY.csv'));
    const execute = threadJobExecutor({ settings });
    const first = await execute('sweep', request, chunk(0, 6, 'v1'));
    expect((first.result as SweepPart).evaluated).toBe(6);

    rmSync(join(folder, 'SPY.csv'));
    // Same version: computed from the bars the thread kept, though the file is gone.
    const second = await execute('sweep', request, chunk(6, 6, 'v1'));
    expect(second.result).toMatchObject({ first: 6, count: 6, evaluated: 6 });
    // Another version is other data: loaded afresh, and the file is gone.
    const error = await rejection(execute('sweep', request, chunk(0, 6, 'v2')), 'DATA_UNAVAILABLE');
    expect(error).toBeInstanceOf(AetherError);
  });
});
