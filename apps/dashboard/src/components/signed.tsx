import { toneOf, type Tone } from './format';

/** The class that colours a figure by its tone (styles.css: negative red, positive green, zero neutral). */
export function toneClass(tone: Tone): string {
  return `tone tone--${tone}`;
}

export interface SignedProps {
  value: number | null | undefined;
  format: (value: number | null | undefined) => string;
}

/**
 * A figure that can be a gain or a loss (a return, a P&L, a Sharpe ratio, a difference from the benchmark),
 * coloured by its sign as shown. Amounts that are neither (equity, prices, weights, counts) are not coloured.
 */
export function Signed({ value, format }: SignedProps) {
  const text = format(value);
  return <span className={toneClass(toneOf(value, text))}>{text}</span>;
}
