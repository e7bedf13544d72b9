import { parseDecimal } from '@aetherquant/core';
import { PARAMETER_SHORTCUTS } from './strategy-flags';

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
