import { isAbsolute } from 'node:path';
import { AetherError, type FieldViolation } from '@aetherquant/core';
import {
  BUILT_IN_STRATEGIES,
  type Strategy,
  strategiesOfModule,
  type StrategyRegistry,
} from '@aetherquant/strategies';
import { type WorkflowContext } from '../workflow/workflow-context';

/** The registries of this thread, by list of modules: each list is loaded once per thread. */
const loaded = new Map<string, Promise<StrategyRegistry>>();

/**
 * The strategies a run of `context` may name: the built-ins, then those of its strategy modules, in order.
 * Every thread that runs workflows loads the modules itself (once: later calls share the registry), so the
 * strategies the API lists are the ones its compute threads run. A module that is not an absolute path,
 * fails to load, or exports no valid definition is an INVALID_ARGUMENT naming it.
 */
export function strategyRegistryOf(context: WorkflowContext): Promise<StrategyRegistry> {
  const modules = context.strategyModules ?? [];
  if (modules.length === 0) return Promise.resolve(BUILT_IN_STRATEGIES);
  const key = JSON.stringify(modules);
  let registry = loaded.get(key);
  if (registry === undefined) {
    registry = loadRegistry(modules);
    loaded.set(key, registry);
    // A failure is not kept: the next run tries again (the file may have been fixed meanwhile).
    registry.catch(() => loaded.delete(key));
  }
  return registry;
}

async function loadRegistry(modules: readonly string[]): Promise<StrategyRegistry> {
  const relative = modules.filter((path) => !isAbsolute(path));
  if (relative.length > 0) {
    throw AetherError.invalid(
      relative.map((path) => ({
        field: 'strategy_modules',
        rule: `must be absolute paths (got ${JSON.stringify(path)})`,
      })),
    );
  }
  const strategies: Strategy[] = [];
  for (const path of modules) strategies.push(...strategiesOfModule(await importModule(path), path));
  return BUILT_IN_STRATEGIES.with(...strategies);
}

async function importModule(path: string): Promise<unknown> {
  try {
    return await import(path);
  } catch (error) {
    const violation: FieldViolation = {
      field: 'strategy_modules',
      rule: `must name modules that load: ${path} failed with ${error instanceof Error ? error.message : String(error)}`,
    };
    throw AetherError.invalid([violation]);
  }
}
