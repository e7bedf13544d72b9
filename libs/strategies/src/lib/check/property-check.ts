import { AetherError } from '@aetherquant/core';
import { type ParameterSpec, type StrategyParameters } from '../strategy/strategy';
import { seededRandom } from './check-series';

// The property check (GUIDE §9) for both kinds of strategy. A single-asset strategy and a universe strategy
// promise the same properties, and most of the check is the same for both: the parameters, the seeded
// inputs sized around the warm-up, the warm-up itself, no look-ahead by truncation, and reporting the first
// counter-example. What differs is what `targets` reads and returns (a series and one array, or a universe
// and one array per series); a `CheckedKind` says how to draw, cut and read those, and brings the two checks
// whose rules differ between the kinds (bounds, determinism). `checkStrategy` and `checkUniverseStrategy`
// are this engine with their kind.

/** The length of the one long input each case also tries (see {@link caseOf}). */
const LONG_INPUT_BARS = 2_600;

/** The properties every strategy must have, in the order a verdict lists them. */
export const CHECKED_PROPERTIES = [
  'parameters',
  'bounds',
  'warm-up',
  'determinism',
  'no-look-ahead',
] as const;
export type CheckedProperty = (typeof CHECKED_PROPERTIES)[number];

/** What the check calls on a strategy that reads an `Input` (a series, a universe) and returns `Targets`. */
export interface CheckedStrategy<Input, Targets> {
  readonly name: string;
  readonly parameters: readonly ParameterSpec[];
  readonly contractParameterSets?: readonly Readonly<Record<string, number>>[];
  resolveParameters(input: Record<string, unknown>): StrategyParameters;
  warmupBars(parameters: StrategyParameters): number;
  targets(input: Input, parameters: StrategyParameters): Targets;
}

/** One parameter set, and the inputs each property tries it on. */
export interface PropertyCase<Input> {
  /** The resolved parameters as JSON, added to a problem so that it can be reproduced. */
  label: string;
  parameters: StrategyParameters;
  warmup: number;
  inputs: Input[];
}

/** A property's rule for one case: the first counter-example, or undefined when the case holds. */
export type CaseCheck<S, Input> = (strategy: S, testCase: PropertyCase<Input>) => string | undefined;

/**
 * How the check feeds, cuts and reads one kind of strategy (`S`, reading an `Input` and returning `Targets`),
 * and the rules of the properties whose rules differ between kinds.
 */
export interface CheckedKind<S extends CheckedStrategy<Input, Targets>, Input, Targets> {
  /** Input lengths, in bars, tried on every parameter set besides those sized around the warm-up. */
  readonly lengthsAlwaysTried: readonly number[];
  /** An input of `length` bars drawn from `random` (the only source of randomness, for repeatable verdicts). */
  draw(length: number, random: () => number): Input;
  /** Bars per series of `input` (the series of a universe share one calendar). */
  barCount(input: Input): number;
  /** Series in `input`: one for a single-asset strategy. */
  seriesCount(input: Input): number;
  /** `input` with only its first `bars` bars (of every series): what a strategy saw at bar `bars` − 1. */
  firstBars(input: Input, bars: number): Input;
  /** The target arrays of a `targets` result, one per series. */
  targetColumns(targets: Targets): readonly ArrayLike<number>[];
  /** The target of series `series` at bar `t` in a `targets` result, as a counter-example shows it. */
  targetAt(targets: Targets, series: number, t: number): number | undefined;
  /** How a problem names that target (`target[7]`, `targets[2][7]`). */
  targetName(series: number, t: number): string;
  bounds: CaseCheck<S, Input>;
  determinism: CaseCheck<S, Input>;
}

/** The options both public checks take under the same names (and document there). */
export interface SharedCheckOptions {
  maxLength?: number;
  seed?: number;
  parameterSets?: readonly Readonly<Record<string, unknown>>[];
}

/** How much a check tries per parameter set, from the options each public check names in its own terms. */
export interface CheckAmounts {
  /** Random inputs per parameter set, besides those of {@link CheckedKind.lengthsAlwaysTried} and the warm-up. */
  randomInputs: number;
  /** Random truncation points per input, besides the warm-up's edges. */
  cutsPerInput: number;
}

interface PropertyCheckSettings extends CheckAmounts {
  maxLength: number;
  seed: number;
  parameterSets: readonly Readonly<Record<string, unknown>>[];
}

export interface PropertyVerdict {
  property: CheckedProperty;
  rule: string;
  passed: boolean;
  problem?: string;
}

export interface PropertyCheck {
  strategy: string;
  passed: boolean;
  verdicts: PropertyVerdict[];
  parameterSets: number;
  inputsPerSet: number;
}

/** Bars sized around a whole warm-up (at it, just after, and well after), tried on every parameter set. */
const WARMUP_OFFSETS = [0, 1, 2, 150];
/** Spreads the seeds of consecutive parameter sets apart (a prime), so that their inputs differ. */
const SEED_STRIDE = 7_919;

/**
 * Checks every property of `strategy`, with its defaults and the parameter sets (the strategy's own
 * `contractParameterSets` unless `options` gives others), over seeded inputs of at most `maxLength` bars
 * [default: 300] drawn from `seed` [default: 1], and gives a verdict per property with the first
 * counter-example. It never throws for a faulty strategy: what the strategy throws is the counter-example.
 * When the parameters do not hold, nothing else is checked (every other property needs resolved parameters).
 */
export function checkProperties<S extends CheckedStrategy<Input, Targets>, Input, Targets>(
  strategy: S,
  kind: CheckedKind<S, Input, Targets>,
  rules: Readonly<Record<CheckedProperty, string>>,
  options: SharedCheckOptions,
  amounts: CheckAmounts,
): PropertyCheck {
  const settings: PropertyCheckSettings = {
    ...amounts,
    maxLength: options.maxLength ?? 300,
    seed: options.seed ?? 1,
    parameterSets: options.parameterSets ?? strategy.contractParameterSets ?? [],
  };
  const inputs = [
    {},
    ...settings.parameterSets,
    ...(options.parameterSets === undefined ? boundEdges(strategy, settings.parameterSets) : []),
  ];
  const parametersProblem = attempt(() => parameterProblem(strategy, inputs));
  // Each property gets inputs of its own: a strategy that writes into the bars it is given must not spoil
  // the check of another property (determinism reports that write).
  const casesOf = (): PropertyCase<Input>[] =>
    inputs.map((input, index) =>
      caseOf(strategy, kind, input, settings, settings.seed + index * SEED_STRIDE),
    );
  const caseChecks: Record<Exclude<CheckedProperty, 'parameters'>, CaseCheck<S, Input>> = {
    bounds: kind.bounds,
    'warm-up': (_, testCase) => warmupProblem(strategy, kind, testCase),
    determinism: kind.determinism,
    'no-look-ahead': (_, testCase) => lookAheadProblem(strategy, kind, testCase, settings.cutsPerInput),
  };
  const verdicts = CHECKED_PROPERTIES.map((property): PropertyVerdict => {
    const problem =
      property === 'parameters'
        ? parametersProblem
        : parametersProblem !== undefined
          ? 'not checked: the parameters do not resolve'
          : attempt(() => firstProblem(casesOf(), (testCase) => caseChecks[property](strategy, testCase)));
    return {
      property,
      rule: rules[property],
      passed: problem === undefined,
      ...(problem === undefined ? {} : { problem }),
    };
  });
  return {
    strategy: strategy.name,
    passed: verdicts.every((verdict) => verdict.passed),
    verdicts,
    parameterSets: inputs.length,
    inputsPerSet: kind.lengthsAlwaysTried.length + WARMUP_OFFSETS.length + settings.randomInputs + 1,
  };
}

function parameterProblem(
  strategy: CheckedStrategy<unknown, unknown>,
  inputs: readonly Readonly<Record<string, unknown>>[],
): string | undefined {
  const names = new Set<string>();
  const defaults: Record<string, number> = {};
  for (const spec of strategy.parameters) {
    if (names.has(spec.name)) return `parameter ${spec.name} is declared twice`;
    names.add(spec.name);
    if (!(spec.min <= spec.default && spec.default <= spec.max)) {
      return `${spec.name}: default ${spec.default} is outside [${spec.min}, ${spec.max}]`;
    }
    if (spec.kind === 'integer' && ![spec.default, spec.min, spec.max].every(Number.isInteger)) {
      return `${spec.name}: an integer parameter needs whole default and bounds`;
    }
    defaults[spec.name] = spec.default;
  }
  const resolvedDefaults = strategy.resolveParameters({});
  if (!sameRecord(resolvedDefaults, defaults)) {
    return `resolveParameters({}) gives ${JSON.stringify(resolvedDefaults)}, not the defaults ${JSON.stringify(defaults)}`;
  }
  for (const input of inputs) {
    const resolved = strategy.resolveParameters(input);
    if (!sameRecord(strategy.resolveParameters(resolved), resolved)) {
      return `${JSON.stringify(input)} does not resolve again to the same values`;
    }
  }
  try {
    strategy.resolveParameters({ noSuchParameter: 1 });
  } catch (error) {
    if (error instanceof AetherError && error.code === 'INVALID_ARGUMENT') return undefined;
    throw error;
  }
  return 'an unknown parameter (noSuchParameter) is accepted';
}

/**
 * The case of one parameter input: inputs of the kind's fixed lengths, lengths around the warm-up (where
 * off-by-one errors live) and `randomInputs` random lengths, all drawn from `seed`.
 */
function caseOf<S extends CheckedStrategy<Input, Targets>, Input, Targets>(
  strategy: S,
  kind: CheckedKind<S, Input, Targets>,
  input: Readonly<Record<string, unknown>>,
  settings: PropertyCheckSettings,
  seed: number,
): PropertyCase<Input> {
  const parameters = strategy.resolveParameters(input);
  const warmup = strategy.warmupBars(parameters);
  const random = seededRandom(seed);
  const sized =
    Number.isInteger(warmup) && warmup >= 0 ? WARMUP_OFFSETS.map((offset) => warmup + offset) : [];
  const lengths = [...kind.lengthsAlwaysTried, ...sized];
  for (let i = 0; i < settings.randomInputs; i++) {
    lengths.push(1 + Math.floor(random() * settings.maxLength));
  }
  // One input as long as a decade of daily bars: code that branches on the series' length (a rule only for
  // long histories) must meet that branch too.
  lengths.push(LONG_INPUT_BARS);
  return {
    label: JSON.stringify(parameters),
    parameters,
    warmup,
    inputs: lengths.map((length) => kind.draw(length, random)),
  };
}

function warmupProblem<S extends CheckedStrategy<Input, Targets>, Input, Targets>(
  strategy: S,
  kind: CheckedKind<S, Input, Targets>,
  { parameters, warmup, inputs }: PropertyCase<Input>,
): string | undefined {
  if (!Number.isInteger(warmup) || warmup < 0) return `warmupBars is ${warmup}, not a whole number of bars`;
  for (const input of inputs) {
    const targets = kind.targetColumns(strategy.targets(input, parameters));
    for (const [i, column] of targets.entries()) {
      const end = Math.min(warmup, column.length);
      for (let t = 0; t < end; t++) {
        if (column[t] !== 0) {
          return `${kind.targetName(i, t)} is ${column[t]} before the warm-up of ${warmup} bars ends`;
        }
      }
    }
  }
  return undefined;
}

/**
 * No look-ahead by truncation: the targets up to bar `cut` must be the same when every bar after `cut` is
 * removed. The cuts are the warm-up's edges and `cutsPerInput` random bars (seeded by the input's place).
 */
function lookAheadProblem<S extends CheckedStrategy<Input, Targets>, Input, Targets>(
  strategy: S,
  kind: CheckedKind<S, Input, Targets>,
  { parameters, warmup, inputs }: PropertyCase<Input>,
  cutsPerInput: number,
): string | undefined {
  for (const [index, input] of inputs.entries()) {
    const n = kind.barCount(input);
    if (n < 2) continue;
    const full = strategy.targets(input, parameters);
    const random = seededRandom(index + 1);
    const cuts = new Set([warmup - 1, warmup, warmup + 1].filter((cut) => cut >= 0 && cut < n - 1));
    for (let i = 0; i < cutsPerInput; i++) cuts.add(Math.floor(random() * (n - 1)));
    for (const cut of cuts) {
      const prefix = strategy.targets(kind.firstBars(input, cut + 1), parameters);
      for (let i = 0; i < kind.seriesCount(input); i++) {
        for (let t = 0; t <= cut; t++) {
          const shortened = kind.targetAt(prefix, i, t);
          const whole = kind.targetAt(full, i, t);
          if (!Object.is(shortened, whole)) {
            return (
              `${kind.targetName(i, t)} is ${whole} on ${n} bars but ${shortened} when the bars after ${cut} ` +
              `are removed: it reads bars after ${cut}`
            );
          }
        }
      }
    }
  }
  return undefined;
}

/** The first case's problem, labelled with its parameters; a throw is a problem too. */
function firstProblem<Input>(
  cases: readonly PropertyCase<Input>[],
  check: (testCase: PropertyCase<Input>) => string | undefined,
): string | undefined {
  for (const testCase of cases) {
    const problem = attempt(() => check(testCase));
    if (problem !== undefined) return `${problem} (parameters ${testCase.label})`;
  }
  return undefined;
}

/** `check`'s problem, or what it threw as one: a faulty strategy is a verdict, never an exception. */
function attempt(check: () => string | undefined): string | undefined {
  try {
    return check();
  } catch (error) {
    return `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
}

function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}

/**
 * Each parameter at its min and at its max, the others at their defaults (those the strategy accepts, and not
 * already among `given`): code that misbehaves only at an extreme (writes into the bars when a window is 1)
 * must meet it, whatever edge cases the strategy declares itself.
 */
function boundEdges(
  strategy: CheckedStrategy<unknown, unknown>,
  given: readonly Readonly<Record<string, unknown>>[],
): Record<string, number>[] {
  const seen = new Set(given.map((input) => JSON.stringify(input)));
  const edges: Record<string, number>[] = [];
  for (const spec of strategy.parameters) {
    for (const value of [spec.min, spec.max]) {
      if (value === spec.default) continue;
      const input = { [spec.name]: value };
      const key = JSON.stringify(input);
      if (seen.has(key)) continue;
      seen.add(key);
      try {
        strategy.resolveParameters(input);
        edges.push(input);
      } catch {
        // A cross rule refuses it with the other defaults (fast at its max is not below slow): not an edge.
      }
    }
  }
  return edges;
}
