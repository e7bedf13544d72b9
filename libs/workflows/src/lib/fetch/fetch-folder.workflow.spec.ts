import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSettings } from '@aetherquant/core';
import { runWorkflow } from '../workflow/workflow';
import { fetchWorkflow } from './fetch.workflow';

const settings = () => parseSettings({ AETHERQ_CACHE_DIR: 'none' }).settings;
/** Synthetic history ends on the last weekday before the clock's UTC date. */
const monday = (day: number) => () => Date.UTC(2024, 5, day, 12);

async function fetchInto(dataDir: string, symbols: string[], now: () => number, extra: object = {}) {
  const result = await runWorkflow(
    fetchWorkflow,
    { symbols, data_dir: dataDir, provider: 'synthetic', period: '1mo', ...extra },
    { context: { settings: settings(), now } },
  );
  if (!('folder' in result)) throw new Error('expected a folder result');
  return result.folder;
}

describe('fetch of several symbols into a folder', () => {
  it('creates one file per symbol, then appends only the bars after each file’s last one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aetherquant-folder-'));
    const first = await fetchInto(dir, ['spy', 'QQQ'], monday(3)); // history to Friday 2024-05-31
    expect(first).toMatchObject({ provider: 'synthetic', interval: '1d', data_dir: dir, failed: [] });
    expect(first.symbols.map((file) => [file.symbol, file.status, file.last])).toEqual([
      ['SPY', 'created', '2024-05-31'],
      ['QQQ', 'created', '2024-05-31'],
    ]);
    const before = readFileSync(join(dir, 'SPY.csv'), 'utf8');

    const second = await fetchInto(dir, ['SPY', 'QQQ'], monday(10)); // a week later: 3 to 7 June
    expect(second.symbols[0]).toEqual({
      symbol: 'SPY',
      status: 'updated',
      rows_added: 5,
      rows: (first.symbols[0]?.rows as number) + 5,
      first: first.symbols[0]?.first,
      last: '2024-06-07',
      file: join(dir, 'SPY.csv'),
    });
    const after = readFileSync(join(dir, 'SPY.csv'), 'utf8');
    // The old rows are untouched: the file grew by five lines at its end.
    expect(after.startsWith(before)).toBe(true);
    expect(
      after
        .slice(before.length)
        .trimEnd()
        .split('\n')
        .map((line) => line.slice(0, 10)),
    ).toEqual(['2024-06-03', '2024-06-04', '2024-06-05', '2024-06-06', '2024-06-07']);

    const third = await fetchInto(dir, ['SPY'], monday(10));
    expect(third.symbols[0]).toMatchObject({ status: 'unchanged', rows_added: 0, last: '2024-06-07' });
  });

  it('rewrites a file whole when the source gives its bars differently, and says which bar changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aetherquant-folder-'));
    await fetchInto(dir, ['SPY'], monday(3));
    // Another seed: other prices for the same dates, as a re-adjusted history would be.
    const rewritten = await fetchInto(dir, ['SPY'], monday(10), { seed: 7 });
    expect(rewritten.symbols[0]).toMatchObject({ status: 'rewritten', rows_added: 5, last: '2024-06-07' });
    expect(rewritten.symbols[0]?.reason).toMatch(
      /^the bar of 2024-05-31 changed \(open .* at the source \(history re-adjusted/,
    );
    const fresh = await runWorkflow(
      fetchWorkflow,
      {
        symbol: 'SPY',
        provider: 'synthetic',
        seed: 7,
        start: rewritten.symbols[0]?.first,
        end: '2024-06-07',
        output: '-',
      },
      { context: { settings: settings(), now: monday(10) } },
    );
    expect('csv' in fresh && fresh.csv).toBe(readFileSync(join(dir, 'SPY.csv'), 'utf8'));
  });

  it('reports a failing symbol with its error and keeps the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aetherquant-folder-'));
    // A file of intraday bars cannot be brought up to date with daily ones.
    const intraday = 'datetime,open,high,low,close,volume\n2024-05-31T14:30:00Z,1,2,0.5,1.5,10\n';
    writeFileSync(join(dir, 'BAD.csv'), intraday);
    const folder = await fetchInto(dir, ['SPY', 'BAD', 'QQQ'], monday(3));
    expect(folder.symbols.map((file) => file.status)).toEqual(['created', 'failed', 'created']);
    expect(folder.failed).toEqual(['BAD']);
    expect(folder.symbols[1]).toEqual({
      symbol: 'BAD',
      status: 'failed',
      error: {
        code: 'INVALID_ARGUMENT',
        message: expect.stringContaining(`1d does not match ${join(dir, 'BAD.csv')}`),
      },
    });
    expect(readFileSync(join(dir, 'BAD.csv'), 'utf8')).toBe(intraday);
  });

  it('refuses a bad request before fetching anything, every problem at once', async () => {
    const run = runWorkflow(
      fetchWorkflow,
      { symbols: ['SPY', 'spy', 'S P'], provider: 'csv', output: 'x.csv' },
      { context: { settings: settings() } },
    );
    await expect(run).rejects.toThrow(
      'output is for one symbol: several symbols are written as <SYMBOL>.csv files into data_dir',
    );
    const folderless = runWorkflow(
      fetchWorkflow,
      { symbols: ['SPY', 'spy', 'S P'], provider: 'csv' },
      { context: { settings: settings() } },
    );
    await expect(folderless).rejects.toThrow(
      /symbols\[2\] must be .*; symbols must be distinct \(SPY given twice\); data_dir is required with symbols.*; provider csv reads the folder/,
    );
  });
});
