import { AetherError } from '@aetherquant/core';
import { type JsonLogger } from '../common/logging/json-logger';
import { currentRequestScope, type RequestScope } from '../common/http/request-scope';
import { sendApiError } from '../common/http/send-api-error';

export type FaultOrigin = 'uncaughtException' | 'unhandledRejection';

export interface LastResortOptions {
  logger: JsonLogger;
  /** Writes what is buffered (audit events, runs) before the process exits. */
  flush: () => Promise<void>;
  /** Ends the process; `process.exit` outside tests. */
  exit: (code: number) => void;
  /** The request the fault happened for; the AsyncLocalStorage scope by default. */
  scope?: () => RequestScope | undefined;
  /** How long the final flush may take before the process exits anyway. */
  flushDeadlineMs?: number;
}

/**
 * What the process does with a fault that escaped every handler. One raised while serving a request is
 * that request's bug, not the server's: it is logged with the request id, the request is answered 500 in
 * the API's error shape if its response is still open, and the server keeps serving everyone else. A fault
 * outside any request leaves the process in a state nobody can vouch for: it is logged, what is buffered
 * is flushed (an acknowledged run must not be lost), and the process exits 1 for its supervisor to restart.
 */
export function lastResortHandler(options: LastResortOptions): (fault: unknown, origin: FaultOrigin) => void {
  const { logger, scope = currentRequestScope, flushDeadlineMs = 5_000 } = options;
  let exiting = false;
  return (fault, origin) => {
    const request = scope();
    const described = {
      origin,
      error: fault instanceof Error ? fault.message : String(fault),
      stack: fault instanceof Error ? fault.stack : undefined,
    };
    if (request !== undefined) {
      const requestId = request.request.context?.requestId ?? 'unknown';
      logger.write('error', 'unexpected failure', { request_id: requestId, ...described });
      answer(request, requestId);
      return;
    }
    logger.write('error', 'unexpected failure outside any request: flushing and exiting', described);
    if (exiting) return;
    exiting = true;
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, flushDeadlineMs).unref());
    void Promise.race([options.flush().catch(() => undefined), deadline]).then(() => options.exit(1));
  };
}

/** Installs {@link lastResortHandler} on the process; returns a function that removes it again. */
export function installLastResortHandler(options: LastResortOptions): () => void {
  const handle = lastResortHandler(options);
  const onException = (error: unknown) => handle(error, 'uncaughtException');
  const onRejection = (reason: unknown) => handle(reason, 'unhandledRejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}

function answer({ response }: RequestScope, requestId: string): void {
  if (response.writableEnded || response.destroyed) return;
  if (response.headersSent) {
    // Part of another answer is already on the wire: cutting it is the only honest end.
    response.destroy();
    return;
  }
  const error = new AetherError('INTERNAL', 'internal error; quote the request id when reporting it');
  try {
    // Headers set for the answer that never came (a file's type and length) must not describe this one.
    for (const name of response.getHeaderNames()) {
      if (/^(?:content-|cache-control$|etag$|last-modified$)/.test(name)) response.removeHeader(name);
    }
    sendApiError(response, error, requestId, 500);
  } catch {
    response.destroy();
  }
}
