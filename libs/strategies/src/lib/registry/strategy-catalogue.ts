import { AetherError, type FieldViolation, type StrategyDescription } from '@aetherquant/core';
import { type ParameterSpec } from '../strategy/strategy';

/** How strategies are named: lower-case words joined by hyphens (`ma-cross`), so a lookup may ignore case. */
export const STRATEGY_NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** What a catalogue reads of a strategy of either kind: what lists show and `GET /api/strategies` describes. */
export interface CataloguedStrategy {
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly ParameterSpec[];
}

/** How a catalogue's errors speak of it: `strategy registry`, and a valid name to give as an example. */
export interface CatalogueWording {
  readonly registry: string;
  readonly exampleName: string;
}

/**
 * Strategies by name, in the order lists show them, for both registries: `StrategyRegistry` and
 * `UniverseStrategyRegistry` each hold one and stay separate classes, since a universe strategy's `targets`
 * takes a universe, and an engine that takes a `Strategy` must never be handed one by its registry. Frozen,
 * like the registries: adding strategies makes a new catalogue.
 */
export class StrategyCatalogue<S extends CataloguedStrategy> {
  readonly strategies: readonly S[];
  readonly #byName: ReadonlyMap<string, S>;

  /** Refuses a name that is not lower-case words joined by hyphens, and a name given twice. */
  constructor(strategies: readonly S[], wording: CatalogueWording) {
    const byName = new Map<string, S>();
    const violations: FieldViolation[] = [];
    for (const strategy of strategies) {
      const { name } = strategy;
      if (typeof name !== 'string' || !STRATEGY_NAME_PATTERN.test(name)) {
        violations.push({
          field: 'strategy',
          rule: `names must be lower-case words joined by hyphens, such as ${wording.exampleName} (got ${JSON.stringify(name)})`,
        });
      } else if (byName.has(name)) {
        violations.push({ field: 'strategy', rule: `${name} is registered twice` });
      } else {
        byName.set(name, strategy);
      }
    }
    if (violations.length > 0) throw AetherError.invalid(violations, wording.registry);
    this.strategies = Object.freeze([...strategies]);
    this.#byName = byName;
    Object.freeze(this);
  }

  names(): string[] {
    return this.strategies.map((strategy) => strategy.name);
  }

  /** The strategy called `name` (surrounding spaces and case ignored), or undefined. */
  find(name: string): S | undefined {
    return typeof name === 'string' ? this.#byName.get(name.trim().toLowerCase()) : undefined;
  }

  /** The strategy called `name`, or an INVALID_ARGUMENT on field `strategy` listing the known names. */
  get(name: string): S {
    const strategy = this.find(name);
    if (strategy) return strategy;
    const got = typeof name === 'string' ? JSON.stringify(name) : String(name);
    throw AetherError.invalid([
      { field: 'strategy', rule: `must be one of ${this.names().join(', ')} (got ${got})` },
    ]);
  }

  /** Every strategy as plain JSON, for `GET /api/strategies` (fresh objects: callers may change them freely). */
  describe(): StrategyDescription[] {
    return this.strategies.map((strategy) => ({
      name: strategy.name,
      description: strategy.description,
      parameters: strategy.parameters.map((spec) => ({
        name: spec.name,
        description: spec.description,
        kind: spec.kind,
        default: spec.default,
        min: spec.min,
        max: spec.max,
      })),
    }));
  }
}
