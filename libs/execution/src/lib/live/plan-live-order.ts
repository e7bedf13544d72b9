import { createHash } from 'node:crypto';

import { AetherError, type FieldViolation } from '@aetherquant/core';

import type { Account, Broker, OrderRequest, OrderResult, Position } from '../broker/broker';
import { type PreTradeLimits, preTradeLimitViolations, preTradeRefusal } from '../pre-trade/pre-trade-checks';

/** The pre-trade limits a live order obeys: the same as a paper order's (see `preTradeRefusal`). */
export type LiveOrderLimits = PreTradeLimits;

export interface PlanLiveOrderInput {
  broker: Broker;
  symbol: string;
  /** The strategy's name, part of the client order id. */
  strategy: string;
  /** The latest bar's time, epoch ms: part of the client order id, and the order's `time`. */
  barTime: number;
  /** The latest bar's close: the reference price. */
  close: number;
  /** The strategy's target exposure for the latest bar; clipped to [0, 1] (live trading is long-only). */
  target: number;
  limits: LiveOrderLimits;
  /** When true (the default) the order is computed and reported, never sent. */
  dryRun?: boolean;
}

export interface LiveOrderPlan {
  /** The one order needed to reach the target; `null` when already there. */
  order: OrderRequest | null;
  /** What the broker answered; `null` when nothing was sent (at target, refused, dry run). */
  result: OrderResult | null;
  /** Why: `already at target`, `dry run: not sent`, `refused: …`, or the broker's answer. */
  reason: string;
  account: Account;
  /** The position in `symbol` before the order (quantity 0 when none). */
  position: Position;
}

const MAX_CLIENT_ORDER_ID = 128;

/**
 * Live trading on the latest bar: reads the account and the position (reads happen in dry run too: they
 * change nothing and the report needs them), computes the whole shares the target asks for,
 * `floor(clip(target, 0, 1) × equity / close)`, and sends at most the one order that closes the gap.
 *
 * The order's client id is deterministic per (strategy, symbol, bar time), so a second run on the same
 * bar either finds the position already at target or is answered `duplicate` by the broker: never a
 * second order. The pre-trade checks (`preTradeRefusal`, the same the paper broker applies) refuse an
 * order whose notional exceeds `maxOrderNotional`, or that would leave a position worth more than
 * `maxPositionPct` % of equity; they run on the account and position the order was sized from, in dry run
 * too, and a refused order, like any order in dry run, is never sent.
 */
export async function planLiveOrder(input: PlanLiveOrderInput): Promise<LiveOrderPlan> {
  validate(input);
  const { broker, symbol, close, limits } = input;
  const dryRun = input.dryRun ?? true;
  const account = await broker.getAccount();
  const positions = await broker.getPositions();
  const position = positions.find((held) => held.symbol === symbol) ?? { symbol, quantity: 0 };

  const exposure = Math.min(1, Math.max(0, input.target));
  const desired = account.equity > 0 ? Math.floor((exposure * account.equity) / close) : 0;
  const difference = desired - position.quantity;
  if (difference === 0) return { order: null, result: null, reason: 'already at target', account, position };

  const order: OrderRequest = {
    symbol,
    side: difference > 0 ? 'buy' : 'sell',
    quantity: Math.abs(difference),
    price: close,
    clientOrderId: clientOrderId(input.strategy, symbol, input.barTime),
    time: input.barTime,
  };
  const refusal = preTradeRefusal(order, { equity: account.equity, held: position.quantity }, limits);
  if (refusal) return { order, result: null, reason: refusal.reason, account, position };
  if (dryRun) return { order, result: null, reason: 'dry run: not sent', account, position };

  const result = await broker.submitOrder(order);
  const reason =
    result.status === 'duplicate'
      ? 'duplicate: the broker already has this order (placed by an earlier run)'
      : result.status === 'rejected'
        ? `rejected by the broker: ${result.reason ?? 'no reason given'}`
        : result.status;
  return { order, result, reason, account, position };
}

/**
 * `${strategy}-${symbol}-${barTime}`, with characters outside `[A-Za-z0-9._-]` replaced by `_` (Alpaca
 * accepts these anywhere) and, past 128 characters, cut with a hash of the whole id so it stays unique.
 */
export function clientOrderId(strategy: string, symbol: string, barTime: number): string {
  const id = `${strategy}-${symbol}-${barTime}`;
  const safe = id.replace(/[^A-Za-z0-9._-]/g, '_');
  if (safe.length <= MAX_CLIENT_ORDER_ID) return safe;
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 16);
  return `${safe.slice(0, MAX_CLIENT_ORDER_ID - hash.length - 1)}-${hash}`;
}

function validate(input: PlanLiveOrderInput): void {
  const violations: FieldViolation[] = [];
  if (!input.symbol) violations.push({ field: 'symbol', rule: 'is required' });
  if (!input.strategy) violations.push({ field: 'strategy', rule: 'is required' });
  if (!Number.isFinite(input.barTime))
    violations.push({ field: 'bar_time', rule: 'must be a time in epoch ms' });
  if (!(Number.isFinite(input.close) && input.close > 0))
    violations.push({ field: 'close', rule: 'must be a number above 0' });
  if (!Number.isFinite(input.target)) violations.push({ field: 'target', rule: 'must be a finite number' });
  violations.push(...preTradeLimitViolations(input.limits));
  if (violations.length > 0) throw AetherError.invalid(violations, 'cannot plan the live order');
}
