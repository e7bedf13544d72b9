import type { Account, Broker, OrderRequest, OrderResult, OrderStatus, Position } from '../broker/broker';
import {
  BrokerHttp,
  type BrokerAnswer,
  type BrokerHttpOptions,
  brokerMessage,
  isRecord,
  trimEndpoint,
} from './broker-http';
import { foundOrder, parseAccount, parsePositions } from './broker-answers';
import { requireSecureEndpoint } from './endpoint-transport';

export interface GenericRestBrokerOptions extends BrokerHttpOptions {
  /** Base URL: `https://broker.example/api`; the broker appends `/orders`, `/account`, `/positions`. */
  endpoint: string;
  /** Sent as `Authorization: Bearer <token>`; never part of a message. */
  token: string;
}

/**
 * A broker behind a small REST API of our own definition, for in-house gateways:
 *
 * - `POST {endpoint}/orders` with `{ symbol, side: 'buy'|'sell', quantity, type: 'market', client_order_id }`
 *   answers 200/201 `{ id, status, client_order_id?, filled_avg_price?, reason? }`, where `status` is
 *   `filled`, `rejected`, `duplicate` or anything else (`accepted`, `new`, …: taken, fill pending).
 *   A `client_order_id` the broker already has answers HTTP 409 (or any answer whose status or message
 *   says `duplicate`): the order counts as already placed, status `duplicate`.
 * - `GET {endpoint}/orders?client_order_id=<id>` answers 200 with that order (the shape above) or 404 when
 *   there is none: asked after a POST got a 5xx or no answer, so the order is resent only when it was not
 *   taken.
 * - `GET {endpoint}/account` answers `{ cash, equity, currency? }`, numbers or numeric strings.
 * - `GET {endpoint}/positions` answers `[{ symbol, quantity, average_price?, market_value? }]`.
 *
 * Every request carries `Authorization: Bearer <token>`; the endpoint must be `https://` (or loopback, or
 * `allowInsecure`), checked here so a bad one is refused before any request.
 */
export class GenericRestBroker implements Broker {
  readonly name = 'generic-rest';
  readonly #endpoint: string;
  readonly #token: string;
  readonly #http: BrokerHttp;

  constructor(options: GenericRestBrokerOptions) {
    requireSecureEndpoint(options.endpoint, options.allowInsecure);
    this.#endpoint = trimEndpoint(options.endpoint);
    this.#token = options.token;
    this.#http = new BrokerHttp('generic-rest broker', options, [options.token]);
  }

  async submitOrder(order: OrderRequest): Promise<OrderResult> {
    const answer = await this.#http.send(
      'POST',
      `${this.#endpoint}/orders`,
      this.#headers(),
      {
        symbol: order.symbol,
        side: order.side,
        quantity: order.quantity,
        type: 'market',
        client_order_id: order.clientOrderId,
      },
      { subject: `order ${order.clientOrderId}`, lookup: () => this.#findOrder(order.clientOrderId) },
    );
    const base = {
      clientOrderId: order.clientOrderId,
      symbol: order.symbol,
      side: order.side,
      quantity: order.quantity,
      time: order.time,
    };
    if (isDuplicate(answer))
      return {
        ...base,
        status: 'duplicate',
        reason: this.#http.redact(brokerMessage(answer)) || 'duplicate client_order_id',
      };
    if (answer.status < 200 || answer.status >= 300) throw this.#http.failure(answer, 'place an order');
    const body = answer.body;
    if (!isRecord(body)) throw this.#http.malformed(answer.status, 'an order that is not a JSON object');
    const status = orderStatus(body['status']);
    const result: OrderResult = { ...base, status };
    if (body['id'] !== undefined && body['id'] !== null) result.brokerOrderId = String(body['id']);
    if (status === 'filled' && body['filled_avg_price'] !== undefined && body['filled_avg_price'] !== null) {
      result.fillPrice = this.#http.number(body['filled_avg_price'], 'filled_avg_price', answer.status);
    }
    if (status === 'rejected')
      result.reason = this.#http.redact(brokerMessage(answer)) || 'rejected by the broker';
    return result;
  }

  async getAccount(): Promise<Account> {
    const answer = await this.#http.send('GET', `${this.#endpoint}/account`, this.#headers());
    if (answer.status !== 200) throw this.#http.failure(answer, 'read the account');
    return parseAccount(this.#http, answer);
  }

  async getPositions(): Promise<Position[]> {
    const answer = await this.#http.send('GET', `${this.#endpoint}/positions`, this.#headers());
    if (answer.status !== 200) throw this.#http.failure(answer, 'read the positions');
    return parsePositions(this.#http, answer, {
      quantity: 'quantity',
      averagePrice: 'average_price',
      marketValue: 'market_value',
    });
  }

  /** The order with this client order id, or `null` when the broker has none. */
  async #findOrder(clientOrderId: string): Promise<BrokerAnswer | null> {
    const url = `${this.#endpoint}/orders?client_order_id=${encodeURIComponent(clientOrderId)}`;
    return foundOrder(this.#http, await this.#http.send('GET', url, this.#headers()), clientOrderId);
  }

  #headers(): Record<string, string> {
    return { authorization: `Bearer ${this.#token}` };
  }
}

function isDuplicate(answer: BrokerAnswer): boolean {
  if (answer.status === 409) return true;
  const body = answer.body;
  if (isRecord(body) && body['status'] === 'duplicate') return true;
  return answer.status >= 400 && answer.status < 500 && /duplicate/i.test(brokerMessage(answer));
}

function orderStatus(value: unknown): OrderStatus {
  if (value === 'filled' || value === 'rejected' || value === 'duplicate') return value;
  return 'accepted';
}
