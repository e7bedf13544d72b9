import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AetherError, parseSettings, type ParsedSettings } from '@aetherquant/core';
import { parseEnvFile } from './env-file';
import { resolveStrategyPaths } from '../strategies/strategy-paths';

export interface LoadSettingsOptions {
  /** The process environment (apps pass `process.env`; libraries never read it themselves). */
  env: Readonly<Record<string, string | undefined>>;
  /** Where to look for `.env` when `envFile` is not given. */
  cwd: string;
  /** An explicit env file, which must exist; by default `<cwd>/.env` is read when present. */
  envFile?: string;
}

/**
 * Loads settings the way both apps do: the optional `.env` file first, then the environment on top of
 * it, where a blank environment value counts as unset (so it does not hide the file's value). Every bad
 * variable is reported in one INVALID_ARGUMENT.
 */
export function loadSettings(options: LoadSettingsOptions): ParsedSettings & { envFile: string | undefined } {
  const envFile =
    options.envFile === undefined ? resolve(options.cwd, '.env') : resolve(options.cwd, options.envFile);
  const fileExists = existsSync(envFile);
  if (options.envFile !== undefined && !fileExists) {
    throw AetherError.invalid([{ field: 'env file', rule: `does not exist: ${envFile}` }]);
  }
  const fromFile = fileExists ? parseEnvFile(readFileSync(envFile, 'utf8'), envFile) : {};
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [name, value] of Object.entries(options.env)) {
    if (value !== undefined && value.trim() !== '') merged[name] = value;
  }
  const parsed = parseSettings(merged);
  // Paths are resolved once, here, where the working directory is known: every thread and worker gets them absolute.
  const strategyPaths = resolveStrategyPaths(
    parsed.settings.strategyPaths,
    options.cwd,
    'AETHERQ_STRATEGY_PATHS',
  );
  return {
    ...parsed,
    settings: { ...parsed.settings, strategyPaths },
    envFile: fileExists ? envFile : undefined,
  };
}
