import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { AetherError } from '@aetherquant/core';

/** The file types a strategy may be written in; TypeScript is compiled as it loads, with no build step. */
export const STRATEGY_FILE_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'] as const;

/**
 * Our packages a strategy file may import. Where the file's own folder cannot resolve one (a file written
 * beside no `node_modules`, as most first strategies are), it gets the copy this process runs, so a strategy
 * needs nothing installed to run under the CLI, the API or a worker: @aetherquant/strategies as this library
 * resolves it, and the packages it builds on (indicators, core) as that copy resolves them.
 */
const HOST_PACKAGES = ['@aetherquant/strategies', '@aetherquant/indicators', '@aetherquant/core'] as const;

const hostRequire = createRequire(__filename);
const strategiesRequire = createRequire(hostRequire.resolve('@aetherquant/strategies'));

/**
 * Loads the module at `path` (absolute) as a strategy file: TypeScript and ES modules through jiti (a
 * well-kept loader that compiles them in memory, docs/toolchain.md), CommonJS as Node loads it. A file that
 * is missing, of another type, or fails to load or run is an INVALID_ARGUMENT on `field` naming the file and
 * what went wrong, never a stack trace.
 */
export async function importStrategyModule(path: string, field = 'strategy_modules'): Promise<unknown> {
  const refuse = (rule: string) => AetherError.invalid([{ field, rule }]);
  const extension = extname(path);
  // An installed package's entry point may be any JavaScript file; a file named by hand must say what it is.
  if (
    !(STRATEGY_FILE_EXTENSIONS as readonly string[]).includes(extension) &&
    !path.includes('/node_modules/')
  ) {
    throw refuse(`must name a ${STRATEGY_FILE_EXTENSIONS.join(', ')} file (got ${path})`);
  }
  if (!existsSync(path)) throw refuse(`must name a file that exists (got ${path})`);
  const { createJiti } = await import('jiti');
  const jiti = createJiti(path, {
    alias: hostAliases(path),
    // Compiled in memory each time a process loads the file: nothing written beside it or to a cache that could go stale.
    fsCache: false,
    interopDefault: false,
  });
  try {
    return await jiti.import(path);
  } catch (error) {
    throw refuse(`must name a module that loads: ${path} failed with ${loadFailure(error)}`);
  }
}

/** Each of {@link HOST_PACKAGES} the file's folder does not resolve, mapped to this process's copy. */
function hostAliases(path: string): Record<string, string> {
  const fileRequire = createRequire(path);
  const aliases: Record<string, string> = {};
  for (const name of HOST_PACKAGES) {
    if (resolves(fileRequire, name)) continue;
    const host = resolves(name === '@aetherquant/strategies' ? hostRequire : strategiesRequire, name);
    if (host) aliases[name] = host;
  }
  return aliases;
}

function resolves(require: NodeJS.Require, name: string): string | undefined {
  try {
    return require.resolve(name);
  } catch {
    return undefined;
  }
}

/** What loading threw, on one line (a syntax error's location included), without its stack. */
function loadFailure(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 500 ? `${line.slice(0, 500)}…` : line;
}
