// Loaded only by a run given --strategy-file (see AetherCommand.runUseCase): the strategies and the file
// loader are not for every command to load.
import { AetherError, USE_CASES } from '@aetherquant/core';
import { type WorkflowName } from '@aetherquant/workflows';
import { fileStrategyNames, resolveStrategyPaths } from '@aetherquant/workflows/strategies';

/** A strategy file given with `--strategy-file`: its absolute path and the strategies it defines. */
export interface StrategyFile {
  path: string;
  names: string[];
}

/**
 * Loads `entry` (relative to the working directory) as this run will, so a file that does not load, or
 * defines nothing valid, fails here, named as the flag. Loaded once: the run's registry reuses it.
 */
export async function strategyFileOf(entry: string): Promise<StrategyFile> {
  const [path] = resolveStrategyPaths([entry], process.cwd(), '--strategy-file') as [string];
  try {
    return { path, names: await fileStrategyNames(path) };
  } catch (error) {
    if (error instanceof AetherError) {
      throw error.withFieldNames((field) => (field === 'strategy_modules' ? '--strategy-file' : field));
    }
    throw error;
  }
}

/**
 * The request with the file's strategy when it names none (`--strategy` absent) and its use case runs one; a
 * file of several strategies needs `--strategy` to say which.
 */
export function withFileStrategy(useCase: WorkflowName, input: unknown, file: StrategyFile): unknown {
  const shape = (USE_CASES[useCase].request as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  if (typeof input !== 'object' || input === null || !Object.hasOwn(shape, 'strategy')) return input;
  const request = input as Record<string, unknown>;
  if (request['strategy'] !== undefined) return input;
  if (file.names.length === 1) return { ...request, strategy: file.names[0] };
  throw AetherError.invalid([
    {
      field: '--strategy',
      rule: `must say which strategy of ${file.path} to run: ${file.names.join(', ')}`,
    },
  ]);
}
