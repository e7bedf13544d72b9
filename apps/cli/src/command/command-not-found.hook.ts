// oclif's `command_not_found` hook (package.json `oclif.hooks`): a command line that names no command fails in
// the CLI's style, with the command it most likely meant, and never asks anything (CI has no terminal).

import type { Hook } from '@oclif/core/interfaces';
import { EXIT_CODES } from './exit-codes';
import { reportFailure } from './report-failure';
import { unknownCommandMessage } from './unknown-command';

const commandNotFound: Hook.CommandNotFound = async function ({ id, argv, config }) {
  const message = unknownCommandMessage(
    id,
    config.commands,
    config.topics.map((topic) => topic.name.replaceAll(':', ' ')),
  );
  reportFailure(
    { code: 'INVALID_ARGUMENT', message, exitCode: EXIT_CODES.INVALID_ARGUMENT },
    (argv ?? []).includes('--json'),
  );
  // Ends the process with the code of a usage error; oclif prints nothing more for an exit.
  this.exit(EXIT_CODES.INVALID_ARGUMENT);
};

export default commandNotFound;
