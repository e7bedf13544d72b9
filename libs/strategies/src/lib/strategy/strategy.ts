import { type BarSeries } from '@aetherquant/core';

/** The longest window (in bars) any built-in strategy takes: about 40 years of daily bars. */
export const MAX_WINDOW = 10_000;

/** One tunable number of a strategy, with the bounds a sweep or a form may use. */
export interface ParameterSpec {
  /** As callers spell it: `fast`, `slow`, `period`. */
  name: string;
  description: string;
  /** `integer` for window lengths, `number` for levels such as RSI thresholds. */
  kind: 'integer' | 'number';
  default: number;
  /** Inclusive bounds. */
  min: number;
  max: number;
}

/**
 * How a thread, which cannot be handed a strategy's functions, loads a strategy from a file again: `loader` is
 * the absolute path of a CommonJS module exporting `strategyOfModule(module, name): Promise<Strategy>`, and
 * `module` the strategy file's absolute path.
 */
export interface StrategyReload {
  readonly module: string;
  readonly loader: string;
}

/** Parameter values by name, every parameter of the strategy present once resolved. */
export type StrategyParameters = Record<string, number>;

/**
 * A strategy turns a series into target exposure per bar (GUIDE §2): a `Float64Array` in [-1, 1], where +1
 * is fully long and −1 fully short. The exposure decided at the close of bar t earns the return of bar
 * t+1, so the target at t may only use bars ≤ t: removing the bars after t never changes it.
 */
export interface Strategy {
  /** Lower-case words joined by hyphens (`ma-cross`), unique in a registry. */
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly ParameterSpec[];
  /**
   * The parameters {@link Strategy.warmupBars} depends on, named in {@link requireBars}' message
   * (`with slow 50`); all parameters when absent.
   */
  readonly warmupParameters?: readonly string[];
  /**
   * Inputs to `resolveParameters` that reach the strategy's edges (the shortest windows, the tightest
   * bounds), checked by the contract suite besides the defaults. The strategy brings its own, so the suite
   * runs every strategy of a registry the same way, with no table to keep beside it.
   */
  readonly contractParameterSets?: readonly Readonly<Record<string, number>>[];
  /**
   * Defaults filled in, each value checked against its spec, then the cross-parameter rules (fast < slow,
   * lower < upper). Throws one INVALID_ARGUMENT listing every violation, each naming the parameter
   * (field = parameter name); unknown parameter names are violations too. `undefined` counts as absent.
   */
  resolveParameters(input: Record<string, unknown>): StrategyParameters;
  /**
   * Set for a strategy loaded from a file (see {@link StrategyReload}), so the threads of a sweep can load it
   * too; absent for the built-ins, which a thread finds by name.
   */
  readonly reload?: StrategyReload;
  /** The number of bars before the first bar whose target can be non-zero (ma-cross: slow − 1). */
  warmupBars(parameters: StrategyParameters): number;
  /**
   * Target exposure per bar, in [-1, 1], one per bar of `series`, using only bars ≤ t for bar t. Written
   * into `out` when given (it must hold exactly one element per bar) and returned.
   */
  targets(series: BarSeries, parameters: StrategyParameters, out?: Float64Array): Float64Array;
}
