// Statistics per closed trade: how often a trade wins, and how much the winners make per unit the losers lose.
import type { FieldViolation } from '@aetherquant/core';
import { checkFinite, throwIfInvalid } from '../input/check-input';

/** Win rate and profit factor of a list of trades. */
export interface TradeStatistics {
  winRate: number | null;
  profitFactor: number | null;
}

/** Both trade statistics in one pass, without argument checks (the caller has made them). */
export function tradeStatisticsOf(tradeReturns: ArrayLike<number>): TradeStatistics {
  const count = tradeReturns.length;
  let wins = 0;
  let gains = 0;
  let losses = 0;
  for (let i = 0; i < count; i++) {
    const value = tradeReturns[i];
    if (value > 0) {
      wins++;
      gains += value;
    } else if (value < 0) {
      losses -= value;
    }
  }
  return {
    winRate: count === 0 ? null : wins / count,
    profitFactor: losses === 0 ? null : gains / losses,
  };
}

/**
 * Win rate: the fraction of trades whose return is strictly above 0 (a trade at exactly 0 counts as a trade
 * but not as a win). Edge case: `null` with no trades (undefined, not 0%).
 *
 * @param tradeReturns - the return of each closed trade, each finite.
 * @throws AetherError INVALID_ARGUMENT for a trade return that is not finite.
 */
export function winRate(tradeReturns: ArrayLike<number>): number | null {
  check(tradeReturns, 'winRate');
  return tradeStatisticsOf(tradeReturns).winRate;
}

/**
 * Profit factor: `Σ positive trade returns / |Σ negative trade returns|`. 0 when no trade wins but some lose.
 * Edge case: `null` when no trade loses (including no trades at all): the ratio is undefined (or infinite)
 * there, and JSON has no Infinity.
 *
 * @param tradeReturns - the return of each closed trade, each finite.
 * @throws AetherError INVALID_ARGUMENT for a trade return that is not finite.
 */
export function profitFactor(tradeReturns: ArrayLike<number>): number | null {
  check(tradeReturns, 'profitFactor');
  return tradeStatisticsOf(tradeReturns).profitFactor;
}

function check(tradeReturns: ArrayLike<number>, context: string): void {
  const violations: FieldViolation[] = [];
  checkFinite(tradeReturns, 'tradeReturns', violations);
  throwIfInvalid(violations, context);
}
