import { AetherError } from '@aetherquant/core';
import { type ApiRequest, type ApiResponse } from './http-types';
import { sendApiError } from './send-api-error';

/** What body-parser attaches to the errors it raises. */
interface BodyParserError {
  type?: unknown;
  status?: unknown;
  length?: number;
  limit?: number;
}

/**
 * A middleware placed before the body parser: a request whose body is compressed (any `Content-Encoding`
 * but `identity`) is refused 415 before a byte of it is read. Request bodies are small JSON documents, so
 * compression saves nothing, and inflating would put a decompression bomb or a corrupt stream in front
 * of the parser. The header is refused even without a body: it announces what the API does not take.
 */
export function refuseEncodedBodies() {
  return (request: ApiRequest, response: ApiResponse, next: () => void): void => {
    const encoding = request.headers['content-encoding'];
    if (encoding === undefined || /^\s*identity\s*$/i.test(encoding)) return next();
    const error = AetherError.invalid([
      { field: 'Content-Encoding', rule: 'must be identity (compressed request bodies are not accepted)' },
    ]);
    // The unread body stays in the socket: close the connection after the answer instead of reusing it.
    response.setHeader('Connection', 'close');
    sendApiError(response, error, request.context.requestId, 415);
  };
}

/**
 * A middleware placed before the body parser: a body whose declared `Content-Length` exceeds `limitBytes`
 * is refused 413 at once, and the connection closed, instead of being read to its end first (the parser
 * reads and discards an oversized body before it refuses it, so a client could make the server swallow
 * gigabytes for a 413). A body without a length (chunked) is still cut by the parser at the limit.
 */
export function refuseOversizedBodies(limitBytes: number) {
  return (request: ApiRequest, response: ApiResponse, next: () => void): void => {
    const declared = Number(request.headers['content-length']);
    if (!(declared > limitBytes)) return next();
    const error = AetherError.invalid([
      { field: 'body', rule: `must be at most ${kilobytes(limitBytes)} (got ${declared} bytes)` },
    ]);
    response.setHeader('Connection', 'close');
    sendApiError(response, error, request.context.requestId, 413);
  };
}

/**
 * An error-handling middleware placed right after the JSON body parser: a body it refuses (too large, not
 * JSON, not UTF-8, cut short) is answered here in the API's error shape and status, naming the body as
 * the field. Nest would otherwise turn some of them into a bare 400 (or a 500) and lose which rule was broken.
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
    sendApiError(response, failure.error, request.context.requestId, failure.status);
  };
}

function describe(parser: BodyParserError): { error: AetherError; status: number } | undefined {
  if (typeof parser !== 'object' || parser === null) return undefined;
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
  }
  // Any other refusal of the parser (typed, with a 4xx status) is still the client's body at fault.
  if (typeof parser.type === 'string' && typeof parser.status === 'number' && parser.status < 500) {
    return invalid('could not be read', 400);
  }
  return undefined;
}

function kilobytes(limit: number | undefined): string {
  return limit === undefined ? 'the limit' : `${Math.round(limit / 1024)} KB`;
}
