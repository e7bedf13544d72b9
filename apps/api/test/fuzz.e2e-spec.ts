import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { API_ROUTES, DEFAULT_STRATEGY } from '@aetherquant/core';
import { ADMIN_KEY, startedApi, testDatabases, TRADER_KEY } from './support/test-api';

/**
 * The API driven over HTTP with what a hostile or confused client could send: generated paths, query
 * names and values, headers, encodings and bodies, with every name a plain object inherits
 * (`constructor`, `__proto__`, …) among them. Whatever comes in: no 5xx, every 4xx in the JSON error
 * shape, and the process still serving afterwards. fast-check's seed is fixed under CI (tools/jest).
 */

const INHERITED_NAMES = Object.getOwnPropertyNames(Object.prototype);

/** Every route the API serves: the catalog's routes (path parameters filled in by the generator) and the rest. */
const ROUTES = [
  ...API_ROUTES.map((route) => route.path.replace(/\/:\w+$/, '')),
  '/api/openapi.json',
  '/api/docs',
  '/healthz',
  '/readyz',
];

/** Field names the endpoints know, so generated inputs get past "unknown field" and reach deeper checks. */
const FIELDS = ['symbol', 'symbols', 'period', 'interval', 'provider', 'strategy', 'params', 'grid', 'limit'];
const FIELD_VALUES = [
  'SPY',
  'AAA',
  '',
  '1y',
  '5d',
  '1d',
  '1wk',
  'synthetic',
  DEFAULT_STRATEGY,
  '0',
  '-1',
  '1e309',
  'NaN',
];

const text = fc.string({ maxLength: 40, unit: 'binary' });
/** encodeURIComponent, with a lone surrogate (which it refuses) sent as its UTF-8 replacement. */
const encode = (value: string) => encodeURIComponent(value.replace(/\p{Surrogate}/gu, '\ufffd'));
const name = fc.oneof(fc.constantFrom(...INHERITED_NAMES, ...FIELDS), text);
const segment = fc.oneof(
  fc.constantFrom(...INHERITED_NAMES).map(encode),
  text.map(encode),
  fc.constantFrom('%', '%zz', '%E0%A4%A', '..', '.', '%2e%2e', '%2F', 'swagger-ui.css', '1'),
);
const path = fc.oneof(
  fc.constantFrom(...ROUTES),
  fc
    .tuple(fc.constantFrom('/api/docs/', '/api/runs/', '/api/', '/'), segment)
    .map(([head, tail]) => head + tail),
  fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
);
const queryValue = fc.oneof(fc.constantFrom(...FIELD_VALUES), text);
const query = fc
  .array(fc.tuple(name, queryValue), { maxLength: 5 })
  .map((pairs) => pairs.map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&'));

/** JSON with inherited names as keys at any depth, and known fields with odd values. */
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 1 }),
    fc.dictionary(name, tie('value'), { maxKeys: 4 }),
    fc.array(tie('value'), { maxLength: 3 }),
  ),
})).value;
const body = fc.oneof(
  fc.constant(undefined),
  jsonValue.map((value) => JSON.stringify(value)),
  fc
    .dictionary(fc.constantFrom(...FIELDS, ...INHERITED_NAMES), fc.oneof(queryValue, jsonValue), {
      maxKeys: 5,
    })
    .map((value) => JSON.stringify(value)),
  fc.constantFrom('xx', '{', '{"__proto__":{"polluted":1}}', '[]', 'null', '"\\ud800"', '\u0000'),
  text,
);

/** Header values a real client library can send (it refuses control characters itself). */
const headerText = fc.string({ maxLength: 40 }).filter((value) => /^[\t\x20-\x7e]*$/.test(value));
const headers = fc.record(
  {
    'Content-Type': fc.constantFrom(
      'application/json',
      'application/json; charset=utf-16',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/vnd.api+json',
    ),
    'Content-Encoding': fc.oneof(
      fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'gzip, deflate'),
      headerText,
    ),
    'X-API-Key': fc.oneof(fc.constantFrom(TRADER_KEY, ADMIN_KEY), headerText),
    Authorization: fc.oneof(fc.constant(`Bearer ${TRADER_KEY}`), headerText),
    'X-Request-ID': headerText,
    'X-Forwarded-For': headerText,
    Accept: fc.constantFrom('application/json', 'text/html', '*/*'),
    Cookie: fc.constantFrom('__proto__=1', 'constructor=x'),
    [INHERITED_NAMES[0] ?? 'constructor']: headerText,
  },
  { requiredKeys: [] },
);

const method = fc.constantFrom('GET', 'GET', 'POST', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH');
const validKey = fc.record({ 'X-API-Key': fc.constantFrom(TRADER_KEY, ADMIN_KEY) });

interface Sent {
  method: string;
  path: string;
  headers: Partial<Record<string, string>>;
  body?: string | undefined;
}

const withQuery = (route: string, search: string) => (search === '' ? route : `${route}?${search}`);

/**
 * Three kinds of request: anything at all; a GET of a real route with a valid key, so odd query names
 * reach validation; and a JSON POST of a real route with a valid key, so odd bodies reach the workflows.
 */
const requests: fc.Arbitrary<Sent> = fc.oneof(
  fc
    .record({ method, path, query, headers, body })
    .map((sent) => ({ ...sent, path: withQuery(sent.path, sent.query) })),
  fc
    .record({ path: fc.constantFrom(...ROUTES), query, headers: validKey })
    .map((sent) => ({ method: 'GET', path: withQuery(sent.path, sent.query), headers: sent.headers })),
  fc.record({ path: fc.constantFrom(...ROUTES), key: validKey, body }).map((sent) => ({
    method: 'POST',
    path: sent.path,
    headers: { ...sent.key, 'Content-Type': 'application/json' },
    body: sent.body,
  })),
);

interface Answer {
  status: number;
  body: string;
}

/** One request over real HTTP; resolves with the answer, whatever happens to the rest of the upload. */
function send(
  base: string,
  options: { method: string; path: string; headers: Record<string, string>; body?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(new URL(base), {
      method: options.method,
      path: options.path,
      headers: {
        ...options.headers,
        ...(options.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(options.body)) }),
      },
    });
    outgoing.on('response', (response) => {
      let received = '';
      response.on('data', (chunk) => (received += String(chunk)));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: received }));
      response.on('error', reject);
    });
    // An answer given before the body was read (415, 413) may cut the upload: that is not a failure.
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

function isErrorShape(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { error?: Record<string, unknown>; requestId?: unknown };
    return (
      typeof parsed.requestId === 'string' &&
      typeof parsed.error?.['code'] === 'string' &&
      typeof parsed.error['message'] === 'string' &&
      Array.isArray(parsed.error['details'])
    );
  } catch {
    return false;
  }
}

describe.each(testDatabases().slice(0, 1))('fuzzing the API over HTTP ($name)', (database) => {
  const api = startedApi(database, { env: { AETHERQ_RATE_LIMIT_PER_MINUTE: '1000000' } });

  it('answers every generated request without a 5xx, every 4xx in the error shape, and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(requests, async (sent) => {
        const given = Object.fromEntries(
          Object.entries(sent.headers).filter((entry): entry is [string, string] => entry[1] !== undefined),
        );
        const answer = await send(api().url, { ...sent, headers: given });
        const what = `${sent.method} ${sent.path} → ${answer.status} ${answer.body.slice(0, 300)}`;
        expect({ what, serverError: answer.status >= 500 }).toEqual({ what, serverError: false });
        if (answer.status >= 400 && sent.method !== 'HEAD') {
          expect({ what, errorShape: isErrorShape(answer.body) }).toEqual({ what, errorShape: true });
        }
      }),
      { numRuns: Number(process.env['AETHERQ_FUZZ_RUNS'] ?? 400) },
    );
    const health = await send(api().url, { method: 'GET', path: '/healthz', headers: {} });
    expect(health.status).toBe(200);
    const errors = api().logs.filter((line) => line['level'] === 'error');
    expect(errors).toEqual([]);
  });
});
