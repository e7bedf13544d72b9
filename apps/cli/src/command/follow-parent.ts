import { readFileSync } from 'node:fs';

/** The signals that stop a foreground command gracefully (SIGHUP: the terminal closed). */
export const STOP_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

/** How often the parent is checked: a stopped parent is noticed within this many milliseconds. */
const CHECK_EVERY_MS = 1_000;

/**
 * Calls `onGone` once when the process that started this one ends. A foreground command must not outlive
 * its starter: `npx aetherquant serve` runs us under `sh -c`, and SIGTERM to npx reaches that shell, which
 * dies without passing it on, leaving us (and the API we run) orphaned. An orphan is re-parented, so a
 * changed `process.ppid` means the parent is gone.
 *
 * Not followed when this process leads a session of its own (`setsid aetherquant serve &`): that is a
 * deliberate detachment. Linux only, where /proc tells sessions apart; elsewhere nothing is watched.
 */
export function followParent(onGone: () => void): void {
  const parent = process.ppid;
  if (process.platform !== 'linux' || parent <= 1 || detached(parent)) return;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, CHECK_EVERY_MS);
  timer.unref();
}

/** Whether this process is in another session than its parent (started with `setsid`). */
function detached(parent: number): boolean {
  try {
    return sessionOf('self') !== sessionOf(String(parent));
  } catch {
    return true; // cannot tell: do not risk stopping a deliberately detached server
  }
}

/** The session id from /proc/<pid>/stat: the fourth field after the command name, which ends at the last `)`. */
function sessionOf(pid: string): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[3] as string;
}
