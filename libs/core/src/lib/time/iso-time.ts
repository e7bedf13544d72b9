import { AetherError } from '../errors/aether-error';
import { type Interval } from './interval';

export const DAY_MS = 86_400_000;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an ISO-8601 date (`2019-12-31`, midnight UTC) or a timestamp with a zone (`2019-12-31T14:30:00Z`,
 * `…+01:00`) to epoch milliseconds. Rejects dates that do not exist (`2019-02-30`) instead of rolling over.
 */
export function parseIsoTime(text: string, field = 'date'): number {
  const trimmed = text.trim();
  const date = DATE_ONLY.exec(trimmed);
  const stamp = date ? undefined : TIMESTAMP.exec(trimmed);
  const parts = date ?? stamp;
  if (!parts) {
    throw AetherError.invalid([
      {
        field,
        rule: `must be an ISO date (YYYY-MM-DD) or timestamp with a zone (got ${JSON.stringify(text)})`,
      },
    ]);
  }
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const [hour, minute, second] = stamp
    ? [Number(stamp[4]), Number(stamp[5]), Number(stamp[6] ?? 0)]
    : [0, 0, 0];
  const millis = stamp?.[7] ? Number(stamp[7].padEnd(3, '0')) : 0;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(utc);
  const exists =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  const offset = zoneOffsetMs(stamp?.[8]);
  if (!exists || offset === undefined) {
    throw AetherError.invalid([{ field, rule: `is not a real date or time (got ${JSON.stringify(text)})` }]);
  }
  return utc - offset;
}

/** The zone's offset from UTC in ms, or `undefined` for an impossible one such as `+00:60`. */
function zoneOffsetMs(zone: string | undefined): number | undefined {
  if (!zone || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const [hours, minutes] = zone.slice(1).split(':').map(Number) as [number, number];
  if (hours > 23 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes) * 60_000;
}

/** `2019-12-31` for a UTC midnight. */
export function formatIsoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** How bar times appear in JSON (GUIDE §2): a date for daily and longer bars, a full timestamp intraday. */
export function formatBarTime(epochMs: number, interval: Interval): string {
  return interval.intraday ? new Date(epochMs).toISOString() : formatIsoDate(epochMs);
}
