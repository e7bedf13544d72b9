import { type StrategyDescription } from '@aetherquant/core';
import { type Strategy } from '../strategy/strategy';
import { StrategyCatalogue } from './strategy-catalogue';

/**
 * The strategies a run may name, in the order lists and help texts show them. Immutable: {@link with} makes
 * a new registry with more strategies, so adding one is explicit and scoped to whoever holds the new
 * registry (an app started with strategy files, a test), never a change that every other caller sees.
 */
export class StrategyRegistry {
  /** The strategies, in the order lists and help texts show them (frozen). */
  readonly strategies: readonly Strategy[];
  readonly #catalogue: StrategyCatalogue<Strategy>;

  /** Refuses a name that is not lower-case words joined by hyphens, and a name given twice. */
  constructor(strategies: readonly Strategy[]) {
    this.#catalogue = new StrategyCatalogue(strategies, {
      registry: 'strategy registry',
      exampleName: 'ma-cross',
    });
    this.strategies = this.#catalogue.strategies;
    Object.freeze(this);
  }

  /** The names, in the registry's order. */
  names(): string[] {
    return this.#catalogue.names();
  }

  /**
   * The strategy called `name` (surrounding spaces and case ignored), or an INVALID_ARGUMENT on field
   * `strategy` listing the known names.
   */
  get(name: string): Strategy {
    return this.#catalogue.get(name);
  }

  /** Every strategy as plain JSON, for `GET /api/strategies` (fresh objects: callers may change them freely). */
  describe(): StrategyDescription[] {
    return this.#catalogue.describe();
  }

  /** A new registry: these strategies, then `more` in their order. Refuses a name already taken. */
  with(...more: readonly Strategy[]): StrategyRegistry {
    return new StrategyRegistry([...this.strategies, ...more]);
  }
}
