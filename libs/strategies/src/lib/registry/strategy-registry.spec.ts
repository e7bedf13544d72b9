import { thrown } from '../../testing/series';
import { maCrossStrategy } from '../ma-cross/ma-cross.strategy';
import {
  DEFAULT_STRATEGY,
  describeStrategies,
  getStrategy,
  STRATEGIES,
  strategyNames,
} from './strategy-registry';

describe('the strategy registry', () => {
  it('lists the strategies in a stable order, the ma-cross baseline first and by default', () => {
    expect(strategyNames()).toEqual([
      'ma-cross',
      'buy-and-hold',
      'rsi-reversion',
      'donchian-breakout',
      'momentum',
    ]);
    expect(DEFAULT_STRATEGY).toBe('ma-cross');
    expect(STRATEGIES.map((strategy) => strategy.name)).toEqual(strategyNames());
  });

  it('finds a strategy by name, ignoring case and surrounding spaces', () => {
    expect(getStrategy('ma-cross')).toBe(maCrossStrategy);
    expect(getStrategy(' MA-Cross ')).toBe(maCrossStrategy);
    for (const strategy of STRATEGIES) expect(getStrategy(strategy.name)).toBe(strategy);
  });

  it('refuses an unknown name on field strategy, listing the known ones', () => {
    const error = thrown(() => getStrategy('macd'));
    expect(error.message).toBe(
      'strategy must be one of ma-cross, buy-and-hold, rsi-reversion, donchian-breakout, momentum (got "macd")',
    );
    expect(error.details?.violations?.map((v) => v.field)).toEqual(['strategy']);
    expect(() => getStrategy('')).toThrow('(got "")');
  });

  it('describes every strategy as plain JSON', () => {
    const described = describeStrategies();
    expect(JSON.parse(JSON.stringify(described))).toEqual(described);
    expect(described.map((d) => d.name)).toEqual(strategyNames());
    expect(described[0]).toEqual({
      name: 'ma-cross',
      description: maCrossStrategy.description,
      parameters: [
        {
          name: 'fast',
          description: 'Bars in the fast simple moving average of closes.',
          kind: 'integer',
          default: 20,
          min: 1,
          max: 10000,
        },
        {
          name: 'slow',
          description: 'Bars in the slow simple moving average of closes; more than fast.',
          kind: 'integer',
          default: 50,
          min: 2,
          max: 10000,
        },
      ],
    });
    // Fresh objects: changing them leaves the strategies alone.
    (described[0]?.parameters[0] as { default: number }).default = 99;
    expect(maCrossStrategy.parameters[0]?.default).toBe(20);
  });
});
