import { createRequire } from 'node:module';
import { seriesOf, thrown } from '../../testing/series';
import { TEST_STRATEGY_MODULE } from '../../testing/test-strategy';
import { BUILT_IN_STRATEGIES } from './built-in-strategies';
import { defineStrategy } from '../strategy/define-strategy';
import { strategiesOfModule } from './strategy-module';

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
    ['NaN', Number.NaN],
    ['1.5', 1.5],
  ])('refuses a target of %s, naming the file, the bar and its date', (shownValue, bad) => {
    const [strategy] = strategiesOfModule(
      {
        ...definition,
        compute: (_s: unknown, _p: unknown, target: Float64Array) => target.fill(0).fill(bad, 2),
      },
      '/strategies/bad.ts',
    );
    const error = thrown(() => strategy?.targets(series, {}));
    expect(error.message).toBe(
      `strategy always-half (/strategies/bad.ts): targets must be finite numbers in [-1, 1] (got ${shownValue} on bar 2, 2020-01-03)`,
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
      'strategy always-half (f.js): warmupBars must give a whole number of bars (got -1)',
    );
    expect(thrown(() => throwing?.resolveParameters({ x: 1 })).message).toContain(
      'x is not a parameter of always-half',
    );
  });
});
