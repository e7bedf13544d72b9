import { drawnIndices, logTicks, niceTicks, timeTicks, valueScale } from './scale';

const day = (date: string) => Date.parse(`${date}T00:00:00Z`);

describe('niceTicks and logTicks', () => {
  it('steps by 1, 2 or 5 × 10^k', () => {
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(95_000, 131_000, 5)).toEqual([100_000, 110_000, 120_000, 130_000]);
    expect(niceTicks(-0.43, 0, 4)).toEqual([-0.4, -0.3, -0.2, -0.1, 0]);
  });

  it('puts log ticks at 1, 2 and 5 × 10^k', () => {
    // Under a decade: finer steps (1, 1.5, 2, 3, 5, 7 × 10^k).
    expect(logTicks(50_000, 400_000)).toEqual([50_000, 70_000, 100_000, 150_000, 200_000, 300_000]);
    expect(logTicks(50_000, 2_000_000)).toEqual([50_000, 100_000, 200_000, 500_000, 1_000_000, 2_000_000]);
    expect(logTicks(1, 1e6)).toEqual([1, 10, 100, 1000, 10_000, 100_000, 1_000_000]);
  });
});

describe('valueScale', () => {
  it('maps the padded range onto the pixels, top up', () => {
    const scale = valueScale([[0, 100]], 0, 110);
    // Range −5 … 105 (5 % padding) onto 110 … 0.
    expect(scale.y(-5)).toBeCloseTo(110, 9);
    expect(scale.y(105)).toBeCloseTo(0, 9);
    expect(scale.y(50)).toBeCloseTo(55, 9);
  });

  it('includes a baseline without padding past it, and spaces a log scale by ratios', () => {
    const drawdown = valueScale([[-0.5, -0.1]], 0, 100, { include: 0 });
    expect(drawdown.y(0)).toBeCloseTo(0, 9);
    // A drawdown that never leaves 0: a finite scale all the same.
    const flat = valueScale([[0, 0, 0]], 0, 100, { include: 0 });
    expect(Number.isFinite(flat.y(0))).toBe(true);
    expect(flat.ticks.every(Number.isFinite)).toBe(true);
    const log = valueScale([[100, 10_000]], 0, 100, { log: true });
    expect(log.y(100) - log.y(1000)).toBeCloseTo(log.y(1000) - log.y(10_000), 9);
  });
});

describe('timeTicks', () => {
  it('labels the first bar of each year over long runs and of each month over short ones', () => {
    const years = [
      day('2019-12-30'),
      day('2020-01-02'),
      day('2020-06-01'),
      day('2021-01-04'),
      day('2022-01-03'),
    ];
    expect(timeTicks(years)).toEqual([
      { index: 0, label: '2019' },
      { index: 1, label: '2020' },
      { index: 3, label: '2021' },
      { index: 4, label: '2022' },
    ]);
    const months = [day('2024-01-02'), day('2024-01-30'), day('2024-02-01'), day('2024-03-04')];
    expect(timeTicks(months)).toEqual([
      { index: 0, label: 'Jan 24' },
      { index: 2, label: 'Feb 24' },
      { index: 3, label: 'Mar 24' },
    ]);
  });
});

describe('timeTicks of short runs', () => {
  it('labels days over a few weeks, and hours within a day or two', () => {
    const days = ['2024-06-03', '2024-06-04', '2024-06-05'].map((d) => Date.parse(`${d}T00:00:00Z`));
    expect(timeTicks(days)).toEqual([
      { index: 0, label: 'Jun 3' },
      { index: 1, label: 'Jun 4' },
      { index: 2, label: 'Jun 5' },
    ]);
    const minutes = Array.from({ length: 6 }, (_, i) => Date.parse('2024-06-03T13:30:00Z') + i * 30 * 60_000);
    expect(timeTicks(minutes).map((tick) => tick.label)).toEqual(['13:30', '14:00', '15:00', '16:00']);
  });
});

describe('drawnIndices', () => {
  it('keeps every point of a short series and the extremes of each bucket of a long one', () => {
    expect(drawnIndices(3, [[1, 2, 3]], 10)).toEqual([0, 1, 2]);
    const values = Array.from({ length: 10_000 }, (_, i) => Math.sin(i / 50) + (i === 4321 ? 10 : 0));
    const kept = drawnIndices(values.length, [values], 2000);
    expect(kept.length).toBeLessThanOrEqual(2000);
    expect(kept).toContain(4321); // the spike survives
    expect(kept[0]).toBe(0);
    expect(kept[kept.length - 1]).toBe(9999);
  });
});
