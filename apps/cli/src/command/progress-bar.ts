/**
 * A progress bar on standard error, drawn only when standard error is a terminal (pipes and logs get
 * nothing): `sweep [##########··········] 52% 5,200/10,000`. Redrawn in place, finished with a new line.
 */
export function progressBar(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): {
  update(done: number, total: number): void;
  finish(): void;
} {
  let drawn = false;
  const width = 30;
  return {
    update(done, total) {
      if (!stream.isTTY || total <= 0) return;
      const fraction = Math.min(1, done / total);
      const filled = Math.round(fraction * width);
      const bar = `${'#'.repeat(filled)}${'·'.repeat(width - filled)}`;
      stream.write(
        `\r${label} [${bar}] ${Math.floor(fraction * 100)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`,
      );
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
