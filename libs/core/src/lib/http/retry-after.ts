/** `Sun, 06 Nov 1994 08:49:37 GMT`: the one date format a sender must use (RFC 9110 §5.6.7, IMF-fixdate). */
const IMF_FIXDATE = /^\s*[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT\s*$/;

/**
 * The seconds a `Retry-After` header asks to wait, in its delta-seconds form (`120`); `undefined` for an
 * absent header, an HTTP date or anything else. What the AetherQuant API sends, and all a caller shown
 * "retry in N seconds" needs.
 */
export function retryAfterSeconds(header: string | null | undefined): number | undefined {
  if (header === null || header === undefined || !/^\s*\d+\s*$/.test(header)) return undefined;
  return Number(header);
}

/**
 * How long a `Retry-After` header asks to wait from `nowMs`, in ms: delta-seconds (`120` is 120 000) or an
 * HTTP date (a date already past is 0). `undefined` for an absent header or one in neither form, so that
 * a caller falls back on its own backoff.
 */
export function retryAfterMs(header: string | null | undefined, nowMs: number): number | undefined {
  const seconds = retryAfterSeconds(header);
  if (seconds !== undefined) return seconds * 1000;
  if (header === null || header === undefined || !IMF_FIXDATE.test(header)) return undefined;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
