import { AetherError } from '@aetherquant/core';
import { type StrategyParameters } from '../strategy/strategy';

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
  targetsProblem: (targets: unknown, input: Input) => string | undefined,
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
      const bars = fenced(() => strategy.warmupBars(parameters));
      if (Number.isInteger(bars) && bars >= 0) return bars;
      throw AetherError.invalid(
        [{ field: 'warmupBars', rule: `must give a whole number of bars (got ${String(bars)})` }],
        context,
      );
    },
    targets(input: Input, parameters: StrategyParameters, out?: Out) {
      const targets = fenced(() => strategy.targets(input, parameters, out));
      const problem = targetsProblem(targets, input);
      if (problem !== undefined) throw AetherError.invalid([{ field: 'targets', rule: problem }], context);
      return targets;
    },
  };
}
