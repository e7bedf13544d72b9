import { AetherError, type ErrorCode } from '@aetherquant/core';
import * as Errors from '@oclif/core/errors';
import { unstyled } from '../output/terminal';
import { type CommandShape } from './command-shape';
import { EXIT_CODES } from './exit-codes';
import { usageErrorMessage } from './usage-errors';

export interface Failure {
  code: ErrorCode;
  /** One line, for stderr. */
  message: string;
  exitCode: number;
  details?: AetherError['details'];
}

/**
 * Turns anything a command threw into what the user sees: one line and an exit code. Given the `command` that
 * threw, oclif's usage errors also say how to put them right (the flag a typo meant, where the help is).
 */
export function describeFailure(error: unknown, command?: CommandShape): Failure {
  if (error instanceof AetherError) {
    return {
      code: error.code,
      message: oneLine(error.message),
      exitCode: EXIT_CODES[error.code],
      details: error.details,
    };
  }
  // oclif's own parse errors (unknown flag, missing required flag, bad option): usage errors, exit 2.
  if (error instanceof Errors.CLIError && error.oclif.exit === 2) {
    const message = oneLine(error.message);
    return {
      code: 'INVALID_ARGUMENT',
      message: command === undefined ? message : usageErrorMessage(error as object, message, command),
      exitCode: EXIT_CODES.INVALID_ARGUMENT,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'INTERNAL',
    message: `unexpected failure: ${oneLine(message)}`,
    exitCode: EXIT_CODES.INTERNAL,
  };
}

/**
 * Collapses a message to one line for stderr. oclif wraps parse errors in a header ("The following error
 * occurred:") and a hint ("See more help with --help"), and dims the lines between on a terminal; only those
 * lines say what is wrong, and colour has no place in a message a script may read.
 */
function oneLine(message: string): string {
  const lines = unstyled(message)
    .split('\n')
    .map((line) => line.trim())
    .filter(
      (line) =>
        line !== '' && !/^The following errors? occurred:?$/.test(line) && !/^See more help with/.test(line),
    );
  return lines.length > 0 ? lines.join('; ') : message.trim();
}
