import { AetherError } from '@aetherquant/core';

/**
 * The fields of a GET request as a query string, the way the API's query schemas read them: numbers and
 * booleans as text, arrays comma-joined (`symbols=SPY,QQQ`), undefined and null left out.
 */
export function toQueryString(fields: Readonly<Record<string, unknown>>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    query.set(
      name,
      Array.isArray(value) ? value.map((item) => queryText(name, item)).join(',') : queryText(name, value),
    );
  }
  return query.toString();
}

function queryText(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  throw AetherError.invalid([{ field: name, rule: 'must be text, a number, a boolean or a list of them' }]);
}
