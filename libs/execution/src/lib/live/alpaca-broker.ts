import type { Account, Broker, OrderRequest, OrderResult, Position } from '../broker/broker';
import {
  BrokerHttp,
  type BrokerAnswer,
  type BrokerHttpOptions,
  brokerMessage,
  isPresent,
  isRecord,
  trimEndpoint,
} from './broker-http';
import { foundOrder, parseAccount, parsePositions } from './broker-answers';
import { requireSecureEndpoint } from './endpoint-transport';

export interface AlpacaBrokerOptions extends BrokerHttpOptions {
  /** Base URL without `/v2`: `https://paper-api.alpaca.markets` or `https://api.alpaca.markets`. */
  endpoint: string;
  /** Sent as `APCA-API-KEY-ID`. */
  keyId: string;
  /** Sent as `APCA-API-SECRET-KEY`; never part of a message. */
  secretKey: string;
}

/**
 * Alpaca's v2 trading API: `POST /v2/orders` (market, `time_in_force: 'day'`, `qty` as a string),
 * `GET /v2/account` and `GET /v2/positions`, whose numbers arrive as strings.
 *
 * Alpaca answers a `client_order_id` it already has with HTTP 422 and a message about `client_order_id`:
 * that order counts as already placed, status `duplicate`. It answers an order it will not take (such
 * as one beyond the buying power) with HTTP 403 and a message: that is a `rejected` order with the
 * message as its reason, while a 403 elsewhere and every 401 mean refused credentials.
 *
 * When an order POST gets a 5xx or no answer, the order is looked up with
 * `GET /v2/orders:by_client_order_id?client_order_id=<id>` (404 when Alpaca does not have it) and resent only
 * when it is not there. The endpoint must be `https://` (or loopback, or `allowInsecure`), checked here.
 */
export class AlpacaBroker implements Broker {
  readonly name = 'alpaca';
  readonly #endpoint: string;
  readonly #keyId: string;
  readonly #secretKey: string;
  readonly #http: BrokerHttp;

  constructor(options: AlpacaBrokerOptions) {
    requireSecureEndpoint(options.endpoint, options.allowInsecure);
    this.#endpoint = trimEndpoint(options.endpoint);
    this.#keyId = options.keyId;
    this.#secretKey = options.secretKey;
    this.#http = new BrokerHttp('alpaca broker', options, [options.secretKey, options.keyId]);
  }

  async submitOrder(order: OrderRequest): Promise<OrderResult> {
    const answer = await this.#http.send(
      'POST',
      `${this.#endpoint}/v2/orders`,
      this.#headers(),
      {
        symbol: order.symbol,
        qty: String(order.quantity),
        side: order.side,
        type: 'market',
        time_in_force: 'day',
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
    if (isDuplicate(answer)) {
      return {
        ...base,
        status: 'duplicate',
        reason: this.#http.redact(brokerMessage(answer)) || 'duplicate client_order_id',
      };
    }
    if (answer.status === 403 && isRecord(answer.body) && typeof answer.body['message'] === 'string') {
      return { ...base, status: 'rejected', reason: this.#http.redact(brokerMessage(answer)) };
    }
    if (answer.status < 200 || answer.status >= 300) throw this.#http.failure(answer, 'place an order');
    const body = answer.body;
    if (!isRecord(body)) throw this.#http.malformed(answer.status, 'an order that is not a JSON object');
    const brokerStatus = body['status'];
    const result: OrderResult = {
      ...base,
      status: brokerStatus === 'filled' ? 'filled' : brokerStatus === 'rejected' ? 'rejected' : 'accepted',
    };
    if (typeof body['id'] === 'string') result.brokerOrderId = body['id'];
    if (result.status === 'filled' && isPresent(body['filled_avg_price'])) {
      result.fillPrice = this.#http.number(body['filled_avg_price'], 'filled_avg_price', answer.status);
    }
    if (result.status === 'rejected') result.reason = 'rejected by Alpaca';
    return result;
  }

  async getAccount(): Promise<Account> {
    const answer = await this.#http.send('GET', `${this.#endpoint}/v2/account`, this.#headers());
    if (answer.status !== 200) throw this.#http.failure(answer, 'read the account');
    return parseAccount(this.#http, answer);
  }

  async getPositions(): Promise<Position[]> {
    const answer = await this.#http.send('GET', `${this.#endpoint}/v2/positions`, this.#headers());
    if (answer.status !== 200) throw this.#http.failure(answer, 'read the positions');
    return parsePositions(
      this.#http,
      answer,
      { quantity: 'qty', averagePrice: 'avg_entry_price', marketValue: 'market_value' },
      // Alpaca signs short quantities already; `side` guards against an unsigned one.
      (item, quantity) => (item['side'] === 'short' && quantity > 0 ? -quantity : quantity),
    );
  }

  /** The order with this client order id, or `null` when Alpaca has none. */
  async #findOrder(clientOrderId: string): Promise<BrokerAnswer | null> {
    const url = `${this.#endpoint}/v2/orders:by_client_order_id?client_order_id=${encodeURIComponent(clientOrderId)}`;
    return foundOrder(this.#http, await this.#http.send('GET', url, this.#headers()), clientOrderId);
  }

  #headers(): Record<string, string> {
    return { 'APCA-API-KEY-ID': this.#keyId, 'APCA-API-SECRET-KEY': this.#secretKey };
  }
}

function isDuplicate(answer: BrokerAnswer): boolean {
  return answer.status === 422 && /client_order_id/i.test(brokerMessage(answer));
}
