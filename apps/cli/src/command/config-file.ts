// `--config run.yaml`: a command's flags from a file. Loaded only when a command line holds --config.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AetherError, DEFAULT_STRATEGY, type FieldViolation } from '@aetherquant/core';
import { parse as parseYaml } from 'yaml';
import { SECRET_FLAGS } from '../flags/secret-flags';

/** What a command's flags look like to the expansion: their kind, and whether `--no-` and repeats are allowed. */
export interface FlagShape {
  type: 'boolean' | 'option';
  allowNo?: boolean;
  multiple?: boolean;
}

/** The largest config file read: a run spec is a few hundred bytes; anything near this is not one. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Keys of a config file whose values are `name: value` maps of strategy parameters (`--param name=value`). */
const PARAMETER_MAPS = new Set(['param', 'params', 'grid']);
/** Flags that set a strategy parameter too: a `--fast` on the command line overrides the file's `fast`. */
const PARAMETER_FLAGS = new Set(['fast', 'slow']);

/**
 * Flags whose value is a path: a relative one in a config file is relative to the file's folder (a spec
 * written next to its strategy reruns from anywhere), never to the working directory. `-` (standard output
 * or input) stays as it is.
 */
const PATH_FLAGS = new Set(['strategy-file', 'data-dir', 'output', 'dotenv']);

/**
 * Every secret flag and its `-file` twin (`api-key`, `api-key-file`, `database-url`, …), from the one list of
 * secret flags: a config file is shared and kept with results (a run spec holds none), so none is read from one.
 */
const SECRET_FLAG_NAMES: ReadonlySet<string> = new Set(
  Object.values(SECRET_FLAGS).flatMap((secret) => Object.keys(secret.flags)),
);

/**
 * Flags that exclude others: one of `given` on the command line drops the file's `dropped` (they cannot be
 * combined, and the command line wins), so `--period 1y` over a spec's `start`/`end` is a one-year run.
 */
const EXCLUSIVE: readonly { given: readonly string[]; dropped: readonly string[] }[] = [
  { given: ['period'], dropped: ['start', 'end'] },
  { given: ['start', 'end'], dropped: ['period'] },
  { given: ['symbol'], dropped: ['symbols'] },
  // `fetch --output` writes one symbol's bars: with --symbols, they go to --data-dir.
  { given: ['symbols'], dropped: ['symbol', 'output'] },
];

/** What a file gives for its strategy: dropped with it when the command line names another strategy. */
const STRATEGY_KEYS = new Set(['strategy', 'strategy-file', 'fast', 'slow', ...PARAMETER_MAPS]);

/** Keys that are not flags but room for YAML anchors (`x-base: &base …`, then `<<: *base`), as Compose has it. */
const EXTENSION_KEY = /^x[-_]/;

/**
 * `argv` with `--config FILE` replaced by the flags the file gives, for a command `commandId` whose flags are
 * `flags`. The file is JSON or YAML (merge keys `<<: *anchor` allowed): a mapping of flag names (`data-dir` or
 * `data_dir`) to values — a list for a repeatable flag or a comma list (`symbols: [SPY, QQQ]`), true/false for
 * a switch, and for strategy parameters a map (`params: { fast: 20 }`, a sweep's `grid: { fast: "5:50:5" }`).
 * `command:` may name the command the file is for. A flag given on the command line wins over the file's (a
 * parameter by name), and also drops what the file gives that it excludes: `--period` the file's `start` and
 * `end`, `--strategy` naming another strategy the file's strategy and parameters. A relative path in the file
 * is relative to the file's folder. Every key the command does not take, any secret, and a key given twice
 * (`data-dir` and `data_dir`) is refused, naming it, before anything runs.
 */
export function expandConfigFile(
  argv: readonly string[],
  commandId: string,
  flags: Readonly<Record<string, FlagShape>>,
  cwd: string = process.cwd(),
): string[] {
  const at = argv.findIndex((token) => token === '--config' || token.startsWith('--config='));
  if (at < 0) return [...argv];
  const inline = argv[at]?.startsWith('--config=');
  const path = inline ? (argv[at] as string).slice('--config='.length) : argv[at + 1];
  if (path === undefined || path === '' || (!inline && path.startsWith('--'))) {
    throw AetherError.invalid([{ field: '--config', rule: 'must name a JSON or YAML file' }]);
  }
  const rest = [...argv.slice(0, at), ...argv.slice(at + (inline ? 1 : 2))];
  if (rest.some((token) => token === '--config' || token.startsWith('--config='))) {
    throw AetherError.invalid([{ field: '--config', rule: 'may be given once' }]);
  }
  const file = { config: readConfig(path), folder: dirname(resolve(cwd, path)) };
  return [...configTokens(file, commandId, flags, given(rest, cwd)), ...rest];
}

/** The mapping in the file at `path`: a regular file of at most {@link MAX_CONFIG_BYTES}, checked before reading. */
function readConfig(path: string): Record<string, unknown> {
  const text = readSmallFile(path);
  let parsed: unknown;
  try {
    // YAML is a superset of JSON: one parser reads both. Merge keys are on; the parser's limit on aliases
    // (maxAliasCount, 100 by default) still refuses a "billion laughs" file.
    parsed = parseYaml(text.replace(/^\uFEFF/, ''), { merge: true });
  } catch (error) {
    const reason =
      error instanceof Error ? (error.message.split('\n')[0] ?? '').replace(/:\s*$/, '') : String(error);
    throw AetherError.invalid([{ field: '--config', rule: `must be JSON or YAML: ${path}: ${reason}` }]);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw AetherError.invalid([
      { field: '--config', rule: `must hold a mapping of flag names to values (${path} does not)` },
    ]);
  }
  return parsed as Record<string, unknown>;
}

/**
 * The text of `path`, a regular file of at most {@link MAX_CONFIG_BYTES}. Opened without blocking (a FIFO
 * would wait for a writer), then checked on the open file itself before a byte is read, so `/dev/zero`, a
 * folder or a 200 MB file is refused at once; a file growing meanwhile is read no further than the limit.
 */
function readSmallFile(path: string): string {
  const refuse = (rule: string) => AetherError.invalid([{ field: '--config', rule }]);
  const limit = `${MAX_CONFIG_BYTES / (1024 * 1024)} MB`;
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw refuse(`must name a readable file: ${path} ${reason}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      const kind = stat.isDirectory() ? 'a folder' : 'not a regular file';
      throw refuse(`must name a regular file: ${path} is ${kind}`);
    }
    if (stat.size > MAX_CONFIG_BYTES) {
      throw refuse(`must name a file of at most ${limit}: ${path} has ${stat.size} bytes`);
    }
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > MAX_CONFIG_BYTES) throw refuse(`must name a file of at most ${limit}: ${path} is larger`);
    }
    return buffer.subarray(0, length).toString('utf8');
  } catch (error) {
    if (error instanceof AetherError) throw error;
    throw refuse(`must name a readable file: ${path} cannot be read`);
  } finally {
    closeSync(fd);
  }
}

/** What the command line gives: the flag names (`--symbol`, `--no-adjust` → `adjust`), their values, parameters. */
interface CommandLine {
  flags: Set<string>;
  values: Map<string, string>;
  parameters: Set<string>;
  cwd: string;
}

function given(argv: readonly string[], cwd: string): CommandLine {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const parameters = new Set<string>();
  argv.forEach((token, i) => {
    const match = /^--(no-)?([a-z][\w-]*)(?:=(.*))?$/.exec(token);
    if (!match) return;
    const name = match[2] as string;
    flags.add(name);
    const value = match[3] ?? (match[1] === undefined ? argv[i + 1] : undefined);
    if (value !== undefined) values.set(name, value);
    if (PARAMETER_FLAGS.has(name)) parameters.add(name);
    if (name === 'param') {
      const parameter = /^\s*([A-Za-z][\w-]*)\s*=/.exec(value ?? '')?.[1];
      if (parameter) parameters.add(parameter);
    }
  });
  return { flags, values, parameters, cwd };
}

/** The file's keys by flag name (`data_dir` → `data-dir`), refusing two keys for one flag. */
function keysByName(
  config: Record<string, unknown>,
  refuse: (key: string, rule: string) => void,
): Map<string, { key: string; value: unknown }> {
  const byName = new Map<string, { key: string; value: unknown }>();
  let parameterMap: string | undefined;
  for (const [key, value] of Object.entries(config)) {
    if (EXTENSION_KEY.test(key)) continue;
    const name = key.replace(/_/g, '-');
    const twin = byName.get(name)?.key;
    if (twin !== undefined) {
      refuse(`${twin} and ${key}`, `name the same flag (--${name}): give one`);
      continue;
    }
    if (PARAMETER_MAPS.has(name)) {
      if (parameterMap !== undefined) {
        refuse(`${parameterMap} and ${key}`, 'both give strategy parameters: give one');
        continue;
      }
      parameterMap = key;
    }
    byName.set(name, { key, value });
  }
  return byName;
}

/**
 * Whether the command line names another strategy than the file: a `--strategy` of another name (a file that
 * names none runs the default, unless it names a strategy file) or a `--strategy-file` at another path.
 */
function namesAnotherStrategy(
  byName: ReadonlyMap<string, { value: unknown }>,
  commandLine: CommandLine,
  folder: string,
): boolean {
  const fileStrategy = byName.get('strategy')?.value;
  const fileModule = byName.get('strategy-file')?.value;
  const strategy = commandLine.values.get('strategy');
  if (strategy !== undefined) {
    const theirs =
      typeof fileStrategy === 'string'
        ? fileStrategy
        : fileModule === undefined
          ? DEFAULT_STRATEGY
          : undefined;
    if (theirs === undefined || strategy.trim().toLowerCase() !== theirs.trim().toLowerCase()) return true;
  }
  const module = commandLine.values.get('strategy-file');
  if (module !== undefined) {
    if (typeof fileModule !== 'string') return true;
    if (resolve(commandLine.cwd, module) !== resolve(folder, fileModule)) return true;
  }
  return false;
}

function configTokens(
  file: { config: Record<string, unknown>; folder: string },
  commandId: string,
  flags: Readonly<Record<string, FlagShape>>,
  commandLine: CommandLine,
): string[] {
  const tokens: string[] = [];
  const violations: FieldViolation[] = [];
  const refuse = (key: string, rule: string) => violations.push({ field: `--config ${key}`, rule });
  const byName = keysByName(file.config, refuse);

  // The file's keys the command line overrides as a whole: those it cannot be combined with.
  const dropped = new Set<string>();
  for (const { given: names, dropped: keys } of EXCLUSIVE) {
    if (names.some((name) => commandLine.flags.has(name))) keys.forEach((key) => dropped.add(key));
  }
  if (namesAnotherStrategy(byName, commandLine, file.folder))
    STRATEGY_KEYS.forEach((key) => dropped.add(key));

  for (const [name, { key, value }] of byName) {
    if (name === 'command') {
      if (value !== commandId) refuse(key, `is ${JSON.stringify(value)}: this file is not for ${commandId}`);
      continue;
    }
    if (name === 'config') {
      refuse(key, 'cannot name another config file');
      continue;
    }
    if (SECRET_FLAG_NAMES.has(name)) {
      refuse(
        key,
        `cannot be given in a config file: a secret never goes in one (a run spec holds none); use the environment or the flag`,
      );
      continue;
    }
    if (PARAMETER_MAPS.has(name) && flags['param'] !== undefined) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        refuse(key, 'must be a map of parameter names to values, such as { fast: 20 }');
        continue;
      }
      if (dropped.has(name)) continue;
      for (const [parameter, parameterValue] of Object.entries(value as Record<string, unknown>)) {
        if (commandLine.parameters.has(parameter)) continue;
        tokens.push('--param', `${parameter}=${scalarList(parameterValue)}`);
      }
      continue;
    }
    const flag = flags[name];
    if (flag === undefined) {
      refuse(key, `is not a flag of ${commandId}`);
      continue;
    }
    if (commandLine.flags.has(name) || dropped.has(name) || value === null || value === undefined) continue;
    if (PARAMETER_FLAGS.has(name) && commandLine.parameters.has(name)) continue;
    if (flag.type === 'boolean') {
      if (typeof value !== 'boolean') refuse(key, `must be true or false (got ${JSON.stringify(value)})`);
      else if (value) tokens.push(`--${name}`);
      else if (flag.allowNo) tokens.push(`--no-${name}`);
      continue;
    }
    if (flag.multiple && Array.isArray(value)) {
      for (const each of value) tokens.push(`--${name}=${scalarList(each)}`);
      continue;
    }
    if (typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
      refuse(key, `must be a value or a list (got a map)`);
      continue;
    }
    const text = scalarList(value);
    tokens.push(`--${name}=${PATH_FLAGS.has(name) && text !== '-' ? resolve(file.folder, text) : text}`);
  }
  if (violations.length > 0) throw AetherError.invalid(violations, 'config file');
  return tokens;
}

/** A value as the command line spells it: lists comma-joined, dates as YYYY-MM-DD. */
function scalarList(value: unknown): string {
  if (Array.isArray(value)) return value.map(scalarList).join(',');
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}
