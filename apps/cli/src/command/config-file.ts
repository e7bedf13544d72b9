// `--config run.yaml`: a command's flags from a file. Loaded only when a command line holds --config.
import { readFileSync } from 'node:fs';
import { AetherError, type FieldViolation } from '@aetherquant/core';
import { parse as parseYaml } from 'yaml';

/** What a command's flags look like to the expansion: their kind, and whether `--no-` and repeats are allowed. */
export interface FlagShape {
  type: 'boolean' | 'option';
  allowNo?: boolean;
  multiple?: boolean;
}

/** Keys of a config file whose values are `name: value` maps of strategy parameters (`--param name=value`). */
const PARAMETER_MAPS = new Set(['param', 'params', 'grid']);
/** Flags that set a strategy parameter too: a `--fast` on the command line overrides the file's `fast`. */
const PARAMETER_FLAGS = new Set(['fast', 'slow']);

/**
 * `argv` with `--config FILE` replaced by the flags the file gives, for a command `commandId` whose flags are
 * `flags`. The file is JSON or YAML: a mapping of flag names (`data-dir` or `data_dir`) to values — a list
 * for a repeatable flag or a comma list (`symbols: [SPY, QQQ]`), true/false for a switch, and for strategy
 * parameters a map (`params: { fast: 20 }`, a sweep's `grid: { fast: "5:50:5" }`). `command:` may name the
 * command the file is for. A flag given on the command line wins over the file's (a parameter by name).
 * Every key the command does not take is refused, naming it, before anything runs.
 */
export function expandConfigFile(
  argv: readonly string[],
  commandId: string,
  flags: Readonly<Record<string, FlagShape>>,
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
  return [...configTokens(readConfig(path), commandId, flags, given(rest)), ...rest];
}

function readConfig(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw AetherError.invalid([{ field: '--config', rule: `must name a readable file: ${path} ${reason}` }]);
  }
  let parsed: unknown;
  try {
    // YAML is a superset of JSON: one parser reads both.
    parsed = parseYaml(text.replace(/^\uFEFF/, ''));
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

/** The flag names on the command line (`--symbol`, `--no-adjust` → `adjust`) and the parameters it sets. */
function given(argv: readonly string[]): { flags: Set<string>; parameters: Set<string> } {
  const flags = new Set<string>();
  const parameters = new Set<string>();
  argv.forEach((token, i) => {
    const match = /^--(?:no-)?([a-z][\w-]*)(?:=(.*))?$/.exec(token);
    if (!match) return;
    const name = match[1] as string;
    flags.add(name);
    if (PARAMETER_FLAGS.has(name)) parameters.add(name);
    if (name === 'param') {
      const pair = match[2] ?? argv[i + 1] ?? '';
      const parameter = /^\s*([A-Za-z][\w-]*)\s*=/.exec(pair)?.[1];
      if (parameter) parameters.add(parameter);
    }
  });
  return { flags, parameters };
}

function configTokens(
  config: Record<string, unknown>,
  commandId: string,
  flags: Readonly<Record<string, FlagShape>>,
  commandLine: { flags: Set<string>; parameters: Set<string> },
): string[] {
  const tokens: string[] = [];
  const violations: FieldViolation[] = [];
  const refuse = (key: string, rule: string) => violations.push({ field: `--config ${key}`, rule });
  for (const [key, value] of Object.entries(config)) {
    const name = key.replace(/_/g, '-');
    if (name === 'command') {
      if (value !== commandId) refuse(key, `is ${JSON.stringify(value)}: this file is not for ${commandId}`);
      continue;
    }
    if (name === 'config') {
      refuse(key, 'cannot name another config file');
      continue;
    }
    if (PARAMETER_MAPS.has(name) && flags['param'] !== undefined) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        refuse(key, 'must be a map of parameter names to values, such as { fast: 20 }');
        continue;
      }
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
    if (commandLine.flags.has(name) || value === null || value === undefined) continue;
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
    if (typeof value === 'object' && !Array.isArray(value)) {
      refuse(key, `must be a value or a list (got a map)`);
      continue;
    }
    tokens.push(`--${name}=${scalarList(value)}`);
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
