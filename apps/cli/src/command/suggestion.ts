// "Did you mean …?": the command or flag a typo was most likely meant to be.

/**
 * Edits between `a` and `b`: insertions, deletions, substitutions and swaps of two neighbours, each counting 1
 * (the optimal string alignment distance), so `bactest` → `backtest` and `bakctest` → `backtest` are both 1.
 * Written out rather than taken from a package: twenty lines, and only the usage errors run it.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const distance: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => (distance[i] as number[])[j] as number;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      (distance[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** How many edits a typo of `length` characters may be from what was meant: 1 up to 4, 2 up to 8, 3 beyond. */
function tolerance(length: number): number {
  return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

/**
 * The candidate `typed` most likely stands for: the closest within {@link tolerance} (case ignored; the first
 * listed on a tie), else the only candidate that `typed` (3 characters or more) begins. Undefined when nothing
 * is close: a wrong guess would mislead more than none.
 */
export function closestName(typed: string, candidates: readonly string[]): string | undefined {
  const wanted = typed.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(wanted, name.toLowerCase());
    if (distance === 0) return name;
    if (distance <= tolerance(wanted.length) && (best === undefined || distance < best.distance)) {
      best = { name, distance };
    }
  }
  if (best !== undefined) return best.name;
  const started =
    wanted.length >= 3 ? candidates.filter((name) => name.toLowerCase().startsWith(wanted)) : [];
  return started.length === 1 ? started[0] : undefined;
}
