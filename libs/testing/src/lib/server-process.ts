import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ServerProcess {
  child: ChildProcess;
  /** The URL from the server's `listening` log line (it picks a free port with AETHERQ_PORT=0). */
  url: string;
  /** Every line it wrote on standard output (JSON log lines). */
  lines: string[];
  /**
   * The first log line `matches` accepts, once written: a line logged while answering a request may reach
   * this process after the answer does (two pipes), so a test waits for it rather than reading at once.
   * Rejects after `timeoutMs`.
   */
  logLine(
    matches: (entry: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<number | null>;
}

/**
 * Starts a server binary as an operator would (`aetherquant-web`, `aetherquant serve`): a child process in
 * a scratch folder, the caller's AETHERQ_* variables removed and `env` added, on a free port; resolves once
 * it logs `listening`, fails with its standard error if it exits first.
 */
export async function startServerProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<ServerProcess> {
  const cleanEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AETHERQ_')),
  );
  const child = spawn(command, args, {
    cwd: mkdtempSync(join(tmpdir(), 'aetherquant-server-')),
    env: { ...cleanEnv, AETHERQ_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      lines.push(line);
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'listening' && entry.url) resolve(entry.url);
    });
    void exited.then((code) => reject(new Error(`${command} exited ${code} before listening: ${stderr}`)));
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  const logLine = async (matches: (entry: Record<string, unknown>) => boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find(matches);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such log line within ${timeoutMs} ms`);
      await new Promise((done) => setTimeout(done, 20));
    }
  };
  return { child, url, lines, logLine, exited, stop };
}
