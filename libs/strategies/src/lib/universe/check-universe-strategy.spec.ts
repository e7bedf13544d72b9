import { checkUniverseStrategy } from './check-universe-strategy';
import { defineUniverseStrategy, type UniverseStrategyDefinition } from './universe-strategy';

const base = {
  description: 'A test universe strategy.',
  parameters: [{ name: 'lag', description: 'Bars back.', kind: 'integer', default: 1, min: 1, max: 5 }],
  warmupBars: ({ lag }) => lag as number,
} satisfies Omit<UniverseStrategyDefinition, 'name' | 'compute'>;

/** Equal long positions in every symbol whose close rose over `lag` bars: a fair strategy. */
const fair = defineUniverseStrategy({
  ...base,
  name: 'rising-equal',
  compute(universe, { lag }, targets) {
    const n = universe[0]?.length ?? 0;
    const share = 1 / universe.length;
    for (const [i, series] of universe.entries()) {
      for (let t = 0; t < n; t++) {
        const rising = t >= (lag as number) && series.close[t] > series.close[t - (lag as number)];
        (targets[i] as Float64Array)[t] = rising ? share : 0;
      }
    }
  },
});

describe('checkUniverseStrategy', () => {
  it('passes a fair strategy on every property', () => {
    const check = checkUniverseStrategy(fair);
    expect(check).toMatchObject({ strategy: 'rising-equal', passed: true });
    expect(check.verdicts.map((verdict) => verdict.property)).toEqual([
      'parameters',
      'bounds',
      'warm-up',
      'determinism',
      'no-look-ahead',
    ]);
  });

  it('flags a strategy that reads the next bar of another series (look-ahead)', () => {
    const peeking = defineUniverseStrategy({
      ...base,
      name: 'peeking',
      compute(universe, { lag }, targets) {
        const n = universe[0]?.length ?? 0;
        const last = universe[universe.length - 1]?.close as Float64Array;
        for (const [i] of universe.entries()) {
          for (let t = 0; t < n; t++) {
            // Tomorrow's close of the last symbol decides today's position in every symbol.
            const up = t >= (lag as number) && t + 1 < n && last[t + 1] > last[t];
            (targets[i] as Float64Array)[t] = up ? 1 / universe.length : 0;
          }
        }
      },
    });
    const check = checkUniverseStrategy(peeking);
    expect(check.passed).toBe(false);
    const verdict = check.verdicts.find((v) => v.property === 'no-look-ahead');
    expect(verdict?.passed).toBe(false);
    expect(verdict?.problem).toMatch(/when the bars after \d+ are removed: it reads bars after \d+/);
    expect(check.verdicts.filter((v) => !v.passed).map((v) => v.property)).toEqual(['no-look-ahead']);
  });

  it('flags a gross exposure above 1 (bounds) and a target during the warm-up', () => {
    const levered = defineUniverseStrategy({
      ...base,
      name: 'levered',
      compute(_universe, _parameters, targets) {
        for (const column of targets) column.fill(1);
      },
    });
    const check = checkUniverseStrategy(levered);
    const failed = Object.fromEntries(
      check.verdicts.filter((v) => !v.passed).map((v) => [v.property, v.problem]),
    );
    expect(Object.keys(failed)).toEqual(['bounds', 'warm-up']);
    expect(failed['bounds']).toMatch(/the gross exposure on bar \d+ is [2-5] in a universe of [2-5] series/);
  });

  it('is deterministic: the same verdict twice', () => {
    expect(checkUniverseStrategy(fair, { seed: 7 })).toEqual(checkUniverseStrategy(fair, { seed: 7 }));
  });
});
