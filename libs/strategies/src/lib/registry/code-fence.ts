import { AetherError, type BarSeries } from '@aetherquant/core';
import { type StrategyParameters } from '../strategy/strategy';

/**
 * The most warm-up bars a strategy from a file may ask for: about 400 years of daily bars. More is a bug (or a
 * unit mistake) that would otherwise reach the data layer as a date before year 0.
 */
export const MAX_WARMUP_BARS = 100_000;

/** The bar columns a strategy reads and must never write. */
const COLUMNS = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;

/** How a guard handles one kind's inputs and outputs: its bars, and an output whose unwritten slots read NaN. */
export interface FenceKind<Input, Out, Targets> {
  /** The series a call reads (one, or a universe's). */
  seriesOf(input: Input): readonly BarSeries[];
  /** The output to hand the code: the caller's, or a new one, with every slot NaN so an unwritten one shows. */
  unwritten(input: Input, out: Out | undefined): Out;
  targetsProblem(targets: Targets, input: Input): string | undefined;
}

/** The members of a strategy of either kind that run its code: `Input` is a series or a universe. */
export interface FencedStrategy<Input, Out, Targets> {
  readonly name: string;
  resolveParameters(input: Record<string, unknown>): StrategyParameters;
  warmupBars(parameters: StrategyParameters): number;
  targets(input: Input, parameters: StrategyParameters, out?: Out): Targets;
}

/**
 * The code-running members of a strategy from a file, fenced off, for `guardStrategy` and
 * `guardUniverseStrategy`: what the code throws (other than an AetherError, such as a parameter it refuses)
 * becomes an INVALID_ARGUMENT naming the strategy and `source`, as does a warm-up that is not a whole number
 * of bars, or targets `targetsProblem` finds fault with (checked on every call: a bad target must never reach
 * an equity curve). A guard spreads these over the strategy.
 */
export function fencedMembers<Input, Out, Targets>(
  strategy: FencedStrategy<Input, Out, Targets>,
  source: string,
  kind: FenceKind<Input, Out, Targets>,
): Pick<FencedStrategy<Input, Out, Targets>, 'resolveParameters' | 'warmupBars' | 'targets'> {
  const context = `strategy ${strategy.name} (${source})`;
  const fenced = <T>(action: () => T): T => {
    try {
      return action();
    } catch (error) {
      if (error instanceof AetherError) throw error;
      const thrown = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw AetherError.invalid([{ field: 'code', rule: `must not throw (threw ${thrown})` }], context);
    }
  };
  return {
    resolveParameters: (input: Record<string, unknown>) => fenced(() => strategy.resolveParameters(input)),
    warmupBars(parameters: StrategyParameters) {
      const bars: unknown = fenced(() => strategy.warmupBars(parameters));
      if (typeof bars === 'number' && Number.isInteger(bars) && bars >= 0 && bars <= MAX_WARMUP_BARS) {
        return bars;
      }
      const shown = typeof bars === 'number' ? String(bars) : (JSON.stringify(bars) ?? String(bars));
      throw AetherError.invalid(
        [
          {
            field: 'warmupBars',
            rule: `must give a whole number of bars from 0 to ${MAX_WARMUP_BARS} (got ${shown})`,
          },
        ],
        context,
      );
    },
    targets(input: Input, parameters: StrategyParameters, out?: Out) {
      // The bars are shared (a sweep's cells, the API's recent bars): a write would change every later
      // figure, so the columns are compared after the call, restored, and the run refused.
      const series = kind.seriesOf(input);
      const before = series.map((bars) => COLUMNS.map((column) => Float64Array.from(bars[column])));
      const targets = fenced(() => strategy.targets(input, parameters, kind.unwritten(input, out)));
      const written = restoreWrites(series, before);
      if (written !== undefined) {
        throw AetherError.invalid(
          [{ field: 'code', rule: `must not write into the bars it is given (${written})` }],
          context,
        );
      }
      const problem = kind.targetsProblem(targets, input);
      if (problem !== undefined) throw AetherError.invalid([{ field: 'targets', rule: problem }], context);
      return targets;
    },
  };
}

/** The first bar value the code changed (`SPY close[3]`), after putting every column back as it was; or undefined. */
function restoreWrites(series: readonly BarSeries[], before: readonly Float64Array[][]): string | undefined {
  let first: string | undefined;
  series.forEach((bars, i) => {
    COLUMNS.forEach((column, c) => {
      const now = bars[column];
      const was = before[i]?.[c] as Float64Array;
      for (let t = 0; t < now.length; t++) {
        if (Object.is(now[t], was[t])) continue;
        first ??= `${bars.symbol} ${column}[${t}] changed`;
        now.set(was);
        break;
      }
    });
  });
  return first;
}
