import { AetherError, apiErrorBody } from '@aetherquant/core';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { writeFileSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { commandLineWarning, runCli, runCliAsync, scratchDir } from './run-cli';
import { closedPort } from '@aetherquant/testing';

// Recognisable, so a test can prove it never reaches stdout or stderr.
const API_KEY = 'aq_remote_test_key_7c1f';

interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A stand-in API server on loopback: it records each request and answers with `answer`. The real API is
 * tested against the CLI by the API's own end-to-end tests; this one proves what the CLI sends and prints.
 */
function standInApi() {
  const received: ReceivedRequest[] = [];
  const state = {
    received,
    url: '',
    answer: (response: ServerResponse, _request: ReceivedRequest): void => {
      json(response, 500, {});
    },
  };
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const entry = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body };
      received.push(entry);
      state.answer(response, entry);
    });
  });
  return {
    state,
    async start() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/aq`;
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** A key file in `dir` holding `text`; its path. */
function writeKey(dir: string, text: string): string {
  const path = join(dir, 'api.key');
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'X-Request-ID': 'srv-req-1' });
  response.end(JSON.stringify(body));
}

const BACKTEST_REPORT = {
  symbol: 'SPY',
  rows: 503,
  annual_return: 0.081234,
  sharpe: 0.713,
  final_equity: 117_000.5,
  run_id: '018f0000-0000-7000-8000-00000000000a',
};

describe('aetherquant remote mode (built binary, stand-in API)', () => {
  const api = standInApi();
  beforeAll(() => api.start());
  afterAll(() => api.stop());
  beforeEach(() => {
    api.state.received.length = 0;
  });

  it('posts the backtest to the API with the key and prints the report without its chart', async () => {
    api.state.answer = (response) =>
      json(response, 200, { ...BACKTEST_REPORT, chart: { time: [1, 2], equity: [100, 101] } });

    const run = await runCliAsync([
      'backtest',
      '--symbol',
      'SPY',
      '--fast',
      '10',
      '--slow',
      '30',
      '--period',
      '2y',
      '--api-url',
      api.state.url,
      '--api-key',
      API_KEY,
    ]);

    expect(run.stderr).toBe(commandLineWarning('api-key', 'AETHERQ_API_KEY or --api-key-file'));
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${JSON.stringify(BACKTEST_REPORT, null, 2)}\n`);
    expect(api.state.received).toHaveLength(1);
    const [request] = api.state.received;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/aq/api/backtest');
    expect(request?.headers['x-api-key']).toBe(API_KEY);
    expect(request?.headers['content-type']).toBe('application/json');
    // Only the flags given travel (--long-only too: absent, it is left out); the server fills in its own defaults.
    expect(JSON.parse(request?.body ?? '')).toEqual({
      symbol: 'SPY',
      period: '2y',
      params: { fast: 10, slow: 30 },
    });
  });

  it('exits 8 with the server message when the key may not do it, and never prints the key', async () => {
    api.state.answer = (response) =>
      json(
        response,
        403,
        apiErrorBody(
          new AetherError('FORBIDDEN', 'the trader role may not list runs (needs admin)'),
          'srv-req-2',
        ),
      );

    const run = await runCliAsync(['db', 'runs', '--limit', '5', '--api-url', api.state.url], {
      env: { AETHERQ_API_KEY: API_KEY },
    });

    expect(run.status).toBe(8);
    expect(run.stderr).toBe('error: the trader role may not list runs (needs admin)\n');
    expect(run.stdout + run.stderr).not.toContain(API_KEY);
    expect(api.state.received.map((request) => request.url)).toEqual(['/aq/api/runs?limit=5']);
  });

  it("names the server's field violations as flags, exit 2", async () => {
    api.state.answer = (response) =>
      json(
        response,
        400,
        apiErrorBody(
          AetherError.invalid([{ field: 'params.fast', rule: 'must be less than slow (got 50)' }]),
          'srv-req-3',
        ),
      );

    const run = await runCliAsync(['backtest', '--fast', '50', '--slow', '20', '--api-url', api.state.url]);

    expect(run.status).toBe(2);
    expect(run.stderr).toBe('error: --fast must be less than slow (got 50)\n');
  });

  it.each([
    ['a file', (dir: string) => writeKey(dir, `${API_KEY}\n`), undefined],
    ['a file without a final newline', (dir: string) => writeKey(dir, API_KEY), undefined],
    ['standard input', () => '-', `${API_KEY}\n`],
  ])('reads --api-key-file from %s, with no warning', async (_, path, input) => {
    api.state.answer = (response) => json(response, 200, { runs: [] });
    const run = await runCliAsync(
      ['db', 'runs', '--api-url', api.state.url, '--api-key-file', path(scratchDir())],
      { input },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(api.state.received.map((request) => request.headers['x-api-key'])).toEqual([API_KEY]);
  });

  it('refuses an unreadable --api-key-file, exit 2, naming the flag, without a request', async () => {
    const missing = join(scratchDir(), 'missing.key');
    const run = await runCliAsync(['db', 'runs', '--api-url', api.state.url, '--api-key-file', missing]);
    expect(run.stderr).toBe(`error: --api-key-file cannot read ${missing}: no such file (ENOENT)\n`);
    expect(run.status).toBe(2);
    const both = await runCliAsync([
      'db',
      'runs',
      '--api-url',
      api.state.url,
      '--api-key',
      API_KEY,
      '--api-key-file',
      missing,
    ]);
    expect(both.stderr).toBe('error: --api-key-file cannot be combined with --api-key\n');
    expect(both.status).toBe(2);
    expect(api.state.received).toEqual([]);
  });

  it('uses AETHERQ_API_URL and AETHERQ_API_KEY from the environment', async () => {
    api.state.answer = (response) => json(response, 200, { runs: [] });

    const run = await runCliAsync(['db', 'runs', '--type', 'backtest'], {
      env: { AETHERQ_API_URL: api.state.url, AETHERQ_API_KEY: API_KEY },
    });

    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('{"runs":[]}\n');
    expect(api.state.received.map((request) => [request.url, request.headers['x-api-key']])).toEqual([
      ['/aq/api/runs?type=backtest', API_KEY],
    ]);
  });

  it.each([
    [['backtest', '--symbol', 'SPY', '--fast', 'abc'], /^error: strategy parameters: --fast must /],
    [['db', 'runs', '--limit', '0'], /^error: runs request: --limit must be at least 1/],
    [['optimize', '--symbols', 'SPY'], /--symbols must /],
  ])('refuses bad flags %j as locally, exit 2, without a request', async (args, message) => {
    const run = await runCliAsync([...args, '--api-url', api.state.url], {
      env: { AETHERQ_API_KEY: API_KEY },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(api.state.received).toEqual([]);
  });

  it.each([
    [
      ['backtest', '--data-dir', 'market'],
      'error: --data-dir cannot be used with --api-url (the server reads its own data)\n',
    ],
    [
      ['db', 'audit', '--database-url', 'sqlite::memory:'],
      'error: --database-url cannot be used with --api-url (the server records runs in its own database)\n',
    ],
    [
      ['papertrade', '--broker', 'live'],
      'error: --broker must be paper with --api-url (live trading runs only where the broker credentials are)\n',
    ],
  ])('refuses %j in remote mode, exit 2, without a request', async (args, stderr) => {
    const run = await runCliAsync([...args, '--api-url', api.state.url]);
    expect(run.stderr).toBe(stderr);
    expect(run.status).toBe(2);
    expect(api.state.received).toEqual([]);
  });
});

describe('aetherquant remote mode (built binary, no server)', () => {
  it('exits 3 naming the URL, never the key, when the API cannot be reached', async () => {
    const port = await closedPort();
    for (const extra of [[], ['--json']]) {
      const run = runCli([
        'sweep',
        '--fast',
        '5,10',
        '--slow',
        '50',
        '--api-url',
        `http://127.0.0.1:${port}/`,
        '--api-key',
        API_KEY,
        ...extra,
      ]);
      expect(run.status).toBe(3);
      expect(run.stdout + run.stderr).toContain(
        `cannot reach http://127.0.0.1:${port}: connect ECONNREFUSED`,
      );
      expect(run.stdout + run.stderr).not.toContain(API_KEY);
    }
  });

  it('reads the URL from AETHERQ_API_URL', async () => {
    const port = await closedPort();
    const run = runCli(['optimize', '--symbols', 'SPY,TLT'], {
      env: { AETHERQ_API_URL: `http://127.0.0.1:${port}/aq`, AETHERQ_API_KEY: API_KEY },
    });
    expect(run.status).toBe(3);
    expect(run.stderr).toBe(
      `error: cannot reach http://127.0.0.1:${port}/aq: connect ECONNREFUSED 127.0.0.1:${port}\n`,
    );
  });

  it('refuses --api-key without an API URL, exit 2', () => {
    const run = runCli(['db', 'audit', '--api-key', API_KEY]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      commandLineWarning('api-key', 'AETHERQ_API_KEY or --api-key-file') +
        'error: --api-key needs --api-url or AETHERQ_API_URL\n',
    );
  });
});
