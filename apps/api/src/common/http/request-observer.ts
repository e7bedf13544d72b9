import { type NewAuditEvent } from '@aetherquant/workflows';
import { type BatchWriter } from '../../recording/batch-writer';
import { maskQuery, type JsonLogger } from '../logging/json-logger';
import { type ApiRequest, type ApiResponse } from './http-types';

/** nginx's status for a request whose client went away before the answer was sent. */
const CLIENT_CLOSED_REQUEST = 499;

/**
 * What happens once a request has been answered: one structured log line, and for every `/api` request
 * (401s, 403s and 429s included) an audit event queued for the batched writer.
 */
export function observeRequests(logger: JsonLogger, audit: BatchWriter<NewAuditEvent> | undefined) {
  return (request: ApiRequest, response: ApiResponse, durationMs: number): void => {
    const { requestId, caller } = request.context;
    const status = response.writableFinished ? response.statusCode : CLIENT_CLOSED_REQUEST;
    const path = request.path ?? (request.url ?? '/').split('?')[0];
    const rounded = Math.round(durationMs * 100) / 100;
    logger.write(status >= 500 ? 'error' : 'info', 'request', {
      request_id: requestId,
      method: request.method,
      path: maskQuery(request.originalUrl ?? request.url ?? path),
      status,
      duration_ms: rounded,
      role: caller.role ?? null,
      ip: caller.clientIp,
    });
    // Express matches routes regardless of case, so `/API/keycheck` is an /api request too.
    const lowered = path.toLowerCase();
    if (audit && (lowered === '/api' || lowered.startsWith('/api/'))) {
      audit.offer({
        createdAt: new Date(),
        // Node accepts methods the store has no room for (UNSUBSCRIBE); what is kept must be storable.
        method: (request.method ?? 'GET').slice(0, 10),
        path,
        statusCode: status,
        requestId,
        actorRole: caller.role ?? null,
        durationMs: rounded,
        clientIp: caller.clientIp,
      });
    }
  };
}
