import { invalidArgumentOf } from '../../testing/error-of';
import { calendarReturns } from './calendar-returns';

const day = (date: string) => Date.parse(`${date}T00:00:00Z`);

describe('calendarReturns', () => {
  // Jan: 100 → 110 → 99; Feb: 108.9; Mar: 130.68 → 117.612.
  const time = ['2024-01-02', '2024-01-15', '2024-01-31', '2024-02-29', '2024-03-01', '2024-03-28'].map(day);
  const equity = [100, 110, 99, 108.9, 130.68, 117.612];

  it('compounds each month from the last bar of the month before (the first bar for the first month)', () => {
    const months = calendarReturns(time, equity, 'month');
    expect(months.map(({ year, month, first, last }) => [year, month, first, last])).toEqual([
      [2024, 1, 0, 2],
      [2024, 2, 3, 3],
      [2024, 3, 4, 5],
    ]);
    // Jan: 99 / 100 − 1 = −0.01; Feb: 108.9 / 99 − 1 = 0.1; Mar: 117.612 / 108.9 − 1 = 0.08.
    expect(months[0]?.return).toBeCloseTo(-0.01, 14);
    expect(months[1]?.return).toBeCloseTo(0.1, 14);
    expect(months[2]?.return).toBeCloseTo(0.08, 14);
  });

  it('gives years the same way, and months compound to their year', () => {
    const time2 = [...time, day('2025-01-02'), day('2025-06-30')];
    const equity2 = [...equity, 105.8508, 127.02096];
    const years = calendarReturns(time2, equity2, 'year');
    // 2024: 117.612 / 100 − 1; 2025: 127.02096 / 117.612 − 1 = 0.08.
    expect(years.map((y) => [y.year, y.month])).toEqual([
      [2024, null],
      [2025, null],
    ]);
    expect(years[0]?.return).toBeCloseTo(0.17612, 14);
    expect(years[1]?.return).toBeCloseTo(0.08, 14);
    const months = calendarReturns(time2, equity2, 'month');
    const compounded = (year: number) =>
      months.filter((m) => m.year === year).reduce((product, m) => product * (1 + m.return), 1) - 1;
    expect(compounded(2024)).toBeCloseTo(years[0]?.return as number, 14);
    expect(compounded(2025)).toBeCloseTo(years[1]?.return as number, 14);
  });

  it('agrees with an independent grouping of daily returns by month, over a long random curve', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const times: number[] = [];
    const curve: number[] = [];
    let value = 1000;
    for (let t = day('2019-12-30'); t < day('2023-03-01'); t += 86_400_000) {
      if ([0, 6].includes(new Date(t).getUTCDay())) continue;
      value *= 1 + (random() - 0.5) * 0.04;
      times.push(t);
      curve.push(value);
    }
    // Independent: compound the simple returns, each grouped by the "YYYY-MM" of the bar it ends on.
    const byMonth = new Map<string, number>();
    byMonth.set(new Date(times[0] as number).toISOString().slice(0, 7), 1);
    for (let t = 1; t < curve.length; t++) {
      const key = new Date(times[t] as number).toISOString().slice(0, 7);
      const growth = (curve[t] as number) / (curve[t - 1] as number);
      byMonth.set(key, (byMonth.get(key) ?? 1) * growth);
    }
    const months = calendarReturns(times, curve, 'month');
    expect(months).toHaveLength(byMonth.size);
    for (const m of months) {
      const key = `${m.year}-${String(m.month).padStart(2, '0')}`;
      expect(m.return).toBeCloseTo((byMonth.get(key) as number) - 1, 12);
    }
  });

  it('gives one period of return 0 for a single bar', () => {
    expect(calendarReturns([day('2024-05-01')], [100], 'month')).toEqual([
      { year: 2024, month: 5, return: 0, first: 0, last: 0 },
    ]);
  });

  it('refuses times out of order, of the wrong length, and bad equity, naming the field', () => {
    expect(invalidArgumentOf(() => calendarReturns([2, 1], [100, 101], 'month')).message).toMatch(
      /time\[1\]/,
    );
    expect(invalidArgumentOf(() => calendarReturns([1], [100, 101], 'year')).message).toMatch(
      /time.*one time per equity point/,
    );
    expect(invalidArgumentOf(() => calendarReturns([1, 2], [100, 0], 'year')).message).toMatch(/equity\[1\]/);
  });
});
