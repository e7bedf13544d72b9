import { parseDecimal } from '@aetherquant/core';

/**
 * A numeric flag's text as the request schema should see it: the number when it is plain decimal
 * notation, else the text itself, so the schema rejects it with the flag named and the text quoted.
 */
export function numericFlag(text: string | undefined): number | string | undefined {
  return text === undefined ? undefined : (parseDecimal(text) ?? text);
}

/** Request field → the flag a user typed: `latest_return` → `--latest-return`. */
export function flagName(field: string): string {
  return `--${field.replace(/_/g, '-')}`;
}
