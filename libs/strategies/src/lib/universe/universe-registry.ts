import { type StrategyDescription } from '@aetherquant/core';
import { StrategyCatalogue } from '../registry/strategy-catalogue';
import { topMomentumStrategy } from './top-momentum.universe-strategy';
import { type UniverseStrategy } from './universe-strategy';

/**
 * The universe strategies a run may name, in the order lists show them: immutable like `StrategyRegistry`
 * (a separate registry, since a universe strategy's `targets` takes a universe, not a series, and every
 * engine that takes a `Strategy` would be wrong to receive one).
 */
export class UniverseStrategyRegistry {
  /** The strategies, in the order lists show them (frozen). */
  readonly strategies: readonly UniverseStrategy[];
  readonly #catalogue: StrategyCatalogue<UniverseStrategy>;

  /** Refuses a name that is not lower-case words joined by hyphens, and a name given twice. */
  constructor(strategies: readonly UniverseStrategy[]) {
    this.#catalogue = new StrategyCatalogue(strategies, {
      registry: 'universe strategy registry',
      exampleName: 'top-momentum',
    });
    this.strategies = this.#catalogue.strategies;
    Object.freeze(this);
  }

  /** The names, in the registry's order. */
  names(): string[] {
    return this.#catalogue.names();
  }

  /** The strategy called `name` (spaces and case ignored), or undefined. */
  find(name: string): UniverseStrategy | undefined {
    return this.#catalogue.find(name);
  }

  /** The strategy called `name`, or an INVALID_ARGUMENT on field `strategy` listing the known names. */
  get(name: string): UniverseStrategy {
    return this.#catalogue.get(name);
  }

  /** Every strategy as plain JSON, in the shape `GET /api/strategies` describes single-asset ones. */
  describe(): StrategyDescription[] {
    return this.#catalogue.describe();
  }

  /** A new registry: these strategies, then `more`. Refuses a name already taken. */
  with(...more: readonly UniverseStrategy[]): UniverseStrategyRegistry {
    return new UniverseStrategyRegistry([...this.strategies, ...more]);
  }
}

/** The built-in universe strategies. */
export const BUILT_IN_UNIVERSE_STRATEGIES = new UniverseStrategyRegistry([topMomentumStrategy]);
