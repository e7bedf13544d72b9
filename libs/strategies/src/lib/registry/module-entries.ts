import { type FieldViolation } from '@aetherquant/core';
import { STRATEGY_NAME_PATTERN } from './strategy-catalogue';

// Reading the entries of a strategy module, for both kinds: `strategiesOfModule` takes its single-asset
// strategies and definitions, `universeStrategiesOfModule` its universe strategies, from the same default
// export, and both name a bad field the same way (`[1].name` in a list, `name` for a single export).

/** One entry of a module's default export, with how a violation names one of its fields. */
export interface ModuleEntry {
  readonly value: unknown;
  /** Where the entry stands: `[1]` in a list, '' when the default export is the entry itself. */
  readonly at: string;
  field(name: string): string;
}

/**
 * The entries of a strategy module's default export (`module.exports`, or `export default`): one strategy,
 * or a list of them.
 */
export function moduleEntries(moduleExports: unknown): ModuleEntry[] {
  const exported =
    isRecord(moduleExports) && Object.hasOwn(moduleExports, 'default')
      ? moduleExports['default']
      : moduleExports;
  const listed = Array.isArray(exported);
  return (listed ? exported : [exported]).map((value: unknown, index) => {
    const at = listed ? `[${index}]` : '';
    return { value, at, field: (name: string) => (at ? `${at}.${name}` : name) };
  });
}

/** A name that is not lower-case words joined by hyphens, as a violation (`, such as ma-cross` with an example). */
export function nameViolations(name: unknown, field: string, example?: string): FieldViolation[] {
  if (typeof name === 'string' && STRATEGY_NAME_PATTERN.test(name)) return [];
  const such = example === undefined ? '' : `, such as ${example}`;
  return [{ field, rule: `must be lower-case words joined by hyphens${such} (got ${shown(name)})` }];
}

/** True for a description a list can show: a string with more than spaces. */
export function isSentence(description: unknown): boolean {
  return typeof description === 'string' && description.trim() !== '';
}

/** A key of `value` outside `known`: a typo that would otherwise pass unnoticed. */
export function unknownKeyViolations(
  value: object,
  known: ReadonlySet<string>,
  entry: ModuleEntry,
  rule: string,
): FieldViolation[] {
  return Object.keys(value)
    .filter((key) => !known.has(key))
    .map((key) => ({ field: entry.field(key), rule }));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a message quotes it: a string in quotes, anything else as it prints. */
export function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
