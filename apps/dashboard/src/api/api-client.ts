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
