import { seriesOf, thrown } from '../../testing/series';
import { donchianBreakoutStrategy } from './donchian-breakout.strategy';

describe('donchian-breakout', () => {
  it('enters on a breakout of the previous entry bars and exits through the previous exit bars (3 / 2)', () => {
    // prettier-ignore
    const series = seriesOf({
      high:  [11, 12, 11, 13,   13, 12,   11, 10, 10,  11,   12],
      low:   [ 9, 10,  9, 11,   11, 10,    8,  8,  9,  10, 10.5],
      close: [10, 11, 10, 12.5, 12, 10.5, 8.5, 9, 9.5, 10.5, 11.5],
    });
    // Channels span the bars BEFORE t: entry over 3 bars, exit over 2.
    // bar 0–2: fewer than 3 bars before                                                  → 0
    // bar 3: close 12.5 > max high of bars 0–2 (12)                             enter    → +1
    // bar 4: 12 within entry channel (9 … 13); long exit: 12 < min low of 2–3 (9)? no   → hold +1
    // bar 5: 10.5 within entry (9 … 13); 10.5 < min low of bars 3–4 (11)         exit    → 0
    // bar 6: 8.5 < min low of bars 3–5 (10)                                     short   → −1
    // bar 7: 9 within entry (8 … 13); short exit: 9 > max high of bars 5–6 (12)? no     → hold −1
    // bar 8: 9.5 within entry (8 … 12); 9.5 > max high of bars 6–7 (11)? no             → hold −1
    // bar 9: 10.5 within entry (8 … 11); 10.5 > max high of bars 7–8 (10)        exit    → 0
    // bar 10: 11.5 > max high of bars 7–9 (11)                                  enter    → +1
    expect(Array.from(donchianBreakoutStrategy.targets(series, { entry: 3, exit: 2 }))).toEqual([
      0, 0, 0, 1, 1, 0, -1, -1, -1, 0, 1,
    ]);
    expect(donchianBreakoutStrategy.warmupBars({ entry: 3, exit: 2 })).toBe(3);
  });

  it('reverses straight from long to short on a breakout below the entry channel', () => {
    // prettier-ignore
    const series = seriesOf({
      high:  [11, 11, 11, 13, 10],
      low:   [ 9,  9,  9, 10,  7],
      close: [10, 10, 10, 12,  7.5],
    });
    // bar 3: 12 > 11 → +1; bar 4: 7.5 < min low of bars 1–3 (9) → −1, without a flat bar between.
    expect(Array.from(donchianBreakoutStrategy.targets(series, { entry: 3, exit: 2 }))).toEqual([
      0, 0, 0, 1, -1,
    ]);
  });

  it('does not count bar t in its own channel', () => {
    // A close at a new high is always at or below that bar's own high: had bar t been in the channel, no
    // breakout could ever fire.
    const series = seriesOf({ close: [10, 10, 11, 12, 13] });
    expect(Array.from(donchianBreakoutStrategy.targets(series, { entry: 2, exit: 1 }))).toEqual([
      0, 0, 1, 1, 1,
    ]);
  });

  it('uses entry 20 and exit 10 by default and refuses windows below 1', () => {
    expect(donchianBreakoutStrategy.resolveParameters({})).toEqual({ entry: 20, exit: 10 });
    expect(thrown(() => donchianBreakoutStrategy.resolveParameters({ entry: 0, exit: -1 })).message).toBe(
      'donchian-breakout parameters: entry must be at least 1 (got 0); exit must be at least 1 (got -1)',
    );
  });
});
