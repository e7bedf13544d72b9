import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_BIN, type CliOptions, type CliRun, scratchDir, withoutOurSettings } from './run-cli';

/** A word as a POSIX shell reads it back. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs the built `aetherquant` binary with its standard output on a pseudo-terminal of `columns` columns, as a
 * person at a terminal runs it: util-linux `script` (Debian's bsdutils, always installed) makes the terminal,
 * so no native npm package is needed. Standard error goes to a file (the binary sees no terminal there, so no
 * progress bar mixes in). Colour is left to `env`: neither NO_COLOR nor FORCE_COLOR is passed on otherwise.
 * `stdout` is what the terminal showed, its line ends as `\n`.
 */
export function runInTerminal(args: string[], options: CliOptions & { columns?: number } = {}): CliRun {
  const errors = join(mkdtempSync(join(tmpdir(), 'aetherquant-tty-')), 'stderr');
  const command = `stty cols ${options.columns ?? 120} rows 50; exec ${[CLI_BIN, ...args].map(shellWord).join(' ')} 2>${shellWord(errors)}`;
  const env: NodeJS.ProcessEnv = { ...withoutOurSettings(), TERM: 'xterm-256color', ...options.env };
  if (options.env?.['NO_COLOR'] === undefined) delete env['NO_COLOR'];
  if (options.env?.['FORCE_COLOR'] === undefined) delete env['FORCE_COLOR'];
  const result = spawnSync('script', ['--quiet', '--return', '--command', command, '/dev/null'], {
    cwd: options.cwd ?? scratchDir(),
    env,
    input: '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return {
    status: result.status,
    stdout: result.stdout.replace(/\r\n/g, '\n'),
    stderr: readFileSync(errors, 'utf8'),
  };
}
