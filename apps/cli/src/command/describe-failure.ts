import { AetherError, type ErrorCode } from '@aetherquant/core';
import * as Errors from '@oclif/core/errors';
import { EXIT_CODES } from './exit-codes';

export interface Failure {
  code: ErrorCode;
  /** One line, for stderr. */
  message: string;
  exitCode: number;
  details?: AetherError['details'];
}

/** Turns anything a command threw into what the user sees: one line and an exit code. */
export function describeFailure(error: unknown): Failure {
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
    return {
      code: 'INVALID_ARGUMENT',
      message: oneLine(error.message),
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
 * occurred:") and a hint ("See more help with --help"); only the lines between say what is wrong.
 */
function oneLine(message: string): string {
  const lines = message
    .split('\n')
    .map((line) => line.trim())
    .filter(
      (line) =>
        line !== '' && !/^The following errors? occurred:?$/.test(line) && !/^See more help with/.test(line),
    );
  return lines.length > 0 ? lines.join('; ') : message.trim();
}
