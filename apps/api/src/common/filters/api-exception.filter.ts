import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { AetherError } from '@aetherquant/core';
import { codeOfStatus, HTTP_STATUS } from '../http/error-status';
import { type ApiRequest, type ApiResponse } from '../http/http-types';
import { type JsonLogger } from '../logging/json-logger';
import { sendApiError } from '../http/send-api-error';
import { redactServerDetails } from './server-detail-redaction';

/**
 * Every failure, whatever raised it, leaves as `{error:{code,message,details}, requestId}` with the status
 * of its code. Only AetherErrors say what went wrong in detail; anything else is a bug, logged with its
 * stack and answered 500 with the request id and nothing of its internals. Callers below admin never see
 * where the server keeps its files or its database (see forCaller).
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(
    private readonly logger: JsonLogger,
    private readonly rateLimitPerMinute: number,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<ApiRequest>();
    const response = http.getResponse<ApiResponse>();
    const requestId = request.context?.requestId ?? 'unknown';
    const described = this.describe(exception, request);
    const { status } = described;
    const error = this.forCaller(described.error, request, requestId);
    if (status >= 500 && error.code === 'INTERNAL') {
      this.logger.write('error', 'unexpected failure', {
        request_id: requestId,
        error: exception instanceof Error ? exception.message : String(exception),
        stack: exception instanceof Error ? exception.stack : undefined,
      });
    }
    if (response.headersSent) {
      response.destroy();
      return;
    }
    sendApiError(response, error, requestId, status);
  }

  /**
   * The error as this caller may read it: an admin runs the server and sees it whole; anyone else gets it
   * without server paths, URLs and database hosts (the log keeps the original, under the request id).
   */
  private forCaller(error: AetherError, request: ApiRequest, requestId: string): AetherError {
    if (request.context?.caller.role === 'admin') return error;
    const message = redactServerDetails(error.message);
    const violations = error.details?.violations?.map((violation) => ({
      field: redactServerDetails(violation.field),
      rule: redactServerDetails(violation.rule),
    }));
    const changed =
      message !== error.message ||
      violations?.some(
        (violation, index) =>
          violation.rule !== error.details?.violations?.[index]?.rule ||
          violation.field !== error.details?.violations?.[index]?.field,
      ) === true;
    if (!changed) return error;
    this.logger.write('info', 'server details withheld from the caller', {
      request_id: requestId,
      code: error.code,
      error: error.message,
    });
    return new AetherError(error.code, message, violations ? { violations } : undefined);
  }

  private describe(exception: unknown, request: ApiRequest): { error: AetherError; status: number } {
    // An INTERNAL AetherError is a bug like any other: logged in full (above), answered without its words.
    if (exception instanceof AetherError && exception.code !== 'INTERNAL') {
      return { error: exception, status: HTTP_STATUS[exception.code] };
    }
    if (exception instanceof ThrottlerException) {
      const error = new AetherError(
        'RATE_LIMITED',
        `too many requests: at most ${this.rateLimitPerMinute} per minute per caller; retry after the time in Retry-After`,
      );
      return { error, status: 429 };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404) {
        const message = `no route ${request.method ?? 'GET'} ${request.path}`;
        return { error: new AetherError('NOT_FOUND', message), status };
      }
      return { error: new AetherError(codeOfStatus(status), exception.message), status };
    }
    return {
      error: new AetherError('INTERNAL', 'internal error; quote the request id when reporting it'),
      status: 500,
    };
  }
}
