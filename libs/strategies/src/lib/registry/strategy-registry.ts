import { AetherError, type FieldViolation, type StrategyDescription } from '@aetherquant/core';
import { type Strategy } from '../strategy/strategy';

/** How strategies are named: lower-case words joined by hyphens (`ma-cross`), so a lookup may ignore case. */
export const STRATEGY_NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * The strategies a run may name, in the order lists and help texts show them. Immutable: {@link with} makes
 * a new registry with more strategies, so adding one is explicit and scoped to whoever holds the new
 * registry (an app started with strategy files, a test), never a change that every other caller sees.
 */
export class StrategyRegistry {
  /** The strategies, in the order lists and help texts show them (frozen). */
  readonly strategies: readonly Strategy[];
  readonly #byName: ReadonlyMap<string, Strategy>;

  /** Refuses a name that is not lower-case words joined by hyphens, and a name given twice. */
  constructor(strategies: readonly Strategy[]) {
    const byName = new Map<string, Strategy>();
    const violations: FieldViolation[] = [];
    for (const strategy of strategies) {
      const { name } = strategy;
      if (typeof name !== 'string' || !STRATEGY_NAME_PATTERN.test(name)) {
        violations.push({
          field: 'strategy',
          rule: `names must be lower-case words joined by hyphens, such as ma-cross (got ${JSON.stringify(name)})`,
        });
      } else if (byName.has(name)) {
        violations.push({ field: 'strategy', rule: `${name} is registered twice` });
      } else {
        byName.set(name, strategy);
      }
    }
    if (violations.length > 0) throw AetherError.invalid(violations, 'strategy registry');
    this.strategies = Object.freeze([...strategies]);
    this.#byName = byName;
    Object.freeze(this);
  }

  /** The names, in the registry's order. */
  names(): string[] {
    return this.strategies.map((strategy) => strategy.name);
  }

  /**
   * The strategy called `name` (surrounding spaces and case ignored), or an INVALID_ARGUMENT on field
   * `strategy` listing the known names.
   */
  get(name: string): Strategy {
    const strategy = typeof name === 'string' ? this.#byName.get(name.trim().toLowerCase()) : undefined;
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

  /** A new registry: these strategies, then `more` in their order. Refuses a name already taken. */
  with(...more: readonly Strategy[]): StrategyRegistry {
    return new StrategyRegistry([...this.strategies, ...more]);
  }
}
