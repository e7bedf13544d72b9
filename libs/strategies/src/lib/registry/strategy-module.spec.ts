import { createRequire } from 'node:module';
import { seriesOf, thrown } from '../../testing/series';
import { TEST_STRATEGY_MODULE } from '../../testing/test-strategy';
import { BUILT_IN_STRATEGIES } from './built-in-strategies';
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
        rule: 'must be a strategy definition { name, description, parameters, warmupBars, compute }',
      },
    ]);
  });

  it('refuses a module that exports nothing of the kind', () => {
    expect(thrown(() => strategiesOfModule({}, 'empty.js')).details?.violations?.map((v) => v.field)).toEqual(
      ['name', 'description', 'parameters', 'warmupBars', 'compute'],
    );
    expect(thrown(() => strategiesOfModule([], 'none.js')).message).toBe(
      'strategy module none.js: default export must be a strategy definition or a list of them (got [])',
    );
    const parameters = thrown(() =>
      strategiesOfModule({ ...definition, parameters: [{ name: 'n', kind: 'count' }] }, 'c.js'),
    );
    expect(parameters.details?.violations?.map((v) => v.field)).toEqual(
      expect.arrayContaining(['parameters[0].kind', 'parameters[0].default']),
    );
  });
});
