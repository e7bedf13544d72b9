import { AetherError, ERROR_CODES, type ErrorCode, type FieldViolation } from '../errors/aether-error';

/** How the REST API reports every failure: the code a program branches on, and the fields at fault. */
export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Every field at fault with the rule it broke; empty when the failure concerns no field. */
    details: FieldViolation[];
  };
  /** The request's `X-Request-ID`, to quote when asking about it. */
  requestId: string;
}

/** The body of a failed request. Only violations travel: other details may name internals (a database host). */
export function apiErrorBody(error: AetherError, requestId: string): ApiErrorBody {
  return {
    error: { code: error.code, message: error.message, details: error.details?.violations ?? [] },
    requestId,
  };
}

/** The AetherError an API error body describes, or undefined when `body` is not one (a proxy's page, say). */
export function errorFromApiBody(body: unknown): AetherError | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, details } = error as { code?: unknown; message?: unknown; details?: unknown };
  if (!(ERROR_CODES as readonly unknown[]).includes(code) || typeof message !== 'string') return undefined;
  const violations = Array.isArray(details)
    ? details.filter(
        (item): item is FieldViolation =>
          typeof item === 'object' &&
          item !== null &&
          typeof (item as FieldViolation).field === 'string' &&
          typeof (item as FieldViolation).rule === 'string',
      )
    : [];
  const requestId = (body as { requestId?: unknown }).requestId;
  return new AetherError(code as ErrorCode, message, {
    ...(violations.length > 0 ? { violations } : {}),
    ...(typeof requestId === 'string' ? { requestId } : {}),
  });
}
