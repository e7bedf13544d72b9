import { parseInterval } from '@aetherquant/core';
import { type Trade } from '@aetherquant/backtest';
import { MAX_LISTED_TRADES, tradeList } from './trade-list';

const day = parseInterval('1d');
const trade = (n: number): Trade => ({
  side: n % 2 === 0 ? 'long' : 'short',
  entryIndex: n,
  exitIndex: n + 1,
  entryTime: Date.UTC(2024, 0, 2 + n),
  exitTime: Date.UTC(2024, 0, 3 + n),
  entryPrice: 100.123,
  exitPrice: 101.987,
  return: 0.01862345678,
  barsHeld: 1,
  open: false,
});

describe('tradeList', () => {
  it('shows a trade with dates, prices to the cent and the return to 6 decimals', () => {
    expect(tradeList([trade(0)], day)).toEqual([
      {
        side: 'long',
        entry: '2024-01-02',
        exit: '2024-01-03',
        entry_price: 100.12,
        exit_price: 101.99,
        return: 0.018623,
        bars_held: 1,
        open: false,
      },
    ]);
  });

  it('keeps the latest trades only, oldest first', () => {
    const trades = Array.from({ length: MAX_LISTED_TRADES + 3 }, (_, n) => trade(n));
    const listed = tradeList(trades, day);
    expect(listed).toHaveLength(MAX_LISTED_TRADES);
    expect(listed[0]?.entry).toBe(tradeList([trade(3)], day)[0]?.entry);
  });
});
