import type { Account, Position } from '../broker/broker';
import { type BrokerAnswer, type BrokerHttp, isPresent, isRecord } from './broker-http';

/** Where a broker's positions answer keeps each figure. */
export interface PositionFields {
  quantity: string;
  averagePrice: string;
  marketValue: string;
}

/**
 * A positions answer (a JSON array of objects with a symbol) as `Position`s, each number checked: a malformed
 * answer is UPSTREAM_FAILED naming the element and the field. `signed` lets a broker sign a quantity it reports
 * unsigned (Alpaca's `side: short`).
 */
export function parsePositions(
  http: BrokerHttp,
  answer: BrokerAnswer,
  fields: PositionFields,
  signed: (item: Record<string, unknown>, quantity: number) => number = (_item, quantity) => quantity,
): Position[] {
  const body = answer.body;
  if (!Array.isArray(body)) throw http.malformed(answer.status, 'positions that are not a JSON array');
  return body.map((item: unknown, index) => {
    if (!isRecord(item) || typeof item['symbol'] !== 'string') {
      throw http.malformed(answer.status, `positions[${index}] without a symbol`);
    }
    const number = (field: string) => http.number(item[field], `positions[${index}].${field}`, answer.status);
    const position: Position = { symbol: item['symbol'], quantity: signed(item, number(fields.quantity)) };
    if (isPresent(item[fields.averagePrice])) position.averagePrice = number(fields.averagePrice);
    if (isPresent(item[fields.marketValue])) position.marketValue = number(fields.marketValue);
    return position;
  });
}

/**
 * An account answer (`{ cash, equity, currency? }`, numbers or numeric strings, as both brokers send it) as an
 * `Account`; anything else is UPSTREAM_FAILED naming the field.
 */
export function parseAccount(http: BrokerHttp, answer: BrokerAnswer): Account {
  const body = answer.body;
  if (!isRecord(body)) throw http.malformed(answer.status, 'an account that is not a JSON object');
  const account: Account = {
    cash: http.number(body['cash'], 'cash', answer.status),
    equity: http.number(body['equity'], 'equity', answer.status),
  };
  if (typeof body['currency'] === 'string') account.currency = body['currency'];
  return account;
}

/**
 * A lookup of an order by its client order id, as `ResendGuard.lookup` answers it: the answer when the broker
 * has the order (HTTP 200 with an order object whose `client_order_id`, when given, is the one asked for),
 * `null` when it answers 404 (no such order), and an error for anything else, since then nobody can tell.
 */
export function foundOrder(
  http: BrokerHttp,
  answer: BrokerAnswer,
  clientOrderId: string,
): BrokerAnswer | null {
  if (answer.status === 404) return null;
  if (answer.status !== 200) throw http.failure(answer, `look up order ${clientOrderId}`);
  const body = answer.body;
  if (!isRecord(body)) throw http.malformed(answer.status, 'an order that is not a JSON object');
  const id = body['client_order_id'];
  if (isPresent(id) && id !== clientOrderId) {
    throw http.malformed(answer.status, `another order (client_order_id ${JSON.stringify(id)})`);
  }
  return answer;
}
