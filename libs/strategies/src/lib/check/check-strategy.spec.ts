import { type BarSeries } from '@aetherquant/core';
import { defineStrategy, type StrategyDefinition } from '../strategy/define-strategy';
import { BUILT_IN_STRATEGIES } from '../registry/built-in-strategies';
import { loadTestStrategy } from '../../testing/test-strategy';
import { checkStrategy, STRATEGY_PROPERTIES, type StrategyProperty } from './check-strategy';

/** A strategy holding `level` from bar `delay` on: the clean base each broken variant below changes once. */
function variant(name: string, overrides: Partial<StrategyDefinition> = {}) {
  return defineStrategy({
    name,
    description: 'A check fixture.',
    parameters: [
      { name: 'delay', description: 'Bars flat first.', kind: 'integer', default: 3, min: 0, max: 50 },
    ],
    contractParameterSets: [{ delay: 0 }, { delay: 10 }],
    warmupBars: ({ delay }) => delay as number,
    compute(series: BarSeries, { delay }, target) {
      for (let t = 0; t < series.length; t++) target[t] = t < (delay as number) ? 0 : 0.5;
    },
    ...overrides,
  });
}

function failed(check: ReturnType<typeof checkStrategy>): Partial<Record<StrategyProperty, string>> {
  return Object.fromEntries(check.verdicts.filter((v) => !v.passed).map((v) => [v.property, v.problem]));
}

it('passes every built-in strategy and the test strategy, a verdict per property', () => {
  for (const strategy of BUILT_IN_STRATEGIES.with(loadTestStrategy()).strategies) {
    const check = checkStrategy(strategy);
    expect({ strategy: strategy.name, failed: failed(check) }).toEqual({
      strategy: strategy.name,
      failed: {},
    });
    expect(check.passed).toBe(true);
    expect(check.verdicts.map((verdict) => verdict.property)).toEqual([...STRATEGY_PROPERTIES]);
    // The defaults, the strategy's own edge cases, and each parameter at its bounds (where it resolves).
    expect(check.parameterSets).toBeGreaterThanOrEqual(1 + (strategy.contractParameterSets?.length ?? 0));
  }
});

it('passes a clean strategy and gives the same verdict on every run', () => {
  const clean = variant('clean');
  expect(checkStrategy(clean)).toEqual(checkStrategy(clean));
  expect(checkStrategy(clean).passed).toBe(true);
});

it('flags a strategy that reads the next bar, naming the bar and the parameters', () => {
  const peeking = variant('peeking', {
    compute(series, _parameters, target) {
      const n = series.length;
      for (let t = 0; t < n; t++)
        target[t] = t + 1 < n && (series.close[t + 1] as number) > (series.close[t] as number) ? 1 : 0;
    },
    warmupBars: () => 0,
  });
  const check = checkStrategy(peeking);
  expect(check.passed).toBe(false);
  expect(Object.keys(failed(check))).toEqual(['no-look-ahead']);
  expect(failed(check)['no-look-ahead']).toMatch(
    /^target\[\d+\] is 1 on \d+ bars but 0 when the bars after \d+ are removed: it reads bars after \d+ \(parameters \{"delay":3\}\)$/,
  );
});

it('flags a strategy that peeks at the last bar of the series (a subtler look-ahead)', () => {
  const lastClose = variant('last-close', {
    warmupBars: () => 0,
    compute(series, _parameters, target) {
      const last = series.close[series.length - 1] as number;
      for (let t = 0; t < series.length; t++) target[t] = (series.close[t] as number) < last ? 1 : 0;
    },
  });
  expect(Object.keys(failed(checkStrategy(lastClose)))).toEqual(['no-look-ahead']);
});

it.each([
  ['NaN', Number.NaN],
  ['above 1', 1.5],
  ['below -1', -2],
  ['infinite', Number.POSITIVE_INFINITY],
])('flags a target that is %s under bounds', (_label, bad) => {
  const broken = variant('out-of-bounds', {
    compute(series, _parameters, target) {
      for (let t = 0; t < series.length; t++) target[t] = t === 5 ? bad : 0;
    },
  });
  expect(failed(checkStrategy(broken)).bounds).toMatch(
    new RegExp(`^target\\[5\\] is ${String(bad)} on a series of \\d+ bars`),
  );
});

it('flags a strategy that trades before its declared warm-up', () => {
  const early = variant('early', { warmupBars: ({ delay }) => (delay as number) + 2 });
  expect(failed(checkStrategy(early))['warm-up']).toMatch(
    /^target\[3\] is 0.5 before the warm-up of 5 bars ends/,
  );
  const fractional = variant('fractional', { warmupBars: () => 2.5 });
  expect(failed(checkStrategy(fractional))['warm-up']).toMatch(
    /^warmupBars is 2.5, not a whole number of bars/,
  );
});

it('flags a strategy whose targets change from call to call, or that changes the bars', () => {
  let calls = 0;
  const restless = variant('restless', {
    compute(series, _parameters, target) {
      calls++;
      for (let t = 0; t < series.length; t++) target[t] = t < 3 ? 0 : (calls % 2) / 2;
    },
  });
  expect(failed(checkStrategy(restless)).determinism).toMatch(/then .* on the same bars/);
  const vandal = variant('vandal', {
    compute(series, _parameters, target) {
      (series.close as Float64Array).fill(1);
      target.fill(0);
    },
  });
  expect(failed(checkStrategy(vandal)).determinism).toMatch(
    /^the strategy changed the bars it was given \(close\[0\]\)/,
  );
});

it('reports what a strategy throws as the counter-example, without throwing itself', () => {
  const throwing = variant('throwing', {
    compute(series, _parameters, target) {
      if (series.length > 10) throw new TypeError('cannot read properties of undefined');
      target.fill(0);
    },
  });
  const check = checkStrategy(throwing);
  expect(failed(check).bounds).toMatch(/^threw TypeError: cannot read properties of undefined \(parameters/);
  expect(check.verdicts.find((v) => v.property === 'parameters')?.passed).toBe(true);
});

it('flags parameters whose defaults break their own bounds, and then checks nothing else', () => {
  const unresolvable = variant('unresolvable', {
    parameters: [
      { name: 'delay', description: 'Bars flat first.', kind: 'integer', default: 99, min: 0, max: 50 },
    ],
  });
  const problems = failed(checkStrategy(unresolvable));
  expect(problems.parameters).toBe('delay: default 99 is outside [0, 50]');
  expect(problems.bounds).toBe('not checked: the parameters do not resolve');
});

it('tries each parameter at its bounds, so code that misbehaves only at an extreme is caught', () => {
  const atOne = variant('at-one', {
    compute(series, { delay }, target) {
      if (delay === 0) (series.close as Float64Array)[0] = -1;
      for (let t = 0; t < series.length; t++) target[t] = t < (delay as number) ? 0 : 0.5;
    },
    contractParameterSets: [{ delay: 10 }],
  });
  const check = checkStrategy(atOne);
  expect(check.parameterSets).toBe(4); // {}, {delay: 10}, {delay: 0}, {delay: 50}
  expect(failed(check).determinism).toMatch(/changed the bars it was given .*\(parameters \{"delay":0\}\)$/);
});
