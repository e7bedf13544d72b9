import { AetherError, type FieldViolation } from '@aetherquant/core';
import {
  type Account,
  type Broker,
  type OrderRequest,
  type OrderResult,
  type Position,
} from '../broker/broker';
import { type PreTradeLimits, preTradeLimitViolations, preTradeRefusal } from '../pre-trade/pre-trade-checks';

export interface PaperBrokerOptions {
  /** Starting cash; positive. */
  cash: number;
  /** Commission in basis points of the fill notional (quantity × fill price); at least 0. */
  commissionBps: number;
  /** Slippage in basis points: buys fill at price × (1 + bps/10⁴), sells at price × (1 − bps/10⁴); at least 0. */
  slippageBps: number;
  /** Allow fractional share quantities; whole shares only when false or absent. */
  fractional?: boolean;
  /**
   * The pre-trade limits every order must pass, the same checks and reasons as a live order's; no checks
   * when absent.
   */
  limits?: PreTradeLimits;
}

interface Holding {
  quantity: number;
  /** Cost basis per share: the fill prices (slippage included, commission not), quantity-weighted. */
  averagePrice: number;
}

/**
 * A simulated, long-only broker: many symbols, one cash ledger, commission and slippage in basis points.
 *
 * With `limits`, an order first passes the pre-trade checks (`preTradeRefusal`, the ones a live order
 * passes) on the ledger as it stands: one that breaks a limit is rejected with the live refusal's words.
 *
 * Every fill happens at once at the order's reference price moved by the slippage against the trader. A
 * buy needs `quantity × fillPrice + commission ≤ cash`, a sell needs `quantity ≤ position`: anything else
 * is rejected with a reason (status `rejected`), so cash and positions can never go negative. Malformed
 * orders (empty symbol, non-positive or non-finite quantity or price, unknown side, empty client order id)
 * throw INVALID_ARGUMENT instead: they are bugs in the caller, not market outcomes.
 *
 * Equity is `cash + Σ quantity × mark`; the mark of a symbol is the last price given to
 * {@link PaperBroker.markPrice} or the reference price of its last fill, whichever came last.
 */
export class PaperBroker implements Broker {
  readonly name = 'paper';
  readonly commissionBps: number;
  readonly slippageBps: number;
  readonly fractional: boolean;
  readonly limits: Readonly<PreTradeLimits> | undefined;

  #cash: number;
  readonly #holdings = new Map<string, Holding>();
  readonly #marks = new Map<string, number>();
  readonly #fills: OrderResult[] = [];
  /** Filled orders by client order id, for idempotence. */
  readonly #filled = new Map<string, OrderResult>();

  constructor(options: PaperBrokerOptions) {
    const { cash, commissionBps, slippageBps } = options;
    const violations: FieldViolation[] = [];
    if (!(cash > 0 && cash < Infinity))
      violations.push({ field: 'initial_cash', rule: `must be a positive amount (got ${cash})` });
    if (!(commissionBps >= 0 && commissionBps < Infinity))
      violations.push({ field: 'commission_bps', rule: `must be at least 0 (got ${commissionBps})` });
    if (!(slippageBps >= 0 && slippageBps < Infinity))
      violations.push({ field: 'slippage_bps', rule: `must be at least 0 (got ${slippageBps})` });
    if (options.limits) violations.push(...preTradeLimitViolations(options.limits));
    if (violations.length > 0) throw AetherError.invalid(violations, 'paper broker');
    this.#cash = cash;
    this.commissionBps = commissionBps;
    this.slippageBps = slippageBps;
    this.fractional = options.fractional ?? false;
    this.limits = options.limits === undefined ? undefined : { ...options.limits };
  }

  /** The price `side` fills at for reference price `price`: slippage always against the trader. */
  fillPrice(side: OrderRequest['side'], price: number): number {
    const slippage = this.slippageBps / 10_000;
    return side === 'buy' ? price * (1 + slippage) : price * (1 - slippage);
  }

  /** Commission on a fill of `quantity` shares at `fillPrice`. */
  commission(quantity: number, fillPrice: number): number {
    return (quantity * fillPrice * this.commissionBps) / 10_000;
  }

  async submitOrder(order: OrderRequest): Promise<OrderResult> {
    checkOrder(order);
    const previous = this.#filled.get(order.clientOrderId);
    if (previous) return { ...previous, status: 'duplicate' };

    const { symbol, side, quantity, price, clientOrderId, time } = order;
    const reject = (reason: string): OrderResult => ({
      clientOrderId,
      symbol,
      side,
      quantity,
      status: 'rejected',
      reason,
      time,
    });
    // Before the broker's own rules, as a live order is checked before its broker sees it.
    if (this.limits) {
      const state = { equity: this.account().equity, held: this.quantity(symbol) };
      const refusal = preTradeRefusal(order, state, this.limits);
      if (refusal) return reject(refusal.reason);
    }
    if (!this.fractional && !Number.isInteger(quantity))
      return reject(`quantity ${quantity} is not a whole number of shares (fractional shares are off)`);

    const fillPrice = this.fillPrice(side, price);
    const commission = this.commission(quantity, fillPrice);
    const notional = quantity * fillPrice;
    const holding = this.#holdings.get(symbol);
    if (side === 'buy') {
      const cost = notional + commission;
      if (cost > this.#cash)
        return reject(
          `insufficient cash: buying ${quantity} ${symbol} at ${fillPrice} costs ${cost} with commission, cash is ${this.#cash}`,
        );
      // cost ≤ cash, and rounding is monotonic, so the difference is never below 0.
      this.#cash -= cost;
      if (holding) {
        const total = holding.quantity + quantity;
        holding.averagePrice = (holding.quantity * holding.averagePrice + notional) / total;
        holding.quantity = total;
      } else {
        this.#holdings.set(symbol, { quantity, averagePrice: fillPrice });
      }
    } else {
      const held = holding?.quantity ?? 0;
      if (!holding || quantity > held)
        return reject(
          `insufficient position: selling ${quantity} ${symbol} but holding ${held} (no short sales)`,
        );
      this.#cash += notional - commission;
      holding.quantity -= quantity;
      if (holding.quantity === 0) this.#holdings.delete(symbol);
    }
    this.#marks.set(symbol, price);

    const result: OrderResult = {
      clientOrderId,
      symbol,
      side,
      quantity,
      status: 'filled',
      fillPrice,
      commission,
      brokerOrderId: `paper-${this.#fills.length + 1}`,
      time,
    };
    this.#fills.push(result);
    this.#filled.set(clientOrderId, result);
    return { ...result };
  }

  /** Sets the price `symbol`'s position is valued at (the bar's close in a replay). */
  markPrice(symbol: string, price: number): void {
    if (typeof symbol !== 'string' || symbol.length === 0 || !(price > 0 && price < Infinity)) {
      throw AetherError.invalid(
        [
          {
            field: 'price',
            rule: `must be a positive price for a non-empty symbol (got ${symbol} at ${price})`,
          },
        ],
        'paper broker mark',
      );
    }
    this.#marks.set(symbol, price);
  }

  /** Cash and positions synchronously (the engine's hot path and tests); {@link getAccount} wraps it. */
  account(): Account {
    let marketValue = 0;
    for (const [symbol, holding] of this.#holdings)
      marketValue += holding.quantity * this.#mark(symbol, holding);
    return { cash: this.#cash, equity: this.#cash + marketValue };
  }

  /** Shares held of `symbol` (0 when none). */
  quantity(symbol: string): number {
    return this.#holdings.get(symbol)?.quantity ?? 0;
  }

  positionList(): Position[] {
    return [...this.#holdings].map(([symbol, holding]) => ({
      symbol,
      quantity: holding.quantity,
      averagePrice: holding.averagePrice,
      marketValue: holding.quantity * this.#mark(symbol, holding),
    }));
  }

  async getAccount(): Promise<Account> {
    return this.account();
  }

  async getPositions(): Promise<Position[]> {
    return this.positionList();
  }

  /** Every fill so far, oldest first, as copies. */
  fills(): OrderResult[] {
    return this.#fills.map((fill) => ({ ...fill }));
  }

  #mark(symbol: string, holding: Holding): number {
    // A holding always has a mark (its fill set one); the fallback only keeps the types honest.
    return this.#marks.get(symbol) ?? holding.averagePrice;
  }
}

function checkOrder(order: OrderRequest): void {
  const violations: FieldViolation[] = [];
  const { symbol, side, quantity, price, clientOrderId } = order;
  if (typeof symbol !== 'string' || symbol.trim().length === 0)
    violations.push({ field: 'symbol', rule: 'must be a non-empty symbol' });
  if (side !== 'buy' && side !== 'sell')
    violations.push({ field: 'side', rule: `must be buy or sell (got ${String(side)})` });
  if (!(quantity > 0 && quantity < Infinity))
    violations.push({ field: 'quantity', rule: `must be a positive number of shares (got ${quantity})` });
  if (!(price > 0 && price < Infinity))
    violations.push({ field: 'price', rule: `must be a positive price (got ${price})` });
  if (typeof clientOrderId !== 'string' || clientOrderId.length === 0)
    violations.push({ field: 'client_order_id', rule: 'must be a non-empty string' });
  if (violations.length > 0) throw AetherError.invalid(violations, 'order');
}
