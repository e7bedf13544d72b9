import { AUDIT_TEXT_LIMITS, clipText } from '@aetherquant/workflows/server';
import { type SecretRedactor } from '../auth/secret-redactor';
import { type AuditCoalescer } from '../../recording/audit-coalescer';
import { maskQuery, type JsonLogger } from '../logging/json-logger';
import { isApiPath } from './api-path';
import { type ApiRequest, type ApiResponse } from './http-types';

/** nginx's status for a request whose client went away before the answer was sent. */
const CLIENT_CLOSED_REQUEST = 499;

/**
 * What happens once a request has been answered: one structured log line, and for every `/api` request
 * (401s, 403s and 429s included) an audit event, through the coalescer (a flood of refusals becomes a few
 * counted rows) to the batched writer. Secrets are taken out of the path first, for the log and the audit
 * alike; the path is clipped before it is held, so a flood of long paths costs little memory or disk.
 */
export function observeRequests(
  logger: JsonLogger,
  audit: AuditCoalescer | undefined,
  redactor: SecretRedactor,
) {
  return (request: ApiRequest, response: ApiResponse, durationMs: number): void => {
    const { requestId, caller } = request.context;
    const status = response.writableFinished ? response.statusCode : CLIENT_CLOSED_REQUEST;
    const rawPath = request.path ?? (request.url ?? '/').split('?')[0];
    const rounded = Math.round(durationMs * 100) / 100;
    logger.write(status >= 500 ? 'error' : 'info', 'request', {
      request_id: requestId,
      method: request.method,
      path: maskQuery(redactor.redact(request.originalUrl ?? request.url ?? rawPath)),
      status,
      duration_ms: rounded,
      role: caller.role ?? null,
      ip: caller.clientIp,
    });
    if (audit && isApiPath(rawPath)) {
      // Redacted before clipped, so no part of a key survives at the cut.
      const path = clipText(redactor.redact(rawPath), AUDIT_TEXT_LIMITS.path);
      audit.offer(
        {
          createdAt: new Date(),
          // Every text field is clipped to its column by the store; nothing is refused for its length.
          method: request.method ?? 'GET',
          path,
          statusCode: status,
          requestId,
          actorRole: caller.role ?? null,
          keyName: caller.keyName,
          durationMs: rounded,
          clientIp: caller.clientIp,
        },
        caller,
      );
    }
  };
}
