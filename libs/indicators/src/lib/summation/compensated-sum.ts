/**
 * A running sum with Neumaier's compensation (Neumaier 1974, "improved Kahan–Babuška"): `state[0]` is the
 * sum as rounded, `state[1]` collects the rounding error of every addition exactly (the two-sum trick), so
 * `state[0] + state[1]` stays within about one rounding of the exact sum however many values are added and
 * removed. A plain running sum of a rolling window drifts by about 1e-16 × bars of the price instead.
 *
 * The state is a two-slot `Float64Array` the kernel allocates once per call: no allocation per bar.
 */
export function compensatedAdd(state: Float64Array, value: number): void {
  const sum = state[0] as number;
  const total = sum + value;
  // The low-order bits lost in `sum + value`, recovered exactly from whichever operand is larger.
  state[1] =
    (state[1] as number) + (Math.abs(sum) >= Math.abs(value) ? sum - total + value : value - total + sum);
  state[0] = total;
}

/** The compensated value of the sum `state` holds. */
export function compensatedValue(state: Float64Array): number {
  return (state[0] as number) + (state[1] as number);
}

/** Empties the sum. */
export function compensatedReset(state: Float64Array): void {
  state[0] = 0;
  state[1] = 0;
}
