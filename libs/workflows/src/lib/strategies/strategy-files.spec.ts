import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSettings } from '@aetherquant/core';
import { runSweep } from '@aetherquant/backtest';
import { loadBars } from '../market-data/load-bars';
import { runUseCase } from '../use-cases/workflow-registry';
import { loadSettings } from '../settings/load-settings';
import { importStrategyModule } from './import-strategy-module';
import { resolveStrategyPaths } from './strategy-paths';
import { checkStrategyModules, strategyRegistryOf } from './strategy-registry-of';

// Strategy files as a user writes them: outside the repository, beside no node_modules, importing the
// published package by name (the loader hands them this process's copy) and written in any module flavour.
const settings = parseSettings({ AETHERQ_DATABASE_URL: 'none', AETHERQ_CACHE_DIR: 'none' }).settings;
const now = () => Date.UTC(2024, 5, 3, 12);
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aq-strategy-files-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** A TypeScript strategy, types and all: long from bar `lag` on when the close rose over the last `lag` bars. */
const TYPESCRIPT = `
import { defineStrategy, type StrategyParameters } from '@aetherquant/strategies';

interface Rising { lag: number }

export default defineStrategy({
  name: 'rising',
  description: 'Long when the close is above the close lag bars ago.',
  parameters: [{ name: 'lag', description: 'Bars to look back.', kind: 'integer', default: 5, min: 1, max: 100 }],
  contractParameterSets: [{ lag: 1 }],
  warmupBars: ({ lag }: StrategyParameters) => lag,
  compute(series, parameters, target) {
    const { lag } = parameters as unknown as Rising;
    for (let t = 0; t < series.length; t++) {
      target[t] = t >= lag && (series.close[t] as number) > (series.close[t - lag] as number) ? 1 : 0;
    }
  },
});
`;

describe('strategy files', () => {
  it('load from TypeScript with no build step, and run as the built-ins do', async () => {
    const path = write('rising.strategy.ts', TYPESCRIPT);
    const context = { settings, now, strategyModules: [path] };
    const registry = await strategyRegistryOf(context);
    expect(registry.names()).toContain('rising');
    const report = await runUseCase(
      'backtest',
      { symbol: 'SPY', period: '1y', provider: 'synthetic', strategy: 'rising', params: { lag: 3 } },
      { context },
    );
    expect(report).toMatchObject({ strategy: 'rising', params: { lag: 3 } });
    await expect(
      runUseCase(
        'backtest',
        { symbol: 'SPY', provider: 'synthetic', strategy: 'rising', params: { lag: 0 } },
        { context },
      ),
    ).rejects.toThrow('lag must be at least 1 (got 0)');
  });

  it('sweep on worker threads, each loading the file again, exactly as on one thread', async () => {
    const path = write('rising-threads.ts', TYPESCRIPT.replace("'rising'", "'rising-threads'"));
    const strategy = (await strategyRegistryOf({ strategyModules: [path] })).get('rising-threads');
    expect(strategy.reload?.module).toBe(path);
    expect(existsSync(strategy.reload?.loader ?? '')).toBe(true);
    const series = await loadBars(
      { symbol: 'SPY', period: '3y', provider: 'synthetic', seed: 42 },
      { settings, now },
    );
    const options = { initialCash: 100_000, commissionBps: 1, slippageBps: 0.5, top: 'all' as const };
    const grid = { lag: [1, 2, 3, 5, 8, 13, 21, 34] };
    const inline = await runSweep(series, strategy, grid, { ...options, workers: 1 });
    const threaded = await runSweep(series, strategy, grid, { ...options, workers: 2 });
    expect(threaded.workers).toBe(2);
    expect({ ...threaded, workers: 1 }).toEqual(inline);
  });

  it.each([
    [
      '.mts',
      `import { defineStrategy } from '@aetherquant/strategies';\nexport default defineStrategy(DEF);`,
    ],
    ['.mjs', `export default DEF;`],
    ['.cjs', `module.exports = DEF;`],
    ['.js', `module.exports = [DEF];`],
  ])('load from %s', async (extension, template) => {
    const definition = `{ name: 'flat${extension.slice(1)}', description: 'Always flat.', parameters: [], warmupBars: () => 0, compute: (s, p, target) => target.fill(0) }`;
    const path = write(`flat${extension}`, template.replace('DEF', definition));
    const registry = await strategyRegistryOf({ strategyModules: [path] });
    expect(registry.names()).toContain(`flat${extension.slice(1)}`);
  });

  it.each([
    [
      'a syntax error',
      'broken.ts',
      'export default {',
      /^strategy_modules must name a module that loads: .*broken\.ts failed with Error: ParseError: Unexpected token .*broken\.ts:1:16$/,
    ],
    [
      'a throw at load',
      'throws.ts',
      'throw new Error("no API key");\nexport default {};',
      /failed with Error: no API key$/,
    ],
    [
      'an unknown import',
      'imports.ts',
      'import x from "no-such-package-anywhere";\nexport default x;',
      /imports\.ts failed with Error: Cannot find module/,
    ],
    [
      'another export',
      'other.ts',
      'export default 42;',
      /^strategy module .*other\.ts: default export must be a strategy made with defineStrategy/,
    ],
    [
      'a file type it cannot load',
      'notes.txt',
      'hello',
      /^strategy_modules must name a \.ts, \.mts, \.cts, \.js, \.mjs, \.cjs file \(got .*notes\.txt\)$/,
    ],
  ])('refuse %s, naming the file, with no stack trace', async (_label, name, text, message) => {
    const path = write(name, text);
    const failure = await strategyRegistryOf({ strategyModules: [path] }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(message) });
    expect((failure as Error).message).not.toMatch(/\n\s+at /);
  });

  it('refuse a strategy whose name the built-ins or another file took', async () => {
    const clash = write(
      'clash.mjs',
      `export default { name: 'ma-cross', description: 'Mine.', parameters: [], warmupBars: () => 0, compute: (s, p, t) => t.fill(0) };`,
    );
    await expect(strategyRegistryOf({ strategyModules: [clash] })).rejects.toMatchObject({
      message: `strategy_modules ${clash}: names a strategy ma-cross, already taken by the built-ins`,
    });
  });

  it('are checked against the strategy contract, and a look-ahead one refused by name', async () => {
    const clean = write('clean-check.ts', TYPESCRIPT.replace("'rising'", "'rising-clean'"));
    const peeking = write(
      'peeking.ts',
      TYPESCRIPT.replace("'rising'", "'peeking'").replace(
        '(series.close[t] as number) > (series.close[t - lag] as number)',
        '(series.close[t + 1] ?? 0) > (series.close[t] as number)',
      ),
    );
    const [checked] = await checkStrategyModules([clean]);
    expect(checked?.checks.map((check) => [check.strategy, check.passed])).toEqual([['rising-clean', true]]);
    const failure = await checkStrategyModules([clean, peeking], {
      field: 'AETHERQ_STRATEGY_PATHS',
      refuse: true,
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(
        new RegExp(
          `^AETHERQ_STRATEGY_PATHS ${peeking.replace(/[.]/g, '\\.')}: peeking breaks the strategy contract \\(no-look-ahead: target\\[\\d+\\]`,
        ),
      ),
    });
  });
});

describe('AETHERQ_STRATEGY_PATHS', () => {
  it('resolves files from the working directory and packages as Node does, refusing what is neither', () => {
    write('project/strategies/mine.ts', TYPESCRIPT);
    write('project/node_modules/acme-strategies/package.json', '{"name":"acme-strategies","main":"main.js"}');
    write('project/node_modules/acme-strategies/main.js', 'module.exports = [];');
    const cwd = join(dir, 'project');
    expect(
      resolveStrategyPaths(['strategies/mine.ts', './strategies/mine.ts', 'acme-strategies'], cwd, 'F'),
    ).toEqual([join(cwd, 'strategies/mine.ts'), join(cwd, 'node_modules/acme-strategies/main.js')]);
    expect(() =>
      resolveStrategyPaths(['nothing-here', '@acme/missing'], cwd, 'AETHERQ_STRATEGY_PATHS'),
    ).toThrow(
      `AETHERQ_STRATEGY_PATHS must name strategy files or installed packages ("nothing-here" is neither, from ${cwd}); ` +
        `AETHERQ_STRATEGY_PATHS must name strategy files or installed packages ("@acme/missing" is neither, from ${cwd})`,
    );
    const loaded = loadSettings({
      env: { AETHERQ_STRATEGY_PATHS: ' strategies/mine.ts , acme-strategies' },
      cwd,
    });
    expect(loaded.settings.strategyPaths).toEqual([
      join(cwd, 'strategies/mine.ts'),
      join(cwd, 'node_modules/acme-strategies/main.js'),
    ]);
  });

  it('loads an installed package whose entry point is plain JavaScript', async () => {
    const entry = write(
      'pkg/node_modules/acme-flat/index.js',
      "module.exports = { name: 'acme-flat', description: 'Flat.', parameters: [], warmupBars: () => 0, compute: (s, p, t) => t.fill(0) };",
    );
    const loaded = await importStrategyModule(entry);
    expect(loaded).toMatchObject({ name: 'acme-flat' });
  });
});
