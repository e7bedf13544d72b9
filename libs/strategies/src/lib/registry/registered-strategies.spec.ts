import { describeStrategyContract } from '../../testing/strategy-contract';
import { loadTestStrategy } from '../../testing/test-strategy';
import { BUILT_IN_STRATEGIES } from './built-in-strategies';

// The contract suite runs over a registry, whatever it holds: the built-ins, and the test strategy added the
// way an app adds a strategy file. A new built-in is checked as soon as its registry line exists, with the
// edge cases it declares itself; there is no table here to keep in step with the registry.
const registry = BUILT_IN_STRATEGIES.with(loadTestStrategy());

it('checks every strategy that has parameters with edge cases of its own, besides its defaults', () => {
  const withoutEdgeCases = registry.strategies
    .filter((strategy) => strategy.parameters.length > 0 && !strategy.contractParameterSets?.length)
    .map((strategy) => strategy.name);
  expect(withoutEdgeCases).toEqual([]);
  expect(registry.names()).toContain('test-constant');
});

for (const strategy of registry.strategies) describeStrategyContract(strategy);
