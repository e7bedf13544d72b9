/**
 * Five bars for the hand-computed tests of ATR, ADX and Keltner channels: a rise, a higher high, a drop
 * below the previous close, and a gap up. True ranges from bar 1: 2, 2.5, 3, 4.
 */
export const RANGE_BARS = {
  high: [10, 11, 12, 11.5, 13],
  low: [8, 9, 9.5, 8.5, 12],
  close: [9, 10, 11, 9, 12.5],
};

/** Six bars for the stochastic oscillator and Donchian channels. */
export const CHANNEL_BARS = {
  high: [10, 11, 12, 11, 13, 12],
  low: [8, 9, 10, 9, 11, 10],
  close: [9, 10, 11, 10, 12, 11],
};
