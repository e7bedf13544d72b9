// oclif's own parse errors (an unknown flag, a missing one, a value not among the options, an argument too
// many) as one line in the CLI's style: what is wrong — how to put it right.

import { closestName } from './suggestion';
import { type CommandShape, flagNames, helpHint } from './command-shape';
import { argumentHint } from './symbol-argument';

/** What oclif's parse errors carry besides their message. */
interface ParseErrorFields {
  /** NonExistentFlagsError: the flags as typed (`--symbl`, `--symbl=SPY`). */
  flags?: unknown;
  /** RequiredArgsError: the arguments missing. */
  args?: unknown;
}

/**
 * `message` (oclif's, on one line) with the fix for `command`: the flag or option meant by a typo (`Nonexistent
 * flag: --symbl — did you mean --symbol?`), what the command takes as arguments, else where its help is.
 */
export function usageErrorMessage(error: object, message: string, command: CommandShape): string {
  const { flags, args } = error as ParseErrorFields;
  if (message.startsWith('Nonexistent flag') && Array.isArray(flags)) {
    return nonexistentFlags(flags.map(String), command);
  }
  if (message.startsWith('Unexpected argument')) return `${message} — ${argumentHint(command)}`;
  if (message.startsWith('Missing') && Array.isArray(args)) {
    const missing = (args as { name?: string; description?: string }[]).map((arg) =>
      [
        (arg.name ?? '').toUpperCase(),
        arg.description?.replace(/\.$/, '').replace(/^./, (first) => first.toLowerCase()),
      ]
        .filter(Boolean)
        .join(', '),
    );
    return `Missing required argument ${missing.join('; ')} — ${helpHint(command.id)}`;
  }
  const option = /^Expected --[\w-]+=(.*) to be one of: (.*)$/.exec(message);
  if (option) {
    const meant = closestName(option[1] as string, (option[2] as string).split(', '));
    return meant === undefined ? message : `${message} — did you mean ${meant}?`;
  }
  return `${message} — ${helpHint(command.id)}`;
}

/** `Nonexistent flag: --symbl — did you mean --symbol?`, each unknown flag with the one it was likely meant as. */
function nonexistentFlags(typed: readonly string[], command: CommandShape): string {
  const known = flagNames(command);
  const guesses = typed.map((token) => {
    const name = token.replace(/^-+/, '').replace(/=.*$/, '');
    const meant = closestName(
      name,
      known.filter((flag) => flag !== name),
    );
    return { token: token.replace(/=.*$/, ''), meant: meant === undefined ? undefined : `--${meant}` };
  });
  const [only] = guesses;
  if (guesses.length === 1 && only !== undefined) {
    return `Nonexistent flag: ${only.token} — ${only.meant === undefined ? helpHint(command.id) : `did you mean ${only.meant}?`}`;
  }
  const listed = guesses.map(({ token, meant }) =>
    meant === undefined ? token : `${token} (did you mean ${meant}?)`,
  );
  return `Nonexistent flags: ${listed.join(', ')} — ${helpHint(command.id)}`;
}
