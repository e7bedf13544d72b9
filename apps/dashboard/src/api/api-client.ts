import { createApiClient, type ApiClient } from '@aetherquant/client';

/**
 * The client the dashboard talks through. The API serves the dashboard itself, so its origin is the API's:
 * no CORS, and `npm run dev` proxies the same paths. `fetchImplementation` lets tests answer at the boundary;
 * `timeoutMs` shortens the client's default (long enough for a sweep) for calls that should be quick.
 */
export function createDashboardClient(
  apiKey: string,
  fetchImplementation?: typeof fetch,
  options: { timeoutMs?: number } = {},
): ApiClient {
  return createApiClient({
    baseUrl: window.location.origin,
    apiKey,
    ...(fetchImplementation ? { fetch: fetchImplementation } : {}),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
}

/**
 * A pasted key as the API reads it: whitespace and one pair of surrounding quotes removed (a key copied from
 * a chat on a phone often brings them, and phones turn straight quotes into curly ones).
 */
export function normalizeApiKey(pasted: string): string {
  const trimmed = pasted.trim();
  const quoted = /^(["'“‘])(.*)(["'”’])$/su.exec(trimmed);
  return (quoted ? (quoted[2] as string) : trimmed).trim();
}

/**
 * Opens `GET path` (a Server-Sent Events route such as `/api/jobs/:id/events`) with the key in `X-API-Key`.
 * The browser's EventSource cannot send a header, so the stream is read from fetch's body instead
 * (`api/job-events.ts`).
 */
export type EventStreamOpener = (path: string, signal: AbortSignal) => Promise<Response>;

export function createEventStreamOpener(
  apiKey: string,
  fetchImplementation?: typeof fetch,
): EventStreamOpener {
  // Never called detached from globalThis: browsers refuse that.
  const send =
    fetchImplementation ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  return (path, signal) =>
    send(new URL(path, window.location.origin).href, {
      headers: { Accept: 'text/event-stream', 'X-API-Key': apiKey },
      cache: 'no-store',
      signal,
    });
}
