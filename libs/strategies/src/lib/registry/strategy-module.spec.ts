import { type BarSeries } from '@aetherquant/core';
import { createRequire } from 'node:module';
import { seriesOf, thrown } from '../../testing/series';
import { TEST_STRATEGY_MODULE } from '../../testing/test-strategy';
import { BUILT_IN_STRATEGIES } from './built-in-strategies';
import { defineStrategy } from '../strategy/define-strategy';
import { strategiesOfModule } from './strategy-module';
import { type Strategy } from '../strategy/strategy';

/** The test strategy module's exports, as Node's `require` gives them. */
const testModule = createRequire(__filename)(TEST_STRATEGY_MODULE) as Record<string, unknown>;

/** A definition with everything right, to break one part at a time. */
const definition = {
  name: 'always-half',
  description: 'Half long on every bar.',
  parameters: [],
  warmupBars: () => 0,
  compute: (_series: unknown, _parameters: unknown, target: Float64Array) => target.fill(0.5),
};

describe('strategiesOfModule', () => {
  it('defines the strategy a module exports, as the built-ins are defined', () => {
    const [strategy, ...others] = strategiesOfModule(testModule, TEST_STRATEGY_MODULE);
    expect(others).toEqual([]);
    expect(strategy?.name).toBe('test-constant');
    // Defaults filled in and bounds checked by the same resolution as the built-ins'.
    expect(strategy?.resolveParameters({ level: -1 })).toEqual({ level: -1, delay: 1 });
    expect(() => strategy?.resolveParameters({ level: 2 })).toThrow(
      'test-constant parameters: level must be at most 1 (got 2)',
    );
    // Flat for `delay` bars, then the level.
    const series = seriesOf({ close: [10, 11, 12, 13] });
    expect(Array.from(strategy?.targets(series, { delay: 2 }) ?? [])).toEqual([0, 0, 0.5, 0.5]);
    // A registry takes it after the built-ins.
    const registry = BUILT_IN_STRATEGIES.with(...strategiesOfModule(testModule, TEST_STRATEGY_MODULE));
    expect(registry.names()).toEqual([...BUILT_IN_STRATEGIES.names(), 'test-constant']);
  });

  it('takes an ES module default export and a list of definitions', () => {
    const esModule = { __esModule: true, default: definition };
    expect(strategiesOfModule(esModule, 'a.mjs').map((strategy) => strategy.name)).toEqual(['always-half']);
    const list = [definition, { ...definition, name: 'also-half' }];
    expect(strategiesOfModule(list, 'b.js').map((strategy) => strategy.name)).toEqual([
      'always-half',
      'also-half',
    ]);
  });

  it('lists every problem of every definition in one error that names the module', () => {
    const error = thrown(() =>
      strategiesOfModule(
        [
          { ...definition, name: 'Half', compute: undefined, warmupbars: () => 0 },
          {
            ...definition,
            description: ' ',
            parameters: [{ name: 'level', description: 'x', kind: 'number', default: 2, min: 0, max: 1 }],
          },
          'not a definition',
        ],
        '/strategies/half.js',
      ),
    );
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/^strategy module \/strategies\/half\.js: /);
    expect(error.details?.violations).toEqual([
      {
        field: '[0].name',
        rule: 'must be lower-case words joined by hyphens, such as ma-cross (got "Half")',
      },
      { field: '[0].compute', rule: 'must be a function' },
      {
        field: '[0].warmupbars',
        rule: 'is not part of a strategy definition { name, description, parameters, warmupBars, compute }',
      },
      { field: '[1].description', rule: 'must be a sentence (got " ")' },
      { field: '[1].parameters[0].default', rule: 'must lie within min and max (got 2)' },
      {
        field: '[2]',
        rule: 'must be a strategy made with defineStrategy, or a definition { name, description, parameters, warmupBars, compute }',
      },
    ]);
  });

  it('refuses a module that exports nothing of the kind', () => {
    expect(thrown(() => strategiesOfModule({}, 'empty.js')).details?.violations?.map((v) => v.field)).toEqual(
      ['name', 'description', 'parameters', 'warmupBars', 'compute'],
    );
    expect(thrown(() => strategiesOfModule([], 'none.js')).message).toBe(
      'strategy module none.js: default export must be a strategy or a list of them (got [])',
    );
    const parameters = thrown(() =>
      strategiesOfModule({ ...definition, parameters: [{ name: 'n', kind: 'count' }] }, 'c.js'),
    );
    expect(parameters.details?.violations?.map((v) => v.field)).toEqual(
      expect.arrayContaining(['parameters[0].kind', 'parameters[0].default']),
    );
  });
});

describe('strategies made with defineStrategy, and the guard around a file’s code', () => {
  const series = seriesOf({ close: [10, 11, 12, 13] });

  it('takes a strategy made with defineStrategy as it is (by any copy of the package), guarded', () => {
    const made = defineStrategy(definition);
    const [strategy] = strategiesOfModule({ default: made }, '/strategies/half.ts');
    expect(strategy?.name).toBe('always-half');
    expect(Array.from(strategy?.targets(series, {}) ?? [])).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(strategy).not.toBe(made);
    // A key a strategy does not have is a typo worth naming.
    expect(() => strategiesOfModule({ default: { ...made, colour: 'red' } }, 'x.ts')).toThrow(
      'strategy module x.ts: colour is not part of a strategy',
    );
  });

  it.each([
    [
      'NaN',
      Number.NaN,
      ', each written by compute (got NaN on bar 2, 2020-01-03: written as NaN, or never written)',
    ],
    ['1.5', 1.5, ' (got 1.5 on bar 2, 2020-01-03)'],
  ])('refuses a target of %s, naming the file, the bar and its date', (_shown, bad, tail) => {
    const [strategy] = strategiesOfModule(
      {
        ...definition,
        compute: (_s: unknown, _p: unknown, target: Float64Array) => target.fill(0).fill(bad, 2),
      },
      '/strategies/bad.ts',
    );
    const error = thrown(() => strategy?.targets(series, {}));
    expect(error.message).toBe(
      `strategy always-half (/strategies/bad.ts): targets must be finite numbers in [-1, 1]${tail}`,
    );
  });

  it('turns what the code throws into an error naming the file, and lets its own AetherErrors through', () => {
    const [throwing] = strategiesOfModule(
      {
        ...definition,
        compute: () => {
          throw new RangeError('index out of range');
        },
      },
      '/strategies/throwing.mjs',
    );
    expect(thrown(() => throwing?.targets(series, {})).message).toBe(
      'strategy always-half (/strategies/throwing.mjs): code must not throw (threw RangeError: index out of range)',
    );
    const [fractional] = strategiesOfModule({ ...definition, warmupBars: () => -1 }, 'f.js');
    expect(thrown(() => fractional?.warmupBars({})).message).toBe(
      'strategy always-half (f.js): warmupBars must give a whole number of bars from 0 to 100000 (got -1)',
    );
    expect(thrown(() => throwing?.resolveParameters({ x: 1 })).message).toContain(
      'x is not a parameter of always-half',
    );
  });
});

describe('the guard keeps a file’s code from corrupting a run', () => {
  const series = () => seriesOf({ close: [10, 11, 12, 13] });
  const fromFile = (compute: (s: BarSeries, p: unknown, target: Float64Array) => unknown, warmup = () => 0) =>
    strategiesOfModule({ ...definition, warmupBars: warmup, compute }, '/strategies/x.ts')[0] as Strategy;

  it('refuses a write into the bars, naming the first one, and puts the bars back', () => {
    const bars = series();
    const vandal = fromFile((s, _p, target) => {
      (s.close as Float64Array)[1] = 99;
      target.fill(0);
    });
    expect(thrown(() => vandal.targets(bars, {})).message).toBe(
      'strategy always-half (/strategies/x.ts): code must not write into the bars it is given (TEST close[1] changed)',
    );
    expect(Array.from(bars.close)).toEqual([10, 11, 12, 13]);
  });

  it('refuses a target left unwritten, and a compute that returns its targets instead of writing them', () => {
    const skipsFirst = fromFile((s, _p, target) => {
      for (let t = 1; t < s.length; t++) target[t] = 0.5;
    });
    expect(thrown(() => skipsFirst.targets(series(), {})).message).toContain(
      'got NaN on bar 0, 2020-01-01: written as NaN, or never written',
    );
    const returns = fromFile((s) => new Float64Array(s.length).fill(1));
    expect(thrown(() => returns.targets(series(), {})).message).toBe(
      'always-half targets: compute must write its targets into the array it is given and return nothing (it returned an array)',
    );
    const asynchronous = fromFile(async (_s, _p, target) => target.fill(1));
    expect(thrown(() => asynchronous.targets(series(), {})).message).toContain(
      '(it returned a Promise: compute must not be async)',
    );
  });

  it.each([
    [1e12, '1000000000000'],
    ['5', '"5"'],
  ])('refuses a warm-up of %p bars, showing it as given', (bars, shown) => {
    const strategy = fromFile(
      (_s, _p, target) => target.fill(0),
      () => bars as number,
    );
    expect(thrown(() => strategy.warmupBars({})).message).toBe(
      `strategy always-half (/strategies/x.ts): warmupBars must give a whole number of bars from 0 to 100000 (got ${shown})`,
    );
  });
});

it('refuses parameters that would merge or cannot hold a value, naming each', () => {
  const spec = { description: 'A window.', kind: 'integer', default: 5, min: 1, max: 10 };
  const error = thrown(() =>
    strategiesOfModule(
      {
        ...definition,
        parameters: [
          { ...spec, name: 'n' },
          { ...spec, name: 'n' },
          { ...spec, name: '__proto__' },
          { ...spec, name: 'm', min: 20, max: 10, default: 15 },
        ],
      },
      'p.js',
    ),
  );
  expect(error.details?.violations).toEqual([
    { field: 'parameters[1].name', rule: 'must be a name no other parameter has (got "n")' },
    { field: 'parameters[2].name', rule: 'must be a name no other parameter has (got "__proto__")' },
    { field: 'parameters[3].min', rule: 'must be at most max (got min 20, max 10)' },
  ]);
});
