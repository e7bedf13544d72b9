import { AetherError, type FieldViolation } from '@aetherquant/core';

const ASSIGNMENT = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;
const DOUBLE_QUOTE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * Parses the text of a `.env` file: `KEY=value` lines, optional `export `, `#` comments, blank lines,
 * single quotes (literal) and double quotes (with `\n`, `\t`, `\"`, `\\` escapes), an inline ` # comment`
 * after an unquoted value. A UTF-8 byte-order mark and CRLF line ends are tolerated. Every malformed line
 * is reported at once, by line number, without quoting its content (it may hold a secret).
 */
export function parseEnvFile(text: string, fileName = '.env'): Record<string, string> {
  // Without a prototype: a `__proto__=` line is a (misspelt) variable like any other, not the prototype.
  const values = Object.create(null) as Record<string, string>;
  const violations: FieldViolation[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const at = `${fileName}:${index + 1}`;
    const match = ASSIGNMENT.exec(trimmed);
    if (!match) {
      violations.push({ field: at, rule: 'must be KEY=value (letters, digits and _ in the key)' });
      return;
    }
    const [, key, rawValue] = match as unknown as [string, string, string];
    const value = parseValue(rawValue);
    if (value === undefined)
      violations.push({ field: at, rule: `has an unclosed quote in the value of ${key}` });
    else values[key] = value;
  });
  if (violations.length > 0) throw AetherError.invalid(violations, `cannot read ${fileName}`);
  return values;
}

function parseValue(raw: string): string | undefined {
  const quote = raw[0];
  if (quote === "'" || quote === '"') {
    const end = findClosingQuote(raw, quote);
    if (end < 0) return undefined;
    const body = raw.slice(1, end);
    return quote === "'"
      ? body
      : body.replace(/\\(.)/g, (escape, char: string) => DOUBLE_QUOTE_ESCAPES[char] ?? escape);
  }
  const comment = raw.search(/\s#/);
  return (comment >= 0 ? raw.slice(0, comment) : raw).trim();
}

function findClosingQuote(raw: string, quote: string): number {
  for (let i = 1; i < raw.length; i++) {
    if (raw[i] === '\\' && quote === '"') i++;
    else if (raw[i] === quote) return i;
  }
  return -1;
}
