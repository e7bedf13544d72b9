// What the usage errors and the positional symbol need to know of a command: its id, flags and arguments,
// read alike from a loaded command class and from the manifest's entry for a command not loaded.

/** The program's name as a user types it (package.json `oclif.bin`). */
export const CLI_NAME = 'aetherquant';

export interface CommandShape {
  /** oclif's id: `db:runs`. */
  id: string;
  flags?: Readonly<Record<string, { type?: string; allowNo?: boolean }>>;
  args?: Readonly<Record<string, { description?: string; required?: boolean }>>;
  /** Whether it takes `--json`. */
  enableJsonFlag?: boolean;
}

/** The command as a user types it: `db runs`. */
export function commandName(id: string): string {
  return id.replaceAll(':', ' ');
}

/** `see `aetherquant db runs --help``: where every usage error points when it has no better fix. */
export function helpHint(id: string): string {
  return `see \`${CLI_NAME} ${commandName(id)} --help\``;
}

/** Every flag a command line may name for `command`: `--no-x` for switches that allow it, `--json`, `--help`. */
export function flagNames(command: CommandShape): string[] {
  const names = Object.entries(command.flags ?? {}).flatMap(([name, flag]) =>
    flag.type === 'boolean' && flag.allowNo ? [name, `no-${name}`] : [name],
  );
  return [...new Set([...names, ...(command.enableJsonFlag ? ['json'] : []), 'help'])];
}
