import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { AetherError, type FieldViolation } from '@aetherquant/core';
import { STRATEGY_FILE_EXTENSIONS } from './import-strategy-module';

/** An npm package name, possibly scoped, possibly with a subpath: `acme-strategies`, `@acme/strategies/momentum`. */
const PACKAGE_NAME = /^(?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*(?:\/[\w.~-]+)*$/i;

/**
 * The absolute paths of strategy entries as a person lists them (`AETHERQ_STRATEGY_PATHS`, `--strategy-file`):
 * a file, relative to `cwd` unless absolute (anything path-like or named with a strategy file's extension), or
 * else an installed package, resolved as Node resolves it from `cwd`. An entry that is neither is an INVALID_ARGUMENT on `field`, every bad entry listed.
 */
export function resolveStrategyPaths(entries: readonly string[], cwd: string, field: string): string[] {
  const violations: FieldViolation[] = [];
  const paths: string[] = [];
  for (const entry of entries) {
    const path = resolveStrategyPath(entry, cwd);
    if (path !== undefined) paths.push(path);
    else {
      violations.push({
        field,
        rule: `must name strategy files or installed packages (${JSON.stringify(entry)} is neither, from ${cwd})`,
      });
    }
  }
  if (violations.length > 0) throw AetherError.invalid(violations);
  return [...new Set(paths)];
}

function resolveStrategyPath(entry: string, cwd: string): string | undefined {
  const asFile = isAbsolute(entry) ? entry : resolve(cwd, entry);
  // A path that does not exist is kept: loading it says so, naming the file, as for any file that fails.
  const pathLike =
    isAbsolute(entry) ||
    entry.startsWith('.') ||
    !PACKAGE_NAME.test(entry) ||
    STRATEGY_FILE_EXTENSIONS.some((extension) => entry.endsWith(extension));
  if (pathLike || existsSync(asFile)) return asFile;
  try {
    return createRequire(join(cwd, 'package.json')).resolve(entry);
  } catch {
    return undefined;
  }
}
