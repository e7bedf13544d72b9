import {
  AetherError,
  check,
  type FieldViolation,
  type HttpUseCaseName,
  parseBoolean,
  parseDecimal,
  type RouteUseCase,
  routeOf,
  USE_CASES,
  useCaseFor,
} from '@aetherquant/core';
import { type z } from 'zod';
import { type ApiRequest } from '../http/http-types';

export interface EndpointInput {
  /** The request as the caller sent it (the workflow applies its own defaults when it validates). */
  input: Record<string, unknown>;
  /** The use case the input asked for: the route's main one, or another told apart by a field (`symbols`). */
  useCase: HttpUseCaseName;
}

/**
 * Reads an endpoint's input (the JSON body, or the query string and path parameters) and validates it
 * against the endpoint's API schema, so that fields a remote caller may not send (`data_dir`) are refused
 * by name before any work starts. Every violation is reported at once, field by field.
 */
export function endpointInput(name: HttpUseCaseName, request: ApiRequest): EndpointInput {
  const route = routeOf(name);
  const violations: FieldViolation[] = [];
  let input: Record<string, unknown>;
  if (route.input === 'body') {
    const body = request.body;
    if (!isJsonRequest(request)) {
      throw AetherError.invalid([{ field: 'Content-Type', rule: 'must be application/json' }]);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw AetherError.invalid([{ field: 'body', rule: 'must be a JSON object' }]);
    }
    input = body as Record<string, unknown>;
  } else {
    input = queryInput((route.useCases[0] as RouteUseCase).request, request.query, violations);
    for (const [name, value] of Object.entries(request.params)) input[name] = value;
  }
  const useCase = useCaseFor(route, input);
  const checked = check(useCase.request, input);
  if (!checked.success) violations.push(...checked.violations);
  if (violations.length > 0) {
    throw AetherError.invalid(violations, `${USE_CASES[useCase.name].title} request`);
  }
  return { input, useCase: useCase.name };
}

function isJsonRequest(request: ApiRequest): boolean {
  const type = request.headers['content-type'];
  return typeof type === 'string' && /^application\/(?:[\w.+-]+\+)?json\b/i.test(type);
}

/**
 * Query strings carry text only: a value becomes the number or boolean its field expects when the text
 * reads as one (`limit=5` → 5), and stays text otherwise, so the schema rejects it quoting what was sent.
 * A parameter given twice is refused rather than silently picking one.
 */
function queryInput(
  schema: z.ZodObject,
  query: Record<string, unknown>,
  violations: FieldViolation[],
): Record<string, unknown> {
  // Names come from the client: `constructor` or `__proto__` must be plain unknown fields, never the
  // inherited members of an object (own properties only, into an object without a prototype).
  const input: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of Object.entries(query)) {
    if (typeof value !== 'string') {
      violations.push({ field: name, rule: 'must be given once, as plain text' });
      continue;
    }
    const field = Object.hasOwn(schema.shape, name) ? (schema.shape[name] as z.ZodType) : undefined;
    input[name] = field === undefined ? value : coerce(field, value);
  }
  return input;
}

function coerce(field: z.ZodType, text: string): unknown {
  if (field.safeParse(text).success) return text;
  for (const candidate of [parseDecimal(text), parseBoolean(text)]) {
    // The candidate of the field's type wins even when out of range, so `limit=0` reads "must be at least 1".
    if (candidate !== undefined && isOfFieldType(field, candidate)) return candidate;
  }
  return text;
}

function isOfFieldType(field: z.ZodType, value: unknown): boolean {
  const result = field.safeParse(value);
  return result.success || result.error.issues.every((issue) => issue.code !== 'invalid_type');
}
