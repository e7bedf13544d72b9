import { createServer, get, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { JsonLogger } from '../common/logging/json-logger';
import { type ApiRequest } from '../common/http/http-types';
import { type RequestScope } from '../common/http/request-scope';
import { type FaultOrigin, lastResortHandler } from './last-resort';

/**
 * A real HTTP server whose one route hands its request to `fault` and never answers itself, as a route
 * whose callback threw after the handler returned would.
 */
async function serverWith(fault: (scope: RequestScope) => void): Promise<{ server: Server; url: string }> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const apiRequest = request as ApiRequest;
    apiRequest.context = {
      requestId: 'fault-1',
      started: 0,
      caller: {
        role: 'trader',
        keyName: 'trader',
        presentedKey: true,
        tracker: 'ip:x',
        clientIp: '127.0.0.1',
      },
    };
    response.setHeader('Content-Type', 'text/css');
    fault({ request: apiRequest, response });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function fetchText(url: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += String(chunk)));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'], body }),
      );
    }).on('error', reject);
  });
}

function setUp() {
  const lines: Record<string, unknown>[] = [];
  const logger = new JsonLogger('debug', [], (line) =>
    lines.push(JSON.parse(line) as Record<string, unknown>),
  );
  const exits: number[] = [];
  const flushed: string[] = [];
  let current: RequestScope | undefined;
  const handle = lastResortHandler({
    logger,
    scope: () => current,
    flush: async () => void flushed.push('flushed'),
    exit: (code) => void exits.push(code),
    flushDeadlineMs: 1_000,
  });
  return {
    lines,
    exits,
    flushed,
    raise: (fault: unknown, origin: FaultOrigin, scope?: RequestScope) => {
      current = scope;
      handle(fault, origin);
      current = undefined;
    },
  };
}

describe('lastResortHandler', () => {
  it.each(['uncaughtException', 'unhandledRejection'] as const)(
    'answers a %s inside a request 500 in the error shape, logs it with the request id, and does not exit',
    async (origin) => {
      const { lines, exits, flushed, raise } = setUp();
      const { server, url } = await serverWith((scope) =>
        raise(new Error('boom at /srv/secret'), origin, scope),
      );
      try {
        const answer = await fetchText(url);
        expect(answer.status).toBe(500);
        expect(answer.type).toBe('application/json; charset=utf-8');
        expect(JSON.parse(answer.body)).toEqual({
          error: {
            code: 'INTERNAL',
            message: 'internal error; quote the request id when reporting it',
            details: [],
          },
          requestId: 'fault-1',
        });
        expect(lines).toEqual([
          expect.objectContaining({
            level: 'error',
            msg: 'unexpected failure',
            request_id: 'fault-1',
            origin,
            error: 'boom at /srv/secret',
            stack: expect.stringContaining('last-resort.spec.ts'),
          }),
        ]);
        expect(exits).toEqual([]);
        expect(flushed).toEqual([]);
      } finally {
        server.close();
      }
    },
  );

  it('cuts a response already under way instead of appending to it', async () => {
    const { exits, raise } = setUp();
    const { server, url } = await serverWith((scope) => {
      scope.response.write('partial');
      raise(new Error('late'), 'uncaughtException', scope);
    });
    try {
      await expect(fetchText(url)).rejects.toThrow(/aborted|socket hang up|ECONNRESET/);
      expect(exits).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('leaves an answered request alone', async () => {
    const { lines, raise } = setUp();
    const { server, url } = await serverWith((scope) => {
      scope.response.end('done');
      raise(new Error('after the answer'), 'unhandledRejection', scope);
    });
    try {
      expect(await fetchText(url)).toMatchObject({ status: 200, body: 'done' });
      expect(lines).toEqual([expect.objectContaining({ msg: 'unexpected failure', request_id: 'fault-1' })]);
    } finally {
      server.close();
    }
  });

  it('flushes and exits 1, once, on a fault outside any request', async () => {
    const { lines, exits, flushed, raise } = setUp();
    raise(new Error('timer fault'), 'uncaughtException');
    raise('second fault', 'unhandledRejection');
    await new Promise((resolve) => setImmediate(resolve));
    expect(flushed).toEqual(['flushed']);
    expect(exits).toEqual([1]);
    expect(lines.map((line) => [line['msg'], line['error']])).toEqual([
      ['unexpected failure outside any request: flushing and exiting', 'timer fault'],
      ['unexpected failure outside any request: flushing and exiting', 'second fault'],
    ]);
  });

  it('exits even when the flush hangs, after its deadline', async () => {
    const exits: number[] = [];
    const handle = lastResortHandler({
      logger: new JsonLogger('silent', []),
      scope: () => undefined,
      flush: () => new Promise<void>(() => undefined),
      exit: (code) => void exits.push(code),
      flushDeadlineMs: 20,
    });
    handle(new Error('x'), 'uncaughtException');
    expect(exits).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(exits).toEqual([1]);
  });
});
