import { type BarSeries } from '@aetherquant/core';
import fc from 'fast-check';
import { clipLongOnly } from '../lib/strategy/long-only';
import { type Strategy, type StrategyParameters } from '../lib/strategy/strategy';
import { randomSeries, sampleSeries, seriesOf, thrown } from './series';

/** Runs per property: enough to meet ties, flat stretches and every cut point class on short series. */
const PROPERTY_RUNS = 150;

/**
 * The first bar t ≤ `cut` whose target differs (by `Object.is`) between the whole series and the series cut
 * after bar `cut`, or −1 when none does: a strategy that reads bars after t to decide at t shows up here.
 */
export function lookAheadMismatch(
  strategy: Strategy,
  parameters: StrategyParameters,
  series: BarSeries,
  cut: number,
): number {
  const full = strategy.targets(series, parameters);
  const prefix = strategy.targets(series.slice(0, cut + 1), parameters);
  if (prefix.length !== cut + 1) return 0;
  for (let t = 0; t <= cut; t++) if (!Object.is(prefix[t], full[t])) return t;
  return -1;
}

/** The no-look-ahead property (GUIDE §5): for random series and cut points, the prefix's targets are kept. */
export function noLookAheadProperty(
  strategy: Strategy,
  parameters: StrategyParameters,
): fc.IPropertyWithHooks<[BarSeries, number]> {
  return fc.property(randomSeries(), fc.nat(), (series, raw) => {
    const cut = raw % series.length;
    return lookAheadMismatch(strategy, parameters, series, cut) === -1;
  });
}

/** Why `targets` is not one finite exposure in [lowest, 1] per bar of `length` bars, or undefined. */
export function targetsProblem(targets: Float64Array, length: number, lowest = -1): string | undefined {
  if (!(targets instanceof Float64Array)) return 'targets are not a Float64Array';
  if (targets.length !== length) return `${targets.length} targets for ${length} bars`;
  for (let t = 0; t < length; t++) {
    const value = targets[t] as number;
    if (!(value >= lowest && value <= 1)) return `target[${t}] = ${value} is outside [${lowest}, 1]`;
  }
  return undefined;
}

/**
 * The behaviour every `Strategy` shares (GUIDE §5: one contract suite per interface), checked with its
 * defaults and with each of `parameterSets` (inputs to `resolveParameters`): by default the edge cases the
 * strategy declares itself (`contractParameterSets`).
 */
export function describeStrategyContract(
  strategy: Strategy,
  parameterSets: readonly Readonly<Record<string, unknown>>[] = strategy.contractParameterSets ?? [],
): void {
  describe(`${strategy.name} satisfies the Strategy contract`, () => {
    it('declares parameters whose defaults lie within their bounds and resolve as they are', () => {
      const defaults: Record<string, number> = {};
      for (const spec of strategy.parameters) {
        expect(spec.min).toBeLessThanOrEqual(spec.default);
        expect(spec.default).toBeLessThanOrEqual(spec.max);
        if (spec.kind === 'integer') {
          expect(Number.isInteger(spec.default)).toBe(true);
          expect(Number.isInteger(spec.min)).toBe(true);
        }
        defaults[spec.name] = spec.default;
      }
      expect(strategy.resolveParameters({})).toEqual(defaults);
      expect(new Set(strategy.parameters.map((spec) => spec.name)).size).toBe(strategy.parameters.length);
    });

    it('rejects a parameter it does not know, naming it', () => {
      const error = thrown(() => strategy.resolveParameters({ noSuchParameter: 1 }));
      expect(error.details?.violations).toEqual([
        { field: 'noSuchParameter', rule: expect.stringContaining(`is not a parameter of ${strategy.name}`) },
      ]);
    });

    describe.each([{}, ...parameterSets].map((input) => [JSON.stringify(input), input] as const))(
      'with parameters %s',
      (_label, input) => {
        const parameters = strategy.resolveParameters(input);
        const warmup = strategy.warmupBars(parameters);
        const lengths = [0, 1, 2, warmup, warmup + 1, warmup + 2, warmup + 150];
        const samples = lengths.map((length, i) =>
          length === 0 ? seriesOf({ close: [] }) : sampleSeries(length, 1_000 + i),
        );

        it('resolves to every declared parameter and resolves again to the same values', () => {
          expect(Object.keys(parameters).sort()).toEqual(strategy.parameters.map((s) => s.name).sort());
          expect(strategy.resolveParameters(parameters)).toEqual(parameters);
          expect(Number.isInteger(warmup) && warmup >= 0).toBe(true);
        });

        it('returns one finite target in [-1, 1] per bar, flat before the warm-up ends', () => {
          for (const series of samples) {
            const targets = strategy.targets(series, parameters);
            expect(targetsProblem(targets, series.length)).toBeUndefined();
            for (let t = 0; t < Math.min(warmup, series.length); t++) expect(targets[t]).toBe(0);
          }
          fc.assert(
            fc.property(randomSeries(), (series) => {
              expect(targetsProblem(strategy.targets(series, parameters), series.length)).toBeUndefined();
            }),
            { numRuns: PROPERTY_RUNS },
          );
        });

        it('is deterministic and leaves the series untouched', () => {
          for (const series of samples) {
            const before = Array.from(series.close);
            const first = strategy.targets(series, parameters);
            const again = strategy.targets(series, parameters);
            const copy = seriesOf({
              close: Array.from(series.close),
              high: Array.from(series.high),
              low: Array.from(series.low),
            });
            expect(again).not.toBe(first);
            expect(Array.from(again)).toEqual(Array.from(first));
            expect(Array.from(strategy.targets(copy, parameters))).toEqual(Array.from(first));
            expect(Array.from(series.close)).toEqual(before);
          }
        });

        it('fills a preallocated out array completely and returns it, refusing one of another length', () => {
          for (const series of samples) {
            const out = new Float64Array(series.length).fill(Number.NaN);
            const targets = strategy.targets(series, parameters, out);
            expect(targets).toBe(out);
            expect(Array.from(out)).toEqual(Array.from(strategy.targets(series, parameters)));
          }
          const series = samples[samples.length - 1] as BarSeries;
          const error = thrown(() =>
            strategy.targets(series, parameters, new Float64Array(series.length + 1)),
          );
          expect(error.details?.violations?.[0]?.field).toBe('out');
        });

        it('gives targets in [0, 1] once clipped long-only, the long ones unchanged', () => {
          for (const series of samples) {
            const targets = strategy.targets(series, parameters);
            const clipped = clipLongOnly(Float64Array.from(targets));
            expect(targetsProblem(clipped, series.length, 0)).toBeUndefined();
            for (let t = 0; t < series.length; t++) {
              expect(clipped[t]).toBe((targets[t] as number) > 0 ? targets[t] : 0);
            }
          }
        });

        it('never looks ahead: the target at t is the same when the bars after t are removed', () => {
          fc.assert(noLookAheadProperty(strategy, parameters), { numRuns: PROPERTY_RUNS });
        });
      },
    );
  });
}
