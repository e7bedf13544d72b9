import { AetherError, type BarSeries } from '@aetherquant/core';
import { maCrossStrategy, momentumStrategy, type Strategy } from '@aetherquant/strategies';
import { dailyBars, randomWalk } from '../../testing/series';
import { type ParameterGrid } from './parameter-grid';
import { mergeSweepParts, runSweep, runSweepPart, type SweepOptions, type SweepPart } from './run-sweep';
import { RANK_METRICS } from './sweep-plan';

const costs = { initialCash: 100_000, commissionBps: 2, slippageBps: 3 };

/** `count` combinations cut at the given sizes (the last part takes the rest). */
function cuts(count: number, sizes: number[]): { first: number; count: number }[] {
  const parts: { first: number; count: number }[] = [];
  let first = 0;
  for (const size of sizes) {
    if (first >= count) break;
    const length = Math.min(size, count - first);
    parts.push({ first, count: length });
    first += length;
  }
  if (first < count) parts.push({ first, count: count - first });
  return parts;
}

async function partsOf(
  series: BarSeries,
  strategy: Strategy,
  grid: ParameterGrid,
  options: SweepOptions,
  pieces: { first: number; count: number }[],
): Promise<SweepPart[]> {
  // Through JSON, as a part travels through the job queue.
  const parts = await Promise.all(
    pieces.map((piece) => runSweepPart(series, strategy, grid, options, piece)),
  );
  return JSON.parse(JSON.stringify(parts)) as SweepPart[];
}

describe('a sweep computed in parts (a distributed sweep)', () => {
  const series = randomWalk(400, 7);
  const grid = { fast: [2, 3, 5, 8, 13, 21, 34], slow: [10, 20, 30, 40, 60, 80] };

  it.each(RANK_METRICS)(
    'merges into exactly the one-machine ranking by %s, however it is cut',
    async (rankBy) => {
      const options = { ...costs, rankBy, top: 10, workers: 1 };
      const whole = await runSweep(series, maCrossStrategy, grid, options);
      for (const sizes of [[1], [5, 5, 5], [13], [41], [7, 1, 30]]) {
        const pieces = cuts(42, sizes);
        const parts = await partsOf(series, maCrossStrategy, grid, options, pieces);
        // In any order of arrival.
        const merged = mergeSweepParts(series, maCrossStrategy, grid, options, [...parts].reverse());
        expect(merged).toEqual({ ...whole, workers: pieces.length });
      }
    },
  );

  it('keeps grid order among ties, across part boundaries', async () => {
    // A flat series: every combination trades nothing, so every figure ties and grid order alone ranks.
    const flat = dailyBars(Array.from({ length: 120 }, () => 100));
    const options = { ...costs, top: 'all' as const, workers: 1 };
    const tied = { lookback: [5, 10, 20, 40, 60, 80, 100] };
    const whole = await runSweep(flat, momentumStrategy, tied, options);
    expect(new Set(whole.results.map((row) => row.totalReturn)).size).toBe(1);
    const parts = await partsOf(flat, momentumStrategy, tied, options, cuts(7, [3, 1]));
    expect(mergeSweepParts(flat, momentumStrategy, tied, options, parts).results).toEqual(whole.results);
  });

  it('counts skipped combinations as one machine does, and fails as it does when none can run', async () => {
    const short = randomWalk(45, 3);
    const options = { ...costs, top: 5, workers: 1 };
    const whole = await runSweep(short, maCrossStrategy, grid, options);
    const parts = await partsOf(short, maCrossStrategy, grid, options, cuts(42, [10, 10, 10]));
    expect(whole.skippedTooFewBars).toBeGreaterThan(0);
    expect(mergeSweepParts(short, maCrossStrategy, grid, options, parts)).toEqual({ ...whole, workers: 4 });

    const tooShort = randomWalk(8, 3);
    const oneMachine = await runSweep(tooShort, maCrossStrategy, grid, options).catch(
      (error: unknown) => error,
    );
    const tinyParts = await partsOf(tooShort, maCrossStrategy, grid, options, cuts(42, [20]));
    expect(() => mergeSweepParts(tooShort, maCrossStrategy, grid, options, tinyParts)).toThrow(
      (oneMachine as AetherError).message,
    );
  });

  it('refuses parts that do not cover the grid once each, and a part outside it', async () => {
    const options = { ...costs, workers: 1 };
    const parts = await partsOf(series, maCrossStrategy, grid, options, cuts(42, [20]));
    for (const broken of [parts.slice(1), [...parts, parts[0] as SweepPart], [parts[0] as SweepPart]]) {
      expect(() => mergeSweepParts(series, maCrossStrategy, grid, options, broken)).toThrow(
        "the sweep's parts do not cover its 42 combinations once each",
      );
    }
    await expect(
      runSweepPart(series, maCrossStrategy, grid, options, { first: 40, count: 3 }),
    ).rejects.toThrow("sweep part [40, 43) is not within the grid's 42 combinations");
  });

  it('computes a part on worker threads as it does inline', async () => {
    const options = { ...costs, top: 8 };
    const inline = await runSweepPart(
      series,
      maCrossStrategy,
      grid,
      { ...options, workers: 1 },
      { first: 6, count: 30 },
    );
    const threaded = await runSweepPart(
      series,
      maCrossStrategy,
      grid,
      { ...options, workers: 2 },
      { first: 6, count: 30 },
    );
    expect(threaded).toEqual(inline);
  });
});
