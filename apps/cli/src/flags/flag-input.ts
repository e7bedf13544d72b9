import { parseDecimal } from '@aetherquant/core';

/**
 * Strategy parameters with a flag of their own (`--fast`, `--slow`, see strategy-flags.ts); any other is given
 * as `--param name=value`. Here rather than beside those flags because every command names fields with
 * {@link flagNamer}, and strategy-flags.ts loads the strategies, which most commands never need.
 */
export const PARAMETER_SHORTCUTS: readonly string[] = ['fast', 'slow'];

/**
 * A numeric flag's text as the request schema should see it: the number when it is plain decimal
 * notation, else the text itself, so the schema rejects it with the flag named and the text quoted.
 */
export function numericFlag(text: string | undefined): number | string | undefined {
  return text === undefined ? undefined : (parseDecimal(text) ?? text);
}

/**
 * How a command names request fields in messages: `latest_return` → `--latest-return` when the command has
 * that flag, a strategy parameter `params.fast` → `--fast` (or `--param lookback`), anything else as it is
 * (`bars`, a file and line).
 */
export function flagNamer(flags: ReadonlySet<string>): (field: string) => string {
  return (field) => {
    const parameter = /^params\.(.+)$/.exec(field)?.[1];
    if (parameter !== undefined) {
      return PARAMETER_SHORTCUTS.includes(parameter) && flags.has(parameter)
        ? `--${parameter}`
        : `--param ${parameter}`;
    }
    const flag = field.replace(/_/g, '-');
    return flags.has(flag) ? `--${flag}` : field;
  };
}
