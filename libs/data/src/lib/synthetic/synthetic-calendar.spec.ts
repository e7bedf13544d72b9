import { DAY_MS } from '@aetherquant/core';
import {
  businessDayTime,
  firstBusinessDayAtOrAfter,
  HISTORY_START,
  lastAvailableDay,
  lastBusinessDayBefore,
  monthIndexOfEpochDay,
  monthStartTime,
} from './synthetic-calendar';

const HOUR = 3_600_000;
const isWeekday = (time: number) => ![0, 6].includes(new Date(time).getUTCDay());
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

describe('the synthetic business-day calendar', () => {
  it('starts on Monday 1990-01-01 and numbers the weekdays from there', () => {
    expect(iso(HISTORY_START)).toBe('1990-01-01');
    expect(new Date(HISTORY_START).getUTCDay()).toBe(1);
    expect([0, 4, 5, 9, 10].map((d) => iso(businessDayTime(d)))).toEqual([
      '1990-01-01',
      '1990-01-05',
      '1990-01-08',
      '1990-01-12',
      '1990-01-15',
    ]);
  });

  it('maps every weekday from 1990 to 2040 to the next index, and skips no weekday', () => {
    let d = 0;
    const wrong: string[] = [];
    for (let time = HISTORY_START; time < Date.UTC(2040, 0, 1); time += DAY_MS) {
      if (!isWeekday(time)) continue;
      if (businessDayTime(d) !== time) wrong.push(`${d}: ${iso(businessDayTime(d))}, not ${iso(time)}`);
      d++;
    }
    expect(wrong).toEqual([]);
    expect(d).toBe(13_045); // 18,262 days: 2,608 weeks, then Monday to Saturday (5 weekdays)
  });

  it('finds the first business day at or after, and the last before, any instant', () => {
    // Every hour over four weeks, against a day-by-day search with Date.
    for (let time = Date.UTC(2019, 2, 1); time < Date.UTC(2019, 2, 29); time += HOUR) {
      let after = Math.ceil(time / DAY_MS) * DAY_MS;
      while (!isWeekday(after)) after += DAY_MS;
      let before = Math.ceil(time / DAY_MS) * DAY_MS - DAY_MS;
      while (!isWeekday(before)) before -= DAY_MS;
      expect(businessDayTime(firstBusinessDayAtOrAfter(time))).toBe(after);
      expect(businessDayTime(lastBusinessDayBefore(time))).toBe(before);
    }
    expect(firstBusinessDayAtOrAfter(Date.UTC(1985, 0, 1))).toBeLessThan(0);
    expect(lastBusinessDayBefore(HISTORY_START)).toBe(-1);
    expect(lastBusinessDayBefore(HISTORY_START + 1)).toBe(0);
  });

  it('makes the last available day the last weekday strictly before the UTC date of now', () => {
    const last = (now: number) => iso(businessDayTime(lastAvailableDay(now)));
    expect(last(Date.UTC(2024, 5, 3, 12))).toBe('2024-05-31'); // Monday → Friday
    expect(last(Date.UTC(2024, 5, 3, 0))).toBe('2024-05-31'); // Monday midnight → Friday
    expect(last(Date.UTC(2024, 5, 4, 23, 59))).toBe('2024-06-03'); // Tuesday → Monday
    expect(last(Date.UTC(2024, 5, 8, 12))).toBe('2024-06-07'); // Saturday → Friday
    expect(last(Date.UTC(2024, 5, 9, 12))).toBe('2024-06-07'); // Sunday → Friday
    expect(lastAvailableDay(Date.UTC(1990, 0, 1, 18))).toBe(-1); // nothing before the first session
  });

  it('finds the month of any day as Date does, and the first of that month', () => {
    const wrong: string[] = [];
    for (let time = Date.UTC(1970, 0, 1); time < Date.UTC(2101, 0, 1); time += DAY_MS) {
      const date = new Date(time);
      const month = monthIndexOfEpochDay(time / DAY_MS);
      if (month !== date.getUTCFullYear() * 12 + date.getUTCMonth()) wrong.push(iso(time));
      if (date.getUTCDate() === 1 && monthStartTime(month) !== time) wrong.push(`start of ${iso(time)}`);
    }
    expect(wrong).toEqual([]);
  });
});
