import { type z } from 'zod';
import { AetherError, type FieldViolation } from '../errors/aether-error';
import { redactUrlCredentials } from '../redaction/url-credentials';

export interface ValidateOptions {
  /** Prefixed to the error message, e.g. "backtest request". */
  context?: string;
  /** Renames a schema path for the message, e.g. `threshold` → `--threshold` on the CLI. */
  fieldName?: (path: string) => string;
  /** Whether the offending value may be quoted back; never for secrets. Defaults to yes. */
  mayEcho?: (path: string) => boolean;
}

/**
 * Parses `input` with `schema`, or throws one INVALID_ARGUMENT listing every violation with the field it
 * concerns and the rule it broke. One schema per request serves the API, the CLI and the dashboard alike.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: ValidateOptions = {},
): z.output<S> {
  const checked = check(schema, input, options);
  if (checked.success) return checked.data;
  throw AetherError.invalid(checked.violations, options.context);
}

export type CheckResult<T> = { success: true; data: T } | { success: false; violations: FieldViolation[] };

/** Like {@link validate}, but returns the violations instead of throwing, for callers that add their own. */
export function check<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: ValidateOptions = {},
): CheckResult<z.output<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { success: true, data: result.data };
  return { success: false, violations: result.error.issues.flatMap((issue) => toViolations(issue, options)) };
}

function toViolations(issue: z.core.$ZodIssue, options: ValidateOptions): FieldViolation[] {
  const path = formatPath(issue.path);
  const name = (p: string) => (options.fieldName ? options.fieldName(p) : p) || 'input';
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      field: name(formatPath([...issue.path, key])),
      rule: 'is not a known field',
    }));
  }
  let rule = describeRule(issue);
  const echo = options.mayEcho ? options.mayEcho(path) : true;
  if (echo && issue.input !== undefined && issue.code !== 'invalid_union')
    rule += ` (got ${quote(issue.input)})`;
  return [{ field: name(path), rule }];
}

/** Phrases a zod issue as a rule that reads after the field name: "threshold must be at least 0". */
function describeRule(issue: z.core.$ZodIssue): string {
  // A message written where the schema is defined ("must name at least two symbols") says the rule best.
  if (issue.message.startsWith('must ')) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${article(issue.expected === 'int' ? 'integer' : issue.expected)}`;
    case 'too_small':
      return sizeRule(issue.origin, issue.inclusive ? 'at least' : 'greater than', issue.minimum);
    case 'too_big':
      return sizeRule(issue.origin, issue.inclusive ? 'at most' : 'less than', issue.maximum);
    case 'invalid_value':
      if (issue.input === undefined) return 'is required';
      return issue.values.length === 1
        ? `must be ${quote(issue.values[0])}`
        : `must be one of ${issue.values.map(quote).join(', ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_format':
      return `must be a valid ${issue.format}`;
    default:
      return issue.message;
  }
}

function sizeRule(origin: string, relation: string, bound: number | bigint | Date): string {
  const value = bound instanceof Date ? bound.toISOString() : String(bound);
  if (origin === 'string') return `must be ${relation} ${value} characters long`;
  if (origin === 'array' || origin === 'set') return `must have ${relation} ${value} items`;
  return `must be ${relation} ${value}`;
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

function quote(value: unknown): string {
  // JSON has no NaN or Infinity (it would print null): numbers are written as JavaScript writes them.
  // A rejected URL may still hold a password or a token: an error message never repeats one.
  const text =
    typeof value === 'string'
      ? JSON.stringify(redactUrlCredentials(value))
      : typeof value === 'number'
        ? String(value)
        : safeStringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // Too deep to write (`[[[[…]]]]` thousands of levels, within a 100 KB body) or circular: say what it
    // is, as `String()` of such a value overflows the stack as well.
    return Array.isArray(value) ? '[…]' : '{…}';
  }
}
