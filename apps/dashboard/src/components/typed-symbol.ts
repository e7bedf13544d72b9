import { normalizeSymbol } from '@aetherquant/core';

/** A symbol typed on a phone: trimmed and upper-cased as the API reads it; anything odd is left for it to refuse. */
export function typedSymbol(text: string): string {
  try {
    return normalizeSymbol(text);
  } catch {
    return text.trim().toUpperCase();
  }
}
