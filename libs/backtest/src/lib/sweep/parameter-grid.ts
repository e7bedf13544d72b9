import { AetherError, type FieldViolation } from '@aetherquant/core';
import { type Strategy, type StrategyParameters } from '@aetherquant/strategies';

/** The most values one {@link parseRange} may produce: a typo such as `1:100000000:1` fails fast. */
export const MAX_RANGE_VALUES = 100_000;

/** The most combinations a grid may hold ({@link expandGrid}, `runSweep`, `runWalkForward`). */
export const MAX_GRID_COMBINATIONS = 1_000_000;

/** Values per parameter name, searched as their cartesian product (see {@link expandGrid} for the order). */
export type ParameterGrid = Record<string, readonly number[]>;

/** A decimal number as people type it: `5`, `-2`, `0.5`, `.5`, `1e3`; no hex, no `Infinity`, no blanks. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** How close to `stop` the last value of a range may land and still count as reaching it. */
const STOP_TOLERANCE = 1e-9;
const RULE = 'must be a number, a list a,b,c or a range start:stop:step';

/**
 * Parses one parameter's values as a command line spells them:
 *
 * - `20` → `[20]`;
 * - `5,10,20` → `[5, 10, 20]` (in the order given; a value may not repeat);
 * - `5:50:5` → `[5, 10, …, 50]`: `start:stop:step` with an INCLUSIVE stop and a step above 0.
 *
 * Decimals are allowed (`0.5:2:0.5` → `[0.5, 1, 1.5, 2]`). Range values are `start + i·step` (never a running
 * sum, so no error accumulates), rounded to the decimals `start` and `step` are written with, so
 * `0.1:0.3:0.1` gives `0.3` rather than `0.30000000000000004`; the stop is included when the last value lands
 * within 1e-9 of it. At most {@link MAX_RANGE_VALUES} values.
 *
 * @param field - the parameter the text is for, named in errors (`fast`).
 * @throws AetherError INVALID_ARGUMENT on `field`, with the rule broken: not a number, a list or a range;
 *   a step that is not above 0; a stop below the start; a repeated list value; too many values.
 */
export function parseRange(text: string, field: string): number[] {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  const fail = (rule: string): never => {
    throw AetherError.invalid([{ field, rule: `${rule} (got ${JSON.stringify(text)})` }]);
  };
  if (trimmed.includes(':')) {
    const parts = trimmed.split(':');
    if (parts.length !== 3) fail(RULE);
    const [start, stop, step] = parts.map((part) => numberOf(part.trim()) ?? fail(RULE)) as [
      number,
      number,
      number,
    ];
    if (!(step > 0)) fail('must have a range step above 0');
    if (stop < start) fail('must have a range stop at or above its start');
    const count = Math.floor((stop - start + STOP_TOLERANCE) / step) + 1;
    if (!(count <= MAX_RANGE_VALUES))
      fail(`must have at most ${MAX_RANGE_VALUES.toLocaleString('en-US')} values`);
    const decimals = Math.max(decimalsOf(parts[0] as string), decimalsOf(parts[2] as string));
    const values: number[] = [];
    for (let i = 0; i < count; i++) {
      const value = start + i * step;
      values.push(decimals <= MAX_ROUNDED_DECIMALS ? Number(value.toFixed(decimals)) : value);
    }
    return values;
  }
  if (trimmed.includes(',')) {
    const values = trimmed.split(',').map((part) => numberOf(part.trim()) ?? fail(RULE));
    if (values.length > MAX_RANGE_VALUES)
      fail(`must have at most ${MAX_RANGE_VALUES.toLocaleString('en-US')} values`);
    const seen = new Set<number>();
    for (const value of values) {
      if (seen.has(value)) fail(`must not repeat a value (${value} appears twice)`);
      seen.add(value);
    }
    return values;
  }
  const value = numberOf(trimmed);
  return value === undefined ? fail(RULE) : [value];
}

/** `toFixed` accepts up to 100 digits, but beyond 15 decimals rounding would change the value it means. */
const MAX_ROUNDED_DECIMALS = 15;

function numberOf(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** The decimals a number is written with, exponent included: `0.25` → 2, `5` → 0, `1e-3` → 3, `2.5e1` → 0. */
function decimalsOf(text: string): number {
  const match = /^[+-]?\d*(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  const fraction = match?.[1]?.length ?? 0;
  const exponent = Number(match?.[2] ?? 0);
  return Math.max(0, fraction - exponent);
}

/**
 * Checks a grid and returns its number of combinations: every key holds at least one finite number and
 * no value twice, and the product of the lengths is at most {@link MAX_GRID_COMBINATIONS}.
 *
 * @throws AetherError INVALID_ARGUMENT naming each bad parameter, or `grid` when it is too large.
 */
export function gridCombinations(grid: ParameterGrid): number {
  if (grid === null || typeof grid !== 'object' || Array.isArray(grid)) {
    throw AetherError.invalid([{ field: 'grid', rule: 'must map parameter names to lists of values' }]);
  }
  const violations: FieldViolation[] = [];
  let count = 1;
  for (const [name, values] of Object.entries(grid)) {
    if (!Array.isArray(values) || values.length === 0) {
      violations.push({ field: name, rule: 'must hold at least one value' });
      continue;
    }
    const seen = new Set<number>();
    for (const value of values) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        violations.push({ field: name, rule: `must hold finite numbers only (got ${String(value)})` });
        break;
      }
      if (seen.has(value)) {
        violations.push({ field: name, rule: `must not repeat a value (${value} appears twice)` });
        break;
      }
      seen.add(value);
    }
    count *= values.length;
  }
  if (violations.length > 0) throw AetherError.invalid(violations, 'grid');
  if (count > MAX_GRID_COMBINATIONS) {
    const sizes = Object.entries(grid)
      .map(([name, values]) => `${name} ${values.length.toLocaleString('en-US')}`)
      .join(' × ');
    throw AetherError.invalid([
      {
        field: 'grid',
        rule: `must have at most ${MAX_GRID_COMBINATIONS.toLocaleString('en-US')} combinations (got ${count.toLocaleString('en-US')}: ${sizes})`,
      },
    ]);
  }
  return count;
}

/**
 * Writes combination `index` of `grid` into `out` (its keys being the grid's): the inverse of the order of
 * {@link expandGrid}, so any thread can decode any index without the product ever being materialised.
 */
export function combinationAt(
  names: readonly string[],
  axes: readonly (readonly number[])[],
  index: number,
  out: StrategyParameters,
): StrategyParameters {
  let rest = index;
  for (let k = names.length - 1; k >= 0; k--) {
    const axis = axes[k] as readonly number[];
    const position = rest % axis.length;
    rest = (rest - position) / axis.length;
    out[names[k] as string] = axis[position] as number;
  }
  return out;
}

/**
 * The cartesian product of a grid as parameter records, in a stable order: as nested loops over the keys
 * in the grid's own order, the LAST key varying fastest (as Python's `itertools.product`), each key's values
 * in the order given. `{ fast: [10, 20], slow: [20, 30] }` → (10, 20), (10, 30), (20, 20), (20, 30). An empty
 * grid has one combination, `{}` (every parameter at its default).
 *
 * @throws AetherError INVALID_ARGUMENT as {@link gridCombinations}: on field `grid` above
 *   {@link MAX_GRID_COMBINATIONS} combinations, on a parameter's name when its list is empty, not finite or
 *   repeats a value.
 */
export function expandGrid(grid: ParameterGrid): StrategyParameters[] {
  const count = gridCombinations(grid);
  const names = Object.keys(grid);
  const axes = names.map((name) => grid[name] as readonly number[]);
  const combinations: StrategyParameters[] = [];
  for (let index = 0; index < count; index++) combinations.push(combinationAt(names, axes, index, {}));
  return combinations;
}

/**
 * The most warm-up bars any valid combination of `grid` needs (`strategy.warmupBars`), 0 when none is
 * valid: what a sweep or walk-forward loads before its window once, each combination then taking its own
 * share of it. One resolution per combination, next to the sweep's backtest per combination.
 */
export function gridWarmupBars(strategy: Strategy, grid: ParameterGrid): number {
  const names = Object.keys(grid);
  const axes = names.map((name) => grid[name] as readonly number[]);
  const count = gridCombinations(grid);
  const input: StrategyParameters = {};
  let most = 0;
  for (let index = 0; index < count; index++) {
    let parameters: StrategyParameters;
    try {
      parameters = strategy.resolveParameters(combinationAt(names, axes, index, input));
    } catch {
      continue; // refused by a cross rule: the sweep skips it, so it needs no bars
    }
    const bars = strategy.warmupBars(parameters);
    if (bars > most) most = bars;
  }
  return most;
}
