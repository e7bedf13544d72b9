/**
 * Every failure AetherQuant reports on purpose carries one of these codes. Transports map them in one
 * place each: the API to HTTP statuses, the CLI to exit codes. Anything else is a bug (`INTERNAL`).
 */
export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'CONFLICT',
  'DATA_UNAVAILABLE',
  'INFEASIBLE',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'UPSTREAM_FAILED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One rule broken by one field of the input: what a form shows next to the field. */
export interface FieldViolation {
  /** The field as the caller spelled it: `threshold`, `close[12]`, `AETHERQ_INITIAL_CASH`. */
  field: string;
  /** The rule, phrased to follow the field name: "must be a number at least 0". */
  rule: string;
}

export interface AetherErrorDetails {
  /** Set for INVALID_ARGUMENT: every violation found, not just the first. */
  violations?: FieldViolation[];
  [key: string]: unknown;
}

/** The one error type of AetherQuant: a code a program can branch on and a message a person can act on. */
export class AetherError extends Error {
  override readonly name = 'AetherError';

  /** For INVALID_ARGUMENT errors built by {@link AetherError.invalid}: the prefix of the message. */
  #context?: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: AetherErrorDetails,
  ) {
    super(message);
  }

  /** Builds an INVALID_ARGUMENT error whose message lists every violation, one per `; `. */
  static invalid(
    violations: FieldViolation[],
    context?: string,
    moreDetails?: AetherErrorDetails,
  ): AetherError {
    const listed = violations.map((v) => `${v.field} ${v.rule}`).join('; ');
    const error = new AetherError('INVALID_ARGUMENT', context ? `${context}: ${listed}` : listed, {
      ...moreDetails,
      violations,
    });
    error.#context = context;
    return error;
  }

  /**
   * The same error with its fields named as a caller spells them (`data_dir` → `--data-dir` on the CLI),
   * message included. Errors without violations are returned as they are.
   */
  withFieldNames(rename: (field: string) => string): AetherError {
    const violations = this.details?.violations;
    if (!violations) return this;
    const renamed = violations.map((violation) => ({ ...violation, field: rename(violation.field) }));
    return AetherError.invalid(renamed, this.#context, this.details);
  }

  /** The JSON body both transports use: `{ code, message, details }`. */
  toJSON(): { code: ErrorCode; message: string; details?: AetherErrorDetails } {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isAetherError(value: unknown): value is AetherError {
  return value instanceof AetherError;
}
