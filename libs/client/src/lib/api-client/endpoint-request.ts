import {
  AetherError,
  endpointPath,
  findUseCase,
  type HttpMethod,
  type CallableUseCaseName,
  USE_CASE_NAMES,
} from '@aetherquant/core';
import { toQueryString } from '../query-string/query-string';

/** One HTTP request, ready to send: the path under the base URL, and a query or a JSON body. */
export interface EndpointRequest {
  readonly method: HttpMethod;
  readonly path: string;
  readonly query?: string;
  readonly body?: string;
}

/**
 * The request that calls use case `name` with `input`: `:param` path parameters filled from the input (and
 * taken out of it), the other fields as a JSON body or a query string, as its route in the catalog says.
 */
export function endpointRequest(
  name: CallableUseCaseName,
  input: Readonly<Record<string, unknown>>,
): EndpointRequest {
  // The name may come from untyped code; `toString` and friends are not use cases (findUseCase reads own keys).
  const endpoint = findUseCase(name)?.http;
  if (endpoint === undefined || endpoint.stream !== undefined) {
    const names = USE_CASE_NAMES.filter((useCase) => {
      const http = findUseCase(useCase)?.http;
      return http !== undefined && http.stream === undefined;
    });
    throw new AetherError(
      'INVALID_ARGUMENT',
      `${String(name)} is not an API endpoint answered with JSON (one of ${names.join(', ')})`,
    );
  }
  const rest: Record<string, unknown> = { ...input };
  const parameters: Record<string, string> = {};
  for (const segment of endpoint.path.split('/')) {
    if (!segment.startsWith(':')) continue;
    const parameter = segment.slice(1);
    const value = rest[parameter];
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw AetherError.invalid([{ field: parameter, rule: 'is required' }]);
    }
    parameters[parameter] = String(value);
    delete rest[parameter];
  }
  const path = endpointPath(endpoint.path, parameters);
  return endpoint.input === 'body'
    ? { method: endpoint.method, path, body: JSON.stringify(rest) }
    : { method: endpoint.method, path, query: toQueryString(rest) };
}
