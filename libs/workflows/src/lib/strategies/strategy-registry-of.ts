import { isAbsolute, join, resolve } from 'node:path';
import { AetherError, type FieldViolation } from '@aetherquant/core';
import {
  BUILT_IN_STRATEGIES,
  BUILT_IN_UNIVERSE_STRATEGIES,
  checkStrategy,
  checkUniverseStrategy,
  type UniverseStrategy,
  type UniverseStrategyRegistry,
  universeStrategiesOfModule,
  type Strategy,
  strategiesOfModule,
  type StrategyRegistry,
} from '@aetherquant/strategies';
import { importStrategyModule } from './import-strategy-module';

/**
 * The compiled module a sweep's threads load file strategies with (see `Strategy.reload`): under Jest this
 * file is TypeScript, and threads run the built library.
 */
const THREAD_LOADER = __filename.endsWith('.ts')
  ? resolve(__dirname, '..', '..', '..', 'dist', 'lib', 'strategies', 'thread-strategy-loader.js')
  : join(__dirname, 'thread-strategy-loader.js');

/** The registries of this thread, by kind and list of modules: each is loaded once per thread. */
const loaded = new Map<string, Promise<unknown>>();

/**
 * The registry `load` makes of `modules`, loaded once per thread and list; a failure is not kept, so the next
 * run tries again (the file may have been fixed meanwhile).
 */
function loadedOnce<Registry>(
  kind: string,
  modules: readonly string[],
  load: () => Promise<Registry>,
): Promise<Registry> {
  const key = JSON.stringify([kind, modules]);
  let registry = loaded.get(key) as Promise<Registry> | undefined;
  if (registry === undefined) {
    registry = load();
    loaded.set(key, registry);
    registry.catch(() => loaded.delete(key));
  }
  return registry;
}

/**
 * The strategies a run of `context` may name: the built-ins, then those of its strategy modules, in order.
 * Every thread that runs workflows loads the modules itself (once: later calls share the registry), so the
 * strategies the API lists are the ones its compute threads run. A module that is not an absolute path,
 * fails to load, or exports no valid strategy is an INVALID_ARGUMENT naming it.
 */
export function strategyRegistryOf(context: {
  strategyModules?: readonly string[];
}): Promise<StrategyRegistry> {
  const modules = context.strategyModules ?? [];
  if (modules.length === 0) return Promise.resolve(BUILT_IN_STRATEGIES);
  return loadedOnce('single', modules, () => loadRegistry(modules));
}

/**
 * The universe strategies (cross-sectional: targets for every symbol at once) a run of `context` may name: the
 * built-ins (`top-momentum`), then those its strategy modules export (made with `defineUniverseStrategy`), in
 * order; a name taken twice is refused.
 */
export function universeRegistryOf(context: {
  strategyModules?: readonly string[];
}): Promise<UniverseStrategyRegistry> {
  const modules = context.strategyModules ?? [];
  if (modules.length === 0) return Promise.resolve(BUILT_IN_UNIVERSE_STRATEGIES);
  return loadedOnce('universe', modules, async () => {
    requireAbsolute(modules, 'strategy_modules');
    const more: UniverseStrategy[] = [];
    for (const path of modules)
      more.push(...universeStrategiesOfModule(await importStrategyModule(path), path));
    return BUILT_IN_UNIVERSE_STRATEGIES.with(...more);
  });
}

/** The names of the strategies (single-asset, then universe) the strategy file `path` defines. */
export async function fileStrategyNames(path: string): Promise<string[]> {
  const builtIn = new Set([...BUILT_IN_STRATEGIES.names(), ...BUILT_IN_UNIVERSE_STRATEGIES.names()]);
  const modules = { strategyModules: [path] };
  const names = [
    ...(await strategyRegistryOf(modules)).names(),
    ...(await universeRegistryOf(modules)).names(),
  ];
  return names.filter((name) => !builtIn.has(name));
}

/** One strategy's contract check, single-asset or universe, in the shape `strategy check` prints. */
export interface StrategyContractCheck {
  strategy: string;
  kind: 'single-asset' | 'universe';
  passed: boolean;
  verdicts: { property: string; rule: string; passed: boolean; problem?: string }[];
  parameterSets: number;
  /** Series (universes, for a universe strategy) tried per parameter set. */
  seriesPerSet: number;
}

/** A strategy file's strategies, each with its contract check. */
export interface CheckedStrategyModule {
  path: string;
  checks: StrategyContractCheck[];
}

/**
 * Loads each module and runs the strategy contract on every strategy it exports (`checkStrategy`, and
 * `checkUniverseStrategy` for universe strategies: gross exposure at most 1, look-ahead cut on every symbol): what an
 * API or a worker does before it starts with `AETHERQ_STRATEGY_PATHS`, so a strategy that looks ahead or
 * writes a NaN never serves a request. With `refuse`, a failing strategy is an INVALID_ARGUMENT on `field`
 * naming its file, the strategy and each property it breaks.
 */
export async function checkStrategyModules(
  modules: readonly string[],
  options: { field?: string; refuse?: boolean } = {},
): Promise<CheckedStrategyModule[]> {
  const field = options.field ?? 'strategy_modules';
  requireAbsolute(modules, field);
  const checked: CheckedStrategyModule[] = [];
  for (const path of modules) {
    const exports = await importStrategyModule(path, field);
    const single = readModule(path, field, () => strategiesOfModule(exports, path)).map(
      (strategy): StrategyContractCheck => ({
        ...checkStrategy(strategy),
        kind: 'single-asset',
      }),
    );
    const universe = readModule(path, field, () => universeStrategiesOfModule(exports, path)).map(
      (strategy): StrategyContractCheck => {
        const { universesPerSet, ...check } = checkUniverseStrategy(strategy);
        return { ...check, kind: 'universe', seriesPerSet: universesPerSet };
      },
    );
    checked.push({ path, checks: [...single, ...universe] });
  }
  const violations: FieldViolation[] = checked.flatMap(({ path, checks }) =>
    checks
      .filter((check) => !check.passed)
      .map((check) => ({
        field,
        rule: `${path}: ${check.strategy} breaks the strategy contract (${brokenProperties(check)})`,
      })),
  );
  if (options.refuse && violations.length > 0) throw AetherError.invalid(violations);
  return checked;
}

/**
 * Reads a module's exports with `read` (`strategiesOfModule`, `universeStrategiesOfModule`), turning anything
 * other than their own refusal (a Proxy whose traps throw, a getter that throws) into an INVALID_ARGUMENT that
 * names the file.
 */
function readModule<T>(path: string, field: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof AetherError) throw error;
    const thrown = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw AetherError.invalid([
      { field, rule: `must name a module whose exports can be read: ${path} threw ${thrown}` },
    ]);
  }
}

/**
 * `property: problem` of each failed property; properties failing with the same problem (a strategy that
 * throws fails them all alike) are named together, the problem said once.
 */
export function brokenProperties(check: StrategyContractCheck): string {
  const byProblem = new Map<string, string[]>();
  for (const verdict of check.verdicts) {
    if (verdict.passed) continue;
    const problem = verdict.problem ?? '';
    byProblem.set(problem, [...(byProblem.get(problem) ?? []), verdict.property]);
  }
  return [...byProblem].map(([problem, properties]) => `${properties.join(', ')}: ${problem}`).join('; ');
}

/** Modules are named by absolute path, so every thread and process finds the same file. */
function requireAbsolute(modules: readonly string[], field: string): void {
  const relative = modules.filter((path) => !isAbsolute(path));
  if (relative.length > 0) {
    throw AetherError.invalid(
      relative.map((path) => ({ field, rule: `must be absolute paths (got ${JSON.stringify(path)})` })),
    );
  }
}

async function loadRegistry(modules: readonly string[]): Promise<StrategyRegistry> {
  requireAbsolute(modules, 'strategy_modules');
  const strategies: Strategy[] = [];
  const sources = new Map<string, string>(BUILT_IN_STRATEGIES.names().map((name) => [name, 'the built-ins']));
  for (const path of modules) {
    const exports = await importStrategyModule(path);
    const loaded = readModule(path, 'strategy_modules', () =>
      strategiesOfModule(exports, path, { loader: THREAD_LOADER }),
    );
    for (const strategy of loaded) {
      const taken = sources.get(strategy.name);
      if (taken !== undefined) {
        throw AetherError.invalid([
          {
            field: 'strategy_modules',
            rule: `${path}: names a strategy ${strategy.name}, already taken by ${taken}`,
          },
        ]);
      }
      sources.set(strategy.name, path);
      strategies.push(strategy);
    }
  }
  return BUILT_IN_STRATEGIES.with(...strategies);
}
