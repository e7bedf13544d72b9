import type { FieldViolation } from '@aetherquant/core';

import type { OrderRequest } from '../broker/broker';

/**
 * The pre-trade limits every order obeys, paper or live (`AETHERQ_MAX_ORDER_NOTIONAL`,
 * `AETHERQ_MAX_POSITION_PCT`).
 */
export interface PreTradeLimits {
  /** The largest order, in account currency: |quantity| × reference price. */
  maxOrderNotional: number;
  /** The largest position an order may leave, in percent of equity (0 to 100], as the settings define it. */
  maxPositionPct: number;
}

/** What an order is checked against: the account as the order was sized from it. */
export interface PreTradeState {
  /** Account equity before the order. */
  equity: number;
  /** Shares of the order's symbol held before the order (0 when none). */
  held: number;
}

/** Which limit refused an order; spelled as the settings' snake_case names, stable for scripts. */
export type PreTradeCheck = 'max_order_notional' | 'max_position_pct';

/** An order the pre-trade checks refused: the limit it broke, and the sentence that says why. */
export interface PreTradeRefusal {
  check: PreTradeCheck;
  /** `refused: …`, the same words for a paper order and a live one. */
  reason: string;
}

/**
 * The pre-trade checks, in one place for every environment (as Nautilus's risk engine stands between
 * every strategy and every venue): the paper broker applies them to each order it is sent, and
 * `planLiveOrder` to the one live order it computes, before the broker sees it (and in dry run too).
 *
 * In order: an order worth more than `maxOrderNotional` (quantity × reference price) is refused; then an
 * order that would leave a position worth more than `maxPositionPct` % of equity (valued at the order's
 * reference price) is refused, unless it shrinks the position. `null` when the order passes.
 */
export function preTradeRefusal(
  order: Pick<OrderRequest, 'side' | 'quantity' | 'price'>,
  state: PreTradeState,
  limits: PreTradeLimits,
): PreTradeRefusal | null {
  const notional = order.quantity * order.price;
  if (notional > limits.maxOrderNotional) {
    return {
      check: 'max_order_notional',
      reason: `refused: order notional ${money(notional)} exceeds max_order_notional ${money(limits.maxOrderNotional)}`,
    };
  }
  const after = state.held + (order.side === 'buy' ? order.quantity : -order.quantity);
  // An order that shrinks the position lowers the risk, so the position limit never blocks it.
  if (Math.abs(after) <= Math.abs(state.held)) return null;
  const positionValue = Math.abs(after) * order.price;
  const allowed = (limits.maxPositionPct / 100) * state.equity;
  if (positionValue > allowed) {
    const percent = state.equity > 0 ? (100 * positionValue) / state.equity : Infinity;
    return {
      check: 'max_position_pct',
      reason: `refused: the position would be ${money(positionValue)} (${percent.toFixed(2)}% of equity), above max_position_pct ${limits.maxPositionPct}%`,
    };
  }
  return null;
}

/**
 * What is wrong with `limits`, named as the settings spell the fields, so each caller lists them beside its
 * own violations in one INVALID_ARGUMENT.
 */
export function preTradeLimitViolations(limits: PreTradeLimits): FieldViolation[] {
  const violations: FieldViolation[] = [];
  // Written so that NaN fails too.
  if (!(limits.maxOrderNotional > 0)) {
    violations.push({ field: 'max_order_notional', rule: 'must be a number above 0' });
  }
  if (!(limits.maxPositionPct > 0 && limits.maxPositionPct <= 100)) {
    violations.push({ field: 'max_position_pct', rule: 'must be a percent above 0 and at most 100' });
  }
  return violations;
}

function money(value: number): string {
  return value.toFixed(2);
}
