import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake broker received it. */
export interface RecordedRequest {
  method: string;
  /** Path without the query: `/orders`, `/v2/account`. */
  path: string;
  /** The query's parameters: `{ client_order_id: '…' }` for an order lookup. */
  query: Record<string, string>;
  /** Header names in lower case, as Node gives them. */
  headers: Record<string, string>;
  /** The parsed JSON body; `undefined` when there was none. */
  body: unknown;
}

/** A failure to answer the next request with, whatever it asks. */
export type InjectedFailure =
  | { kind: 'status'; status: number }
  /** HTTP 200 with an HTML body. */
  | { kind: 'non-json' }
  /** HTTP 200 with an account (in the shape of the path asked) whose cash is `"lots"`. */
  | { kind: 'non-numeric-cash' }
  /** Never answers (until the server closes): for timeouts. */
  | { kind: 'stall' }
  /**
   * Handles the request as usual (an order is taken), then answers `status` instead of its answer: a
   * gateway that lost the broker's answer, the case a blind resend would turn into a second order.
   */
  | { kind: 'taken-then-status'; status: number };

export interface FakeBrokerServerOptions {
  /** Starting cash; default 100 000. */
  cash?: number;
  /** Starting positions: shares per symbol. */
  positions?: Record<string, number>;
  /** The price orders fill at, per symbol; default 100. */
  prices?: Record<string, number>;
  /** When false, orders are accepted but never filled (positions do not move); default true. */
  fillOrders?: boolean;
  /** The generic-rest bearer token accepted; default `test-token`. */
  token?: string;
  /** Alpaca's credentials accepted; default `test-key-id` / `test-secret-key`. */
  keyId?: string;
  secretKey?: string;
}

interface StoredOrder {
  id: string;
  clientOrderId: string;
  symbol: string;
  side: 'buy' | 'sell';
  quantity: number;
  status: 'filled' | 'accepted';
  fillPrice: number | null;
}

/**
 * A broker on 127.0.0.1 (a free port) that speaks both API shapes: generic-rest under `/` (`/orders`,
 * `/account`, `/positions`, bearer token) and Alpaca v2 under `/v2` (string numbers, `APCA-API-*`
 * headers). It keeps an account, positions and the orders by `client_order_id` in memory, rejects a
 * duplicate id as each API does (generic: 409, Alpaca: 422), finds an order by its `client_order_id`
 * (generic: `GET /orders?client_order_id=`, Alpaca: `GET /v2/orders:by_client_order_id?client_order_id=`,
 * 404 when it has none), refuses wrong credentials with a 401 that
 * echoes what it got (so tests can check the client redacts it), records every request, and answers the
 * next requests with injected failures on demand.
 */
export class FakeBrokerServer {
  readonly requests: RecordedRequest[] = [];
  readonly orders = new Map<string, StoredOrder>();
  cash: number;
  readonly positions: Map<string, { quantity: number; averagePrice: number }>;
  readonly #prices: Record<string, number>;
  readonly #fillOrders: boolean;
  readonly #token: string;
  readonly #keyId: string;
  readonly #secretKey: string;
  readonly #failures: InjectedFailure[] = [];
  #server: Server | undefined;
  #url = '';

  private constructor(options: FakeBrokerServerOptions) {
    this.cash = options.cash ?? 100_000;
    this.positions = new Map(
      Object.entries(options.positions ?? {}).map(([symbol, quantity]) => [
        symbol,
        { quantity, averagePrice: options.prices?.[symbol] ?? 100 },
      ]),
    );
    this.#prices = options.prices ?? {};
    this.#fillOrders = options.fillOrders ?? true;
    this.#token = options.token ?? 'test-token';
    this.#keyId = options.keyId ?? 'test-key-id';
    this.#secretKey = options.secretKey ?? 'test-secret-key';
  }

  static async start(options: FakeBrokerServerOptions = {}): Promise<FakeBrokerServer> {
    const fake = new FakeBrokerServer(options);
    const server = createServer((request, response) => {
      fake.#handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ message: String(error) }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.#server = server;
    fake.#url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  /** `http://127.0.0.1:<port>`: the generic-rest endpoint, and Alpaca's base URL (it adds `/v2`). */
  get url(): string {
    return this.#url;
  }

  /** Answers the next `count` requests with `failure`, then behaves again. */
  failNext(count: number, failure: InjectedFailure): void {
    for (let index = 0; index < count; index++) this.#failures.push(failure);
  }

  /** The recorded order requests (POSTs). */
  get orderRequests(): RecordedRequest[] {
    return this.requests.filter((request) => request.method === 'POST');
  }

  /** The recorded lookups of an order by its client order id. */
  get orderLookups(): RecordedRequest[] {
    return this.requests.filter(
      (request) => request.method === 'GET' && request.query['client_order_id'] !== undefined,
    );
  }

  async close(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  #price(symbol: string): number {
    return this.#prices[symbol] ?? this.positions.get(symbol)?.averagePrice ?? 100;
  }

  #equity(): number {
    let equity = this.cash;
    for (const [symbol, held] of this.positions) equity += held.quantity * this.#price(symbol);
    return equity;
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://fake');
    const path = url.pathname;
    const query = Object.fromEntries(url.searchParams);
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    this.requests.push({ method: request.method ?? 'GET', path, query, headers, body });
    const alpaca = path.startsWith('/v2/');
    const route = alpaca ? path.slice('/v2'.length) : path;

    const failure = this.#failures.shift();
    if (failure && failure.kind !== 'taken-then-status') return this.#fail(failure, alpaca, response);
    // Handled as usual below; with `taken-then-status`, only its answer is replaced.
    const reply: Reply = failure
      ? () => send(response, failure.status, { message: `injected HTTP ${failure.status} after taking it` })
      : (status, answer) => send(response, status, answer);

    const credentialsRefused = alpaca
      ? headers['apca-api-key-id'] !== this.#keyId || headers['apca-api-secret-key'] !== this.#secretKey
      : headers['authorization'] !== `Bearer ${this.#token}`;
    if (credentialsRefused) {
      // Echoes what it got, as some gateways do: the client must redact it.
      const got = alpaca ? headers['apca-api-secret-key'] : headers['authorization'];
      return reply(401, { message: `invalid credentials: ${got ?? 'none'}` });
    }

    if (request.method === 'GET' && route === '/account') return reply(200, this.#account(alpaca));
    if (request.method === 'GET' && route === '/positions') return reply(200, this.#positions(alpaca));
    if (request.method === 'POST' && route === '/orders') return this.#order(body, alpaca, reply);
    const lookupRoute = alpaca ? '/orders:by_client_order_id' : '/orders';
    if (request.method === 'GET' && route === lookupRoute && query['client_order_id'] !== undefined) {
      return this.#lookUp(query['client_order_id'], alpaca, reply);
    }
    reply(404, { message: `no route ${request.method} ${path}` });
  }

  #fail(failure: InjectedFailure, alpaca: boolean, response: ServerResponse): void {
    switch (failure.kind) {
      case 'status':
        return send(response, failure.status, { message: `injected HTTP ${failure.status}` });
      case 'non-json':
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<html><body>Bad gateway, try later</body></html>');
        return;
      case 'non-numeric-cash':
        return send(response, 200, { ...this.#account(alpaca), cash: 'lots' });
      case 'stall':
        return; // never answered; close() drops the connection
      case 'taken-then-status':
        return; // handled in #handle
    }
  }

  #lookUp(clientOrderId: string, alpaca: boolean, reply: Reply): void {
    const order = this.orders.get(clientOrderId);
    if (!order) {
      return alpaca
        ? reply(404, { code: 40410000, message: 'order not found' })
        : reply(404, { error: `no order with client_order_id ${clientOrderId}` });
    }
    reply(200, this.#orderBody(order, alpaca));
  }

  #account(alpaca: boolean): Record<string, unknown> {
    const equity = this.#equity();
    return alpaca
      ? {
          id: 'fake-account',
          currency: 'USD',
          cash: this.cash.toFixed(2),
          equity: equity.toFixed(2),
          status: 'ACTIVE',
        }
      : { cash: this.cash, equity, currency: 'USD' };
  }

  #positions(alpaca: boolean): unknown[] {
    return [...this.positions]
      .filter(([, held]) => held.quantity !== 0)
      .map(([symbol, held]) => {
        const marketValue = held.quantity * this.#price(symbol);
        return alpaca
          ? {
              symbol,
              qty: String(held.quantity),
              side: held.quantity < 0 ? 'short' : 'long',
              avg_entry_price: held.averagePrice.toFixed(2),
              market_value: marketValue.toFixed(2),
            }
          : { symbol, quantity: held.quantity, average_price: held.averagePrice, market_value: marketValue };
      });
  }

  #order(body: unknown, alpaca: boolean, reply: Reply): void {
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const clientOrderId = fields['client_order_id'];
    const symbol = fields['symbol'];
    const side = fields['side'];
    const quantity = Number(alpaca ? fields['qty'] : fields['quantity']);
    if (
      typeof clientOrderId !== 'string' ||
      typeof symbol !== 'string' ||
      (side !== 'buy' && side !== 'sell') ||
      !(quantity > 0) ||
      (alpaca && typeof fields['qty'] !== 'string')
    ) {
      return reply(alpaca ? 422 : 400, { message: 'invalid order' });
    }
    if (this.orders.has(clientOrderId)) {
      return alpaca
        ? reply(422, { code: 40010001, message: 'client_order_id must be unique' })
        : reply(409, { error: 'duplicate client_order_id' });
    }
    const price = this.#price(symbol);
    const order: StoredOrder = {
      id: `order-${this.orders.size + 1}`,
      clientOrderId,
      symbol,
      side,
      quantity,
      status: this.#fillOrders ? 'filled' : 'accepted',
      fillPrice: this.#fillOrders ? price : null,
    };
    this.orders.set(clientOrderId, order);
    if (this.#fillOrders) {
      const signed = side === 'buy' ? quantity : -quantity;
      const held = this.positions.get(symbol) ?? { quantity: 0, averagePrice: price };
      this.positions.set(symbol, { quantity: held.quantity + signed, averagePrice: price });
      this.cash -= signed * price;
    }
    reply(alpaca ? 200 : 201, this.#orderBody(order, alpaca));
  }

  /** An order as each API shows it, when placing it and when it is looked up. */
  #orderBody(order: StoredOrder, alpaca: boolean): Record<string, unknown> {
    if (alpaca) {
      return {
        id: order.id,
        client_order_id: order.clientOrderId,
        symbol: order.symbol,
        side: order.side,
        qty: String(order.quantity),
        type: 'market',
        time_in_force: 'day',
        status: order.status,
        filled_avg_price: order.fillPrice === null ? null : order.fillPrice.toFixed(2),
      };
    }
    return {
      id: order.id,
      client_order_id: order.clientOrderId,
      status: order.status,
      ...(order.fillPrice === null ? {} : { filled_avg_price: order.fillPrice }),
    };
  }
}

/** Answers the request being handled with `status` and a JSON `body`. */
type Reply = (status: number, body: unknown) => void;

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
