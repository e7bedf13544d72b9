import { parseInterval } from '@aetherquant/core';

import { barFreshness, weekdayTimeBefore } from './bar-freshness';

// Every case is computed by hand from a calendar (UTC): 2026-11-27 is a Friday, 2026-11-28 a Saturday,
// 2026-11-30 a Monday, 2026-12-01 a Tuesday, 2026-12-02 a Wednesday, and 2025-03-07 a Friday.
const at = (iso: string) => Date.parse(iso);
const check = (interval: string, newest: string, now: string) =>
  barFreshness({ interval: parseInterval(interval), newestBarTime: at(newest), now: at(now) });

describe('barFreshness for daily bars', () => {
  it('refuses the case from the report: a 2025-03-07 close on 2026-12-02, when 2026-12-01 is expected', () => {
    expect(check('1d', '2025-03-07', '2026-12-02T15:00:00Z')).toEqual({
      stale: true,
      newestBar: '2025-03-07',
      expectedBar: '2026-12-01',
    });
  });

  it.each([
    ['Saturday noon', '2026-11-28T12:00:00Z'],
    ['Sunday night', '2026-11-29T23:00:00Z'],
    ['Monday morning', '2026-11-30T09:00:00Z'],
    ['Monday, a minute before midnight UTC', '2026-11-30T23:59:00Z'],
  ])("finds Friday's bar fresh on %s (Monday's session is not complete)", (_when, now) => {
    expect(check('1d', '2026-11-27', now)).toEqual({
      stale: false,
      newestBar: '2026-11-27',
      expectedBar: '2026-11-27',
    });
  });

  it("finds Friday's bar stale once Monday is over (Tuesday 00:00 UTC expects Monday's)", () => {
    expect(check('1d', '2026-11-27', '2026-12-01T00:00:00Z')).toEqual({
      stale: true,
      newestBar: '2026-11-27',
      expectedBar: '2026-11-30',
    });
  });

  it("finds Thursday's bar stale on Saturday (Friday's is expected)", () => {
    expect(check('1d', '2026-11-26', '2026-11-28T12:00:00Z')).toMatchObject({
      stale: true,
      expectedBar: '2026-11-27',
    });
  });

  it("accepts today's bar in progress, and a bar stamped during its day", () => {
    expect(check('1d', '2026-12-02', '2026-12-02T15:00:00Z').stale).toBe(false);
    expect(check('1d', '2026-12-01T14:30:00Z', '2026-12-02T15:00:00Z')).toEqual({
      stale: false,
      newestBar: '2026-12-01',
      expectedBar: '2026-12-01',
    });
  });
});

describe('barFreshness for weekly and monthly bars', () => {
  it('takes a week as complete at Saturday 00:00 UTC', () => {
    // The week of Monday 2026-11-23 ends on Friday 2026-11-27.
    expect(check('1wk', '2026-11-23', '2026-11-28T00:00:00Z')).toEqual({
      stale: false,
      newestBar: '2026-11-23',
      expectedBar: '2026-11-23',
    });
    // On Wednesday 2026-12-02 the week of 2026-11-30 is still running: 2026-11-23 is the latest complete.
    expect(check('1wk', '2026-11-23', '2026-12-02T12:00:00Z')).toMatchObject({
      stale: false,
      expectedBar: '2026-11-23',
    });
    expect(check('1wk', '2026-11-30', '2026-12-02T12:00:00Z').stale).toBe(false);
    // From Saturday 2026-12-05 the week of 2026-11-30 is expected.
    expect(check('1wk', '2026-11-23', '2026-12-05T00:00:00Z')).toEqual({
      stale: true,
      newestBar: '2026-11-23',
      expectedBar: '2026-11-30',
    });
  });

  it('reads a week dated on its Sunday as the week it starts, and 5d bars as weeks', () => {
    expect(check('1wk', '2026-11-22', '2026-11-28T12:00:00Z').stale).toBe(false);
    expect(check('5d', '2026-11-23', '2026-11-28T12:00:00Z').stale).toBe(false);
    expect(check('5d', '2026-11-16', '2026-11-28T12:00:00Z')).toMatchObject({
      stale: true,
      expectedBar: '2026-11-23',
    });
  });

  it('expects the previous month, and the previous quarter, across a year end', () => {
    expect(check('1mo', '2026-11-01', '2026-12-02T12:00:00Z')).toEqual({
      stale: false,
      newestBar: '2026-11-01',
      expectedBar: '2026-11-01',
    });
    expect(check('1mo', '2026-10-01', '2026-12-02T12:00:00Z')).toMatchObject({
      stale: true,
      expectedBar: '2026-11-01',
    });
    // On the last minute of November, October is still the latest complete month.
    expect(check('1mo', '2026-10-01', '2026-11-30T23:59:00Z').stale).toBe(false);
    expect(check('1mo', '2026-11-01', '2027-01-15T12:00:00Z')).toMatchObject({
      stale: true,
      expectedBar: '2026-12-01',
    });
    // Quarters begin in January, April, July and October; in Q4 2026 the latest complete one is Q3.
    expect(check('3mo', '2026-07-01', '2026-12-02T12:00:00Z')).toEqual({
      stale: false,
      newestBar: '2026-07-01',
      expectedBar: '2026-07-01',
    });
    expect(check('3mo', '2026-04-01', '2026-12-02T12:00:00Z').stale).toBe(true);
    expect(check('3mo', '2026-07-01', '2027-01-05T12:00:00Z')).toMatchObject({
      stale: true,
      expectedBar: '2026-10-01',
    });
  });
});

describe('barFreshness for intraday bars', () => {
  // A US session, 14:30–21:00 UTC: its last 5m bar starts at 20:55.
  it("accepts last night's final bar the next day, during the next session", () => {
    // One weekday-day before Tuesday 15:00 is Monday 15:00; a 5m bar ending then started at 14:55.
    expect(check('5m', '2026-11-30T20:55:00Z', '2026-12-01T15:00:00Z')).toEqual({
      stale: false,
      newestBar: '2026-11-30T20:55:00.000Z',
      expectedBar: '2026-11-30T14:55:00.000Z',
    });
  });

  it('refuses the bars of a session before the latest one', () => {
    // Tuesday 22:00: Tuesday's session is over, and the newest bar is still Monday's.
    expect(check('5m', '2026-11-30T20:55:00Z', '2026-12-01T22:00:00Z')).toEqual({
      stale: true,
      newestBar: '2026-11-30T20:55:00.000Z',
      expectedBar: '2026-11-30T21:55:00.000Z',
    });
  });

  it("accepts Friday's last bar over the weekend and on Monday before the session", () => {
    expect(check('5m', '2026-11-27T20:55:00Z', '2026-11-28T12:00:00Z').stale).toBe(false);
    // Monday 10:00 minus one weekday-day is Friday 10:00 (the weekend does not count).
    expect(check('5m', '2026-11-27T20:55:00Z', '2026-11-30T10:00:00Z')).toMatchObject({
      stale: false,
      expectedBar: '2026-11-27T09:55:00.000Z',
    });
    expect(check('5m', '2026-11-27T20:55:00Z', '2026-11-30T22:00:00Z')).toMatchObject({
      stale: true,
      expectedBar: '2026-11-27T21:55:00.000Z',
    });
  });

  it('counts the bar length: a 1h bar may start an hour before a 1m bar would have to', () => {
    expect(check('1h', '2026-11-30T21:00:00Z', '2026-12-01T22:00:00Z')).toMatchObject({
      stale: false,
      expectedBar: '2026-11-30T21:00:00.000Z',
    });
    expect(check('1m', '2026-11-30T21:00:00Z', '2026-12-01T22:00:00Z')).toMatchObject({
      stale: true,
      expectedBar: '2026-11-30T21:59:00.000Z',
    });
  });

  it('accepts the bar in progress', () => {
    expect(check('1m', '2026-12-01T15:59:00Z', '2026-12-01T15:59:30Z').stale).toBe(false);
  });
});

describe('weekdayTimeBefore', () => {
  it.each([
    ['2026-12-02T12:00:00Z', '2026-12-01T12:00:00.000Z'],
    ['2026-11-30T10:00:00Z', '2026-11-27T10:00:00.000Z'],
    ['2026-11-30T00:00:00Z', '2026-11-27T00:00:00.000Z'],
    ['2026-11-28T12:00:00Z', '2026-11-27T00:00:00.000Z'],
    ['2026-11-29T23:00:00Z', '2026-11-27T00:00:00.000Z'],
  ])('one weekday-day before %s is %s', (now, expected) => {
    expect(new Date(weekdayTimeBefore(at(now), 86_400_000)).toISOString()).toBe(expected);
  });
});
