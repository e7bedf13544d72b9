import { connect, type Socket } from 'node:net';
import { eventually, startTestApi, type TestApi } from './support/test-api';

/** A raw TCP connection to the API, collecting what the server sends until it closes the connection. */
interface RawConnection {
  socket: Socket;
  received(): string;
  closed: Promise<void>;
}

async function open(api: TestApi): Promise<RawConnection> {
  const { hostname, port } = new URL(api.url);
  const socket = connect({ host: hostname, port: Number(port) });
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (text += chunk));
  // A reset by the server is a close too.
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return { socket, received: () => text, closed };
}

/** Sends one keep-alive request and waits for its whole answer (`/healthz` answers a short JSON body). */
async function roundTrip(connection: RawConnection): Promise<string> {
  const before = connection.received().length;
  connection.socket.write('GET /healthz HTTP/1.1\r\nHost: api\r\n\r\n');
  return eventually('an answer to /healthz', async () => {
    const answer = connection.received().slice(before);
    return /\r\n\r\n\{.*\}$/s.test(answer) ? answer : undefined;
  });
}

describe('slow clients', () => {
  describe('timeouts', () => {
    let api: TestApi;
    beforeAll(async () => {
      // Short timeouts, checked often, so the test does not wait for the production values.
      api = await startTestApi({
        http: { headersTimeoutMs: 500, requestTimeoutMs: 800, checkIntervalMs: 50 },
      });
    });
    afterAll(() => api.close());

    it('closes a connection that never finishes its headers (slowloris), however it trickles', async () => {
      const slow = await open(api);
      slow.socket.write('GET /healthz HTTP/1.1\r\nHost: api\r\n');
      let n = 0;
      const trickle = setInterval(
        () => slow.socket.writable && slow.socket.write(`X-Slow-${n++}: 1\r\n`),
        100,
      );
      await slow.closed;
      clearInterval(trickle);
      expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
    });

    it('closes a connection whose body never finishes arriving', async () => {
      const slow = await open(api);
      slow.socket.write(
        'POST /api/backtest HTTP/1.1\r\nHost: api\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"symbol":',
      );
      await slow.closed;
      expect(slow.received()).not.toMatch(/^HTTP\/1\.1 2/);
    });

    it('lets a prompt client through on the same server', async () => {
      const prompt = await open(api);
      expect(await roundTrip(prompt)).toMatch(/^HTTP\/1\.1 200 /);
      prompt.socket.destroy();
    });
  });

  describe('connections per address', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi({
        env: { AETHERQ_MAX_CONNECTIONS_PER_IP: '3' },
        // Idle connections stay open for the length of the test.
        http: { keepAliveTimeoutMs: 60_000, headersTimeoutMs: 60_000 },
      });
    });
    afterAll(() => api.close());

    it('closes the connection one over the cap at once, and takes new ones once others close', async () => {
      const held = [await open(api), await open(api), await open(api)];
      // Each answered once, so the server has counted each before the next one arrives.
      for (const connection of held) expect(await roundTrip(connection)).toMatch(/^HTTP\/1\.1 200 /);

      const extra = await open(api);
      extra.socket.write('GET /healthz HTTP/1.1\r\nHost: api\r\nConnection: close\r\n\r\n');
      await extra.closed;
      expect(extra.received()).toBe('');
      expect(api.logs).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            msg: 'too many connections from one address: closing the new ones',
            limit: 3,
          }),
        ]),
      );

      // The three held connections still serve.
      for (const connection of held) expect(await roundTrip(connection)).toMatch(/^HTTP\/1\.1 200 /);

      // One closes: a new connection gets its place (once the server has seen the close).
      const [first] = held.splice(0, 1) as [RawConnection];
      first.socket.destroy();
      await first.closed;
      const replacement = await eventually('a connection in the freed place', async () => {
        const candidate = await open(api);
        candidate.socket.write('GET /healthz HTTP/1.1\r\nHost: api\r\n\r\n');
        const answered = await Promise.race([
          candidate.closed.then(() => false),
          eventually(
            'an answer',
            async () => /\r\n\r\n\{.*\}$/s.test(candidate.received()) || undefined,
            2_000,
          )
            .then(() => true)
            .catch(() => false),
        ]);
        if (answered) return candidate;
        candidate.socket.destroy();
        return undefined;
      });
      expect(replacement.received()).toMatch(/^HTTP\/1\.1 200 /);
      for (const connection of [...held, replacement]) connection.socket.destroy();
    });
  });
});
