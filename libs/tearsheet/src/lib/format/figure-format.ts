/** The CSS class of a figure's sign: colour follows the sign of the number itself, nothing else. */
export function signClass(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value) || value === 0) return 'zero';
  return value > 0 ? 'up' : 'down';
}
