import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import onHeaders from 'on-headers';
import { type KeyRing, presentedKey } from '../auth/api-keys';
import { type SecretRedactor } from '../auth/secret-redactor';
import { clientAddress } from './client-address';
import { type ApiRequest, type ApiResponse, type RequestContext } from './http-types';

/** A caller's request id is echoed only when it is this tame; anything else is replaced. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;

/** Told once per request, when its response has been sent or its connection dropped. */
export type RequestFinished = (request: ApiRequest, response: ApiResponse, durationMs: number) => void;

/**
 * The first middleware of every request: gives it an id (`X-Request-ID`), resolves the caller from the
 * presented key, stamps `X-Process-Time-Ms` as the headers leave, and reports the finished request (for
 * the log and the audit). Runs before the body parser, so even a refused body has an id and an audit row.
 * A caller's request id that holds a secret (a key sent there by mistake) is replaced, so the key never
 * reaches a log line or an audit row.
 */
export function requestContextMiddleware(keys: KeyRing, redactor: SecretRedactor, finished: RequestFinished) {
  return (request: ApiRequest, response: ApiResponse, next: () => void): void => {
    const given = request.headers['x-request-id'];
    const requestId =
      typeof given === 'string' && REQUEST_ID_PATTERN.test(given) && !redactor.contains(given)
        ? given
        : randomUUID();
    const started = performance.now();
    const key = presentedKey(request.headers);
    const holder = keys.holderOf(key);
    const clientIp = clientAddress(request);
    const context: RequestContext = {
      requestId,
      started,
      caller: {
        role: holder?.role,
        keyName: holder?.name ?? null,
        presentedKey: key !== undefined,
        clientIp,
        // A named key is one caller wherever it calls from, with its own budget; anyone else (no key, a
        // wrong key, everyone on an open API) is counted by address.
        tracker: holder?.name ? `key:${holder.name}` : `ip:${clientIp}`,
      },
    };
    request.context = context;
    response.setHeader('X-Request-ID', requestId);
    onHeaders(response, () => {
      response.setHeader('X-Process-Time-Ms', (performance.now() - started).toFixed(2));
    });
    let reported = false;
    const report = () => {
      if (reported) return;
      reported = true;
      finished(request, response, performance.now() - started);
    };
    response.once('finish', report);
    response.once('close', report);
    next();
  };
}
