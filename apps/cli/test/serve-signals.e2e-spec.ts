import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CLI_BIN, scratchDir, WORKSPACE_ROOT } from './run-cli';

// `aetherquant serve` runs the API as a child process. Whatever ends the CLI (a signal passed down by npx,
// SIGHUP, or a SIGKILL nobody can pass on), the API must not live on holding the port.

interface Started {
  outer: ChildProcess;
  url: string;
  /** Every process under `outer` once the API listens: the CLI, the API (and npm's shell, if any). */
  tree: number[];
  exited: Promise<number | null>;
}

const started: Started[] = [];

afterEach(() => {
  // Whatever a failed test left behind.
  for (const { tree } of started.splice(0)) for (const pid of tree) kill(pid, 'SIGKILL');
});

/** Starts `command` with the settings of an isolated, database-free API on a free port; resolves once it listens. */
async function start(command: string, args: string[], cwd: string): Promise<Started> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AETHERQ_')),
  );
  const outer = spawn(command, args, {
    cwd,
    env: {
      ...env,
      AETHERQ_PORT: '0',
      AETHERQ_DATABASE_URL: 'none',
      AETHERQ_CACHE_DIR: 'none',
      AETHERQ_DATA_PROVIDER: 'synthetic',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => outer.once('exit', (code) => resolve(code)));
  let stderr = '';
  outer.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: outer.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const entry = parseJson(line) as { msg?: string; url?: string } | undefined;
      if (entry?.msg === 'listening' && entry.url) resolve(entry.url);
    });
    void exited.then((code) => reject(new Error(`${command} exited ${code} before listening: ${stderr}`)));
  });
  const run = { outer, url, tree: [outer.pid as number, ...descendants(outer.pid as number)], exited };
  started.push(run);
  return run;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** The processes under `pid`, from `ps`, children before grandchildren. */
function descendants(pid: number): number[] {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  for (let queue = [pid]; queue.length > 0;) {
    const parent = queue.shift() as number;
    const children = table.filter(([, ppid]) => ppid === parent).map(([child]) => child);
    found.push(...children);
    queue = [...queue, ...children];
  }
  return found;
}

/** The command line of `pid`, to tell the CLI from the API among the descendants. */
const commandLine = (pid: number): string =>
  execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).trim();

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether the API at `url` still answers `/healthz`. */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

/** Polls until every process of `pids` is gone (not a timing assertion: the jest timeout is the limit). */
async function allGone(pids: number[]): Promise<void> {
  while (pids.some(isAlive)) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** The API process among `tree`: the one running `aetherquant-web`. */
function apiPid(tree: number[]): number {
  const pid = tree.find((candidate) => /aetherquant-web/.test(commandLine(candidate)));
  if (pid === undefined) throw new Error(`no API process among ${tree.join(', ')}`);
  return pid;
}

describe('aetherquant serve follows whoever started it (built binary, real processes)', () => {
  it('stops the API when npx is sent SIGTERM', async () => {
    // From the workspace, where npx finds the linked binary (--no: never download); an empty env file
    // keeps a developer's ./.env out.
    const dotenv = join(scratchDir(), 'empty.env');
    writeFileSync(dotenv, '');
    const run = await start('npx', ['--no', 'aetherquant', 'serve', '--dotenv', dotenv], WORKSPACE_ROOT);
    const api = apiPid(run.tree);
    expect(await answers(run.url)).toBe(true);

    kill(run.outer.pid as number, 'SIGTERM');

    await allGone(run.tree);
    expect(isAlive(api)).toBe(false);
    expect(await answers(run.url)).toBe(false);
  }, 60_000);

  it('stops the API when the CLI is killed with SIGKILL, which it cannot pass on', async () => {
    // `; exit` keeps the shell in between (not exec'd away), as a script or a process manager would.
    const run = await start('sh', ['-c', `"${CLI_BIN}" serve; exit $?`], scratchDir());
    const api = apiPid(run.tree);
    const cli = run.tree.find((pid) => pid !== run.outer.pid && pid !== api) as number;
    expect(commandLine(cli)).toMatch(/aetherquant serve/);

    kill(cli, 'SIGKILL');

    await allGone([cli, api]);
    expect(await answers(run.url)).toBe(false);
  }, 60_000);

  it('passes SIGHUP on: the API stops gracefully and the CLI exits 0', async () => {
    const run = await start(CLI_BIN, ['serve'], scratchDir());
    const api = apiPid(run.tree);

    kill(run.outer.pid as number, 'SIGHUP');

    expect(await run.exited).toBe(0);
    await allGone([api]);
    expect(await answers(run.url)).toBe(false);
  }, 60_000);
});
