import { MAX_HISTORY_LIMIT } from '@aetherquant/core';
import * as Flags from '@oclif/core/flags';

/**
 * `--limit` of a history list (`db runs`, `db audit`): how many `rows` to print, with the bounds and the
 * default the request schema applies, read from the same constants.
 */
export function historyLimitFlag(rows: string, defaultLimit: number) {
  return Flags.string({ summary: `How many ${rows}, 1 to ${MAX_HISTORY_LIMIT} [default: ${defaultLimit}].` });
}
