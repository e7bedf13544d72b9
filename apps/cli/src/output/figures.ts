// How a figure reads on a terminal: core's figure catalog (label, kind, gain or loss) and formats, in colour.

import { figureSpec, formatFigure } from '@aetherquant/core';
import { type Style } from './terminal';

/** Figure `key`'s `value`, formatted, in green or red by its sign when the figure is toned and colour is on. */
export function figure(key: string, value: unknown, style: Style): string {
  const spec = figureSpec(key);
  const number = typeof value === 'number' ? value : null;
  return toned(formatFigure(number, spec.kind), spec.toned ? number : null, style);
}

/** `text` in green when `value` is a gain, red when a loss; as it is for zero, `null` or no colour. */
export function toned(text: string, value: number | null | undefined, style: Style): string {
  if (typeof value !== 'number' || !Number.isFinite(value) || !/[1-9]/.test(text)) return text;
  return value > 0 ? style.positive(text) : value < 0 ? style.negative(text) : text;
}
