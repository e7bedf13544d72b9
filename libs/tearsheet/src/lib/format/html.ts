const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text made safe for HTML content and quoted attributes. Every string that reaches the page passes through it:
 * strategy names, symbols and specs come from users.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] as string);
}

/** A tagged template that escapes every interpolated value except {@link Html} fragments. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] as string;
  values.forEach((value, i) => {
    out += htmlOf(value) + (strings[i + 1] as string);
  });
  return new Html(out);
}

/** Markup already escaped: {@link html} inserts it as it is. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Joins fragments (arrays of them too) into one. */
export function joinHtml(parts: readonly unknown[]): Html {
  return new Html(parts.map(htmlOf).join(''));
}

function htmlOf(value: unknown): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(htmlOf).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}
