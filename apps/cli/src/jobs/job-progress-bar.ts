import { type JobProgress } from '@aetherquant/core';
import { progressBar } from '../command/progress-bar';

/**
 * The CLI's progress bar for a job followed from here, its ETA after the counts:
 * `sweep [#########·····] 61% 12,200/20,000 ETA 41 s`. Drawn on standard error only when it is a terminal.
 */
export function jobProgressBar(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): { update(progress: JobProgress): void; finish(): void } {
  let eta = '';
  // The shared bar draws each line in one write; the ETA follows it, and what a longer line left is cleared.
  const withEta = {
    get isTTY() {
      return stream.isTTY;
    },
    write: (text: string) => stream.write(text.startsWith('\r') ? `${text}${eta}\x1b[K` : text),
  } as NodeJS.WriteStream;
  const bar = progressBar(label, withEta);
  return {
    update(progress) {
      eta = progress.eta_seconds === null ? '' : ` ETA ${duration(progress.eta_seconds)}`;
      bar.update(progress.done, progress.total);
    },
    finish: () => bar.finish(),
  };
}

/** `41 s`, `12 min 5 s`, `2 h 3 min`. */
function duration(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${whole % 60} s`;
  return `${Math.floor(whole / 3600)} h ${Math.floor((whole % 3600) / 60)} min`;
}
