import { BarSeries } from '@aetherquant/core';
import { defineStrategy } from '../strategy/define-strategy';
import { strategiesOfModule } from '../registry/strategy-module';
import { topMomentumStrategy } from './top-momentum.universe-strategy';
import { BUILT_IN_UNIVERSE_STRATEGIES } from './universe-registry';
import { universeStrategiesOfModule } from './universe-module';
import { defineUniverseStrategy, isUniverseStrategy } from './universe-strategy';

const single = defineStrategy({
  name: 'always-long',
  description: 'Always long.',
  parameters: [],
  warmupBars: () => 0,
  compute: (_series, _parameters, target) => target.fill(1),
});
const universal = defineUniverseStrategy({
  name: 'all-equal',
  description: 'Equal weights in every symbol.',
  parameters: [],
  warmupBars: () => 0,
  compute: (universe, _parameters, targets) => targets.forEach((column) => column.fill(1 / universe.length)),
});

describe('universe strategies in a registry and in strategy modules', () => {
  it('registers top-momentum as a built-in and names the known strategies for an unknown one', () => {
    expect(BUILT_IN_UNIVERSE_STRATEGIES.names()).toEqual(['top-momentum']);
    expect(BUILT_IN_UNIVERSE_STRATEGIES.get(' Top-Momentum ')).toBe(topMomentumStrategy);
    expect(() => BUILT_IN_UNIVERSE_STRATEGIES.get('nope')).toThrow('strategy must be one of top-momentum');
    expect(BUILT_IN_UNIVERSE_STRATEGIES.describe()[0]?.parameters.map((p) => p.name)).toEqual([
      'k',
      'lookback',
      'skip',
    ]);
    expect(isUniverseStrategy(topMomentumStrategy)).toBe(true);
    expect(isUniverseStrategy(single)).toBe(false);
  });

  it('reads a module of both kinds: strategiesOfModule the single-asset ones, universeStrategiesOfModule the others', () => {
    const module = { default: [single, universal] };
    expect(strategiesOfModule(module, '/x/mixed.ts').map((s) => s.name)).toEqual(['always-long']);
    expect(universeStrategiesOfModule(module, '/x/mixed.ts').map((s) => s.name)).toEqual(['all-equal']);
    // A module of a universe strategy alone is accepted, with no single-asset strategy.
    expect(strategiesOfModule({ default: universal }, '/x/universe.ts')).toEqual([]);
  });

  it('guards a universe strategy from a file: a gross exposure above 1 is an error naming the file', () => {
    const levered = defineUniverseStrategy({
      name: 'levered',
      description: 'Too much.',
      parameters: [],
      warmupBars: () => 0,
      compute: (_universe, _parameters, targets) => targets.forEach((column) => column.fill(0.75)),
    });
    const [guarded] = universeStrategiesOfModule({ default: levered }, '/x/levered.ts');
    const series = ['A', 'B'].map(
      (symbol) =>
        new BarSeries({
          symbol,
          interval: '1d',
          time: [Date.UTC(2020, 0, 1)],
          open: [1],
          high: [1],
          low: [1],
          close: [1],
          volume: [1],
        }),
    );
    expect(() => guarded?.targets(series, {})).toThrow(
      'strategy levered (/x/levered.ts): targets must have a gross exposure of at most 1 (got 1.5 on bar 0, 2020-01-01)',
    );
  });
});
