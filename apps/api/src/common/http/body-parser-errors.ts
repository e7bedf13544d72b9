import { AetherError, apiErrorBody } from '@aetherquant/core';
import { type ApiRequest, type ApiResponse } from './http-types';

/** What body-parser attaches to the errors it raises. */
interface BodyParserError {
  type?: unknown;
  status?: unknown;
  length?: number;
  limit?: number;
}

/**
 * An error-handling middleware placed right after the JSON body parser: a body it refuses (too large, not
 * JSON, not UTF-8) is answered here in the API's error shape and status, naming the body as the field.
 * Nest would otherwise turn some of them into a bare 400 and lose which rule was broken.
 */
export function bodyParserErrors() {
  return (
    error: unknown,
    request: ApiRequest,
    response: ApiResponse,
    next: (error: unknown) => void,
  ): void => {
    const failure = describe(error as BodyParserError);
    if (failure === undefined) return next(error);
    response.statusCode = failure.status;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.end(JSON.stringify(apiErrorBody(failure.error, request.context.requestId)));
  };
}

function describe(parser: BodyParserError): { error: AetherError; status: number } | undefined {
  if (typeof parser !== 'object' || parser === null || typeof parser.type !== 'string') return undefined;
  const invalid = (rule: string, status: number) => ({
    error: AetherError.invalid([{ field: 'body', rule }]),
    status,
  });
  switch (parser.type) {
    case 'entity.too.large':
      return invalid(
        `must be at most ${kilobytes(parser.limit)} (got ${parser.length ?? 'more'} bytes)`,
        413,
      );
    case 'entity.parse.failed':
      return invalid('must be valid JSON', 400);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return invalid('must be UTF-8 JSON, not compressed', 415);
    case 'request.aborted':
    case 'request.size.invalid':
      return invalid('arrived incomplete', 400);
    default:
      return undefined;
  }
}

function kilobytes(limit: number | undefined): string {
  return limit === undefined ? 'the limit' : `${Math.round(limit / 1024)} KB`;
}
