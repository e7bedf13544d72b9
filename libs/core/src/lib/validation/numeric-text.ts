/**
 * Plain decimal notation as a person types it: optional sign, digits with an optional fraction, optional
 * exponent. Stricter than `Number()`, which takes `''`, `' '`, `'0x10'`, `'1_000'` and `'Infinity'`.
 */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

/** Parses decimal text (surrounding whitespace allowed) to a finite number, or `undefined` if it is not one. */
export function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** Parses integer text to a safe integer, or `undefined` if it is not one. */
export function parseInteger(text: string): number | undefined {
  const trimmed = text.trim();
  if (!INTEGER.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : undefined;
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

/** Parses the usual spellings of a yes/no switch (`true/false`, `1/0`, `yes/no`, `on/off`, any case). */
export function parseBoolean(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}
