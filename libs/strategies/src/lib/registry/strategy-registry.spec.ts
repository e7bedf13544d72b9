import { strategyDescriptionSchema } from '@aetherquant/core';
import { thrown } from '../../testing/series';
import { buyAndHoldStrategy } from '../buy-and-hold/buy-and-hold.strategy';
import { maCrossStrategy } from '../ma-cross/ma-cross.strategy';
import { BUILT_IN_STRATEGIES, getStrategy } from './built-in-strategies';
import { StrategyRegistry } from './strategy-registry';

// Expectations come from the registry itself: adding a built-in strategy changes no line here.
const names = BUILT_IN_STRATEGIES.names();

describe('a strategy registry', () => {
  it('finds a strategy by name, ignoring case and surrounding spaces', () => {
    for (const strategy of BUILT_IN_STRATEGIES.strategies) {
      expect(BUILT_IN_STRATEGIES.get(strategy.name)).toBe(strategy);
      expect(BUILT_IN_STRATEGIES.get(` ${strategy.name.toUpperCase()} `)).toBe(strategy);
      expect(getStrategy(strategy.name)).toBe(strategy);
    }
  });

  it('refuses an unknown name on field strategy, listing the known ones', () => {
    const error = thrown(() => BUILT_IN_STRATEGIES.get('macd'));
    expect(error.message).toBe(`strategy must be one of ${names.join(', ')} (got "macd")`);
    expect(error.details?.violations?.map((v) => v.field)).toEqual(['strategy']);
    expect(() => BUILT_IN_STRATEGIES.get('')).toThrow('(got "")');
    // A registry of its own lists its own names.
    expect(() => new StrategyRegistry([buyAndHoldStrategy]).get('ma-cross')).toThrow(
      'strategy must be one of buy-and-hold (got "ma-cross")',
    );
  });

  it('describes every strategy as the plain JSON GET /api/strategies answers', () => {
    const described = BUILT_IN_STRATEGIES.describe();
    expect(JSON.parse(JSON.stringify(described))).toEqual(described);
    expect(described).toEqual(
      BUILT_IN_STRATEGIES.strategies.map((strategy) => ({
        name: strategy.name,
        description: strategy.description,
        parameters: strategy.parameters.map((spec) => ({ ...spec })),
      })),
    );
    for (const description of described)
      expect(strategyDescriptionSchema.parse(description)).toEqual(description);
    // Fresh objects: changing them leaves the strategies alone.
    const fast = described[0]?.parameters[0] as { default: number };
    fast.default = 99;
    expect(maCrossStrategy.parameters[0]?.default).not.toBe(99);
  });

  it('takes more strategies into a new registry, leaving the one it came from as it was', () => {
    const renamed = { ...buyAndHoldStrategy, name: 'always-long' };
    const larger = BUILT_IN_STRATEGIES.with(renamed);
    expect(larger.names()).toEqual([...names, 'always-long']);
    expect(larger.get('always-long')).toBe(renamed);
    expect(BUILT_IN_STRATEGIES.names()).toEqual(names);
    expect(() => BUILT_IN_STRATEGIES.get('always-long')).toThrow('(got "always-long")');
  });

  it('refuses a name taken twice or not written as lower-case words joined by hyphens', () => {
    expect(thrown(() => BUILT_IN_STRATEGIES.with(maCrossStrategy)).message).toBe(
      'strategy registry: strategy ma-cross is registered twice',
    );
    const error = thrown(
      () =>
        new StrategyRegistry([
          { ...buyAndHoldStrategy, name: 'Buy And Hold' },
          { ...buyAndHoldStrategy, name: 'hold-' },
        ]),
    );
    expect(error.details?.violations?.map((violation) => violation.rule)).toEqual([
      'names must be lower-case words joined by hyphens, such as ma-cross (got "Buy And Hold")',
      'names must be lower-case words joined by hyphens, such as ma-cross (got "hold-")',
    ]);
  });
});
