import { describeStrategyContract } from '../../testing/strategy-contract';
import { STRATEGIES } from './strategy-registry';

/** Parameter sets each registered strategy is checked with besides its defaults: short and edge windows. */
const PARAMETER_SETS: Record<string, Record<string, unknown>[]> = {
  'ma-cross': [
    { fast: 2, slow: 3 },
    { fast: 1, slow: 2 },
    { fast: 5, slow: 30 },
  ],
  'buy-and-hold': [],
  'rsi-reversion': [
    { period: 2 },
    { period: 5, lower: 40, upper: 60 },
    { period: 3, lower: 49.5, upper: 50.5 },
  ],
  'donchian-breakout': [
    { entry: 3, exit: 2 },
    { entry: 1, exit: 1 },
    { entry: 5, exit: 12 },
  ],
  momentum: [{ lookback: 1 }, { lookback: 2 }, { lookback: 60 }],
};

it('has contract parameter sets for every registered strategy', () => {
  expect(Object.keys(PARAMETER_SETS).sort()).toEqual(STRATEGIES.map((strategy) => strategy.name).sort());
});

for (const strategy of STRATEGIES) describeStrategyContract(strategy, PARAMETER_SETS[strategy.name] ?? []);
