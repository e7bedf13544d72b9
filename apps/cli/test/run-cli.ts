import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const WORKSPACE_ROOT = resolve(__dirname, '../../..');
/** The binary npm links for the workspace, as `npx aetherquant` finds it. */
export const CLI_BIN = join(WORKSPACE_ROOT, 'node_modules/.bin/aetherquant');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A scratch working directory, so no developer's `.env` leaks into a test. */
export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'aetherquant-cli-'));
}

/**
 * Runs the built `aetherquant` binary as a user would: a child process, in a scratch directory, with the
 * caller's AETHERQ_* variables removed and only `env` added.
 */
export function runCli(args: string[], options: CliOptions = {}): CliRun {
  const result = spawnSync(CLI_BIN, args, {
    ...spawnOptions(options),
    input: options.input,
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * {@link runCli} without blocking the test's event loop, for tests whose own server (a stand-in API) must
 * answer the binary meanwhile.
 */
export function runCliAsync(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(CLI_BIN, args, spawnOptions(options));
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input);
  });
}

export interface CliOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** Written to the binary's standard input, a pipe (closed at once when absent). */
  input?: string;
}

/** The test's environment without AETHERQ_* variables (CI sets some for other suites). */
export function withoutOurSettings(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AETHERQ_')));
}

function spawnOptions(options: CliOptions) {
  return {
    cwd: options.cwd ?? scratchDir(),
    env: { ...withoutOurSettings(), ...options.env },
    timeout: 30_000,
  };
}

export function commandLineWarning(flag: string, instead: string): string {
  return `warning: --${flag} on the command line is visible to other users (ps) and kept in shell history; use ${instead} instead\n`;
}

/** Standard error without those warnings: what a test about something else expects. */
export function withoutCommandLineWarnings(stderr: string): string {
  return stderr.replace(/^warning: --[a-z-]+ on the command line is visible to other users .*\n/gm, '');
}
