import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DEFAULT_STRATEGY } from '@aetherquant/core';
import { buyAndHoldStrategy } from '../buy-and-hold/buy-and-hold.strategy';
import { maCrossStrategy } from '../ma-cross/ma-cross.strategy';
import { type Strategy } from '../strategy/strategy';
import { BUILT_IN_STRATEGIES, getStrategy } from './built-in-strategies';

// Expectations come from the registry itself: adding a built-in strategy changes no line here, and these
// checks fail until the new strategy is registered and documented.
const LIB = resolve(__dirname, '..');
const WORKSPACE_ROOT = resolve(__dirname, '../../../../..');
const names = BUILT_IN_STRATEGIES.names();

/** Every `*.strategy.ts` module under src/lib, with the strategies it exports. */
async function strategyModules(): Promise<{ file: string; strategies: Strategy[] }[]> {
  const files = readdirSync(LIB, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.strategy.ts'))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const exported = Object.values((await import(join(LIB, file))) as Record<string, unknown>);
      const strategies = exported.filter(
        (value): value is Strategy =>
          typeof value === 'object' && value !== null && typeof (value as Strategy).targets === 'function',
      );
      return { file: relative(LIB, join(LIB, file)), strategies };
    }),
  );
}

describe('the built-in strategies', () => {
  it('start with the default strategy requests fall back to, each name once', () => {
    expect(names[0]).toBe(DEFAULT_STRATEGY);
    expect(getStrategy(DEFAULT_STRATEGY)).toBe(maCrossStrategy);
    expect(new Set(names).size).toBe(names.length);
  });

  it('are every strategy module of the library: a .strategy.ts file is wired by its registry line', async () => {
    const modules = await strategyModules();
    const unregistered = modules.flatMap(({ file, strategies }) =>
      strategies.filter((strategy) => getStrategy(strategy.name) !== strategy).map(() => file),
    );
    expect(unregistered).toEqual([]);
    expect(modules.filter(({ strategies }) => strategies.length === 0).map(({ file }) => file)).toEqual([]);
    const found = modules.flatMap(({ strategies }) => strategies.map((strategy) => strategy.name));
    expect(found.sort()).toEqual([...names].sort());
  });

  it.each([['libs/strategies/README.md'], ['docs/backtest.md']])(
    'each have a row in the strategies table of %s',
    (document) => {
      const text = readFileSync(join(WORKSPACE_ROOT, document), 'utf8');
      expect(names.filter((name) => !new RegExp(`^\\| \`${name}\` +\\|`, 'm').test(text))).toEqual([]);
    },
  );

  it('cannot be changed by their callers', () => {
    expect(Object.isFrozen(BUILT_IN_STRATEGIES)).toBe(true);
    expect(Object.isFrozen(BUILT_IN_STRATEGIES.strategies)).toBe(true);
    expect(() => (BUILT_IN_STRATEGIES.strategies as unknown[]).push(buyAndHoldStrategy)).toThrow(TypeError);
    expect(() => BUILT_IN_STRATEGIES.with(buyAndHoldStrategy)).toThrow('buy-and-hold is registered twice');
  });
});
