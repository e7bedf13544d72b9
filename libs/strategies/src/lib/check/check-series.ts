import { BarSeries } from '@aetherquant/core';

const DAY_MS = 86_400_000;
/** 2020-01-01T00:00:00Z: where the check's series start. */
const FIRST_TIME = 1_577_836_800_000;
const TICK = 0.25;

/**
 * A small, fast pseudo-random generator (mulberry32): the check must give the same verdict on every machine
 * and every run, so its series come from a seed, never from `Math.random`.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A daily series of `length` bars with valid OHLCV, drawn from `random`. Half the seeds walk in whole ticks of
 * 0.25 (so equal closes, equal averages and flat stretches, the edge cases of every rule, come up often),
 * half take continuous returns up to ±5 % a bar; volumes vary so volume-weighted rules are exercised too.
 */
export function checkSeries(length: number, random: () => number, symbol = 'CHECK'): BarSeries {
  const ticked = random() < 0.5;
  const time = new Array<number>(length);
  const open = new Array<number>(length);
  const high = new Array<number>(length);
  const low = new Array<number>(length);
  const close = new Array<number>(length);
  const volume = new Array<number>(length);
  let ticks = 400;
  let price = 100;
  for (let t = 0; t < length; t++) {
    const previous = price;
    if (ticked) {
      ticks = Math.max(1, ticks + Math.floor(random() * 9) - 4);
      price = ticks * TICK;
    } else {
      price = Math.max(0.01, price * (1 + (random() - 0.5) / 10));
    }
    time[t] = FIRST_TIME + t * DAY_MS;
    open[t] = previous;
    close[t] = price;
    high[t] = Math.max(previous, price) + Math.floor(random() * 4) * TICK;
    low[t] = Math.max(
      Math.min(previous, price) / 2,
      Math.min(previous, price) - Math.floor(random() * 4) * TICK,
    );
    volume[t] = 1_000 + Math.floor(random() * 9_000);
  }
  return new BarSeries({ symbol, interval: '1d', time, open, high, low, close, volume });
}
