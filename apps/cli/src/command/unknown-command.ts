// A command line that names no command (`aetherquant bactest`, `db run`, `signal SPY`): what was meant.

import { CLI_NAME, type CommandShape, commandName } from './command-shape';
import { closestName } from './suggestion';
import { argumentHint } from './symbol-argument';

/** A command as oclif lists it, loaded or from the manifest. */
export interface ListedCommand extends CommandShape {
  hidden?: boolean;
  aliases?: readonly string[];
}

/**
 * The one line for oclif's id `id` (`db:run`, words joined by `:`) that matches no command:
 * - when its first words are a command, the rest are arguments that command does not take (`signal SPY`):
 *   `Unexpected argument: SPY — signal takes no arguments, only flags — …`, as when oclif finds one too many;
 * - else the command (or topic) it most likely means: `command "db run" not found — did you mean "db runs"?`;
 * - else where the list of commands is.
 */
export function unknownCommandMessage(
  id: string,
  commands: readonly ListedCommand[],
  topics: readonly string[] = [],
): string {
  const words = id.split(':').filter((word) => word !== '');
  const byId = new Map<string, ListedCommand>();
  for (const command of commands) {
    byId.set(command.id, command);
    for (const alias of command.aliases ?? []) byId.set(alias, command);
  }
  for (let count = words.length - 1; count >= 1; count--) {
    const command = byId.get(words.slice(0, count).join(':'));
    if (command !== undefined) {
      const extra = words.slice(count);
      return `Unexpected argument${extra.length === 1 ? '' : 's'}: ${extra.join(', ')} — ${argumentHint(command)}`;
    }
  }
  const names = [
    ...commands.filter((command) => !command.hidden).map((command) => commandName(command.id)),
    ...topics,
  ];
  const longest = Math.max(0, ...names.map((name) => name.split(' ').length));
  // The most words first: `db run` is `db runs`, not the topic `db`.
  for (let count = Math.min(longest, words.length); count >= 1; count--) {
    const typed = words.slice(0, count).join(' ');
    const meant = closestName(
      typed,
      names.filter((name) => name.split(' ').length === count),
    );
    if (meant !== undefined) return `command "${typed}" not found — did you mean "${meant}"?`;
  }
  return `command "${words.join(' ')}" not found — see \`${CLI_NAME} --help\` for the commands`;
}
