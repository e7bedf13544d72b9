/**
 * `--long-only`: clips every short target to flat, in place, and returns the same array. Targets in
 * [-1, 1] become targets in [0, 1]; long targets are left as they are.
 */
export function clipLongOnly(targets: Float64Array): Float64Array {
  const n = targets.length;
  for (let i = 0; i < n; i++) {
    if (targets[i] < 0) targets[i] = 0;
  }
  return targets;
}
