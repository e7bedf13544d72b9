import { AetherError } from '@aetherquant/core';

/**
 * The API's base URL as given (`https://host/aq`, trailing slash or not), checked: http or https, and no
 * credentials, query or fragment. A key travels in a header, never in the URL, so no URL the client
 * prints can leak one. Bad URLs fail as INVALID_ARGUMENT naming `api_url`.
 */
export function parseBaseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw invalidBaseUrl('must be an http:// or https:// URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidBaseUrl('must be an http:// or https:// URL');
  }
  if (url.username !== '' || url.password !== '') {
    throw invalidBaseUrl('must not carry credentials (pass the API key as a key)');
  }
  if (url.search !== '' || url.hash !== '') throw invalidBaseUrl('must not have a query or a fragment');
  // A base without its trailing slash would lose its last segment when resolved against (`/aq` + `api/x`).
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url;
}

/** `https://host/aq/` + `/api/runs` → `https://host/aq/api/runs`: paths stay under the base's prefix. */
export function resolveApiUrl(base: URL, path: string, query = ''): URL {
  const url = new URL(path.replace(/^\/+/, ''), base);
  url.search = query;
  return url;
}

/** The base as people write it, for messages: `https://host/aq`. */
export function describeBaseUrl(base: URL): string {
  return base.href.replace(/\/$/, '');
}

function invalidBaseUrl(rule: string): AetherError {
  // The text is not quoted back: a URL someone got wrong may well hold a password.
  return AetherError.invalid([{ field: 'api_url', rule }]);
}
