import { type AddressInfo } from 'node:net';
import { type ApiAppOptions, createApiApp } from './create-api-app';
import { type ApiRuntime } from '../config/api-runtime';
import { startAuditRetention } from '../recording/audit-retention';
import {
  applyHttpTimeouts,
  capConnectionsPerIp,
  DEFAULT_HTTP_TIMEOUTS,
  type HttpTimeouts,
  PROXIED_KEEP_ALIVE_MS,
} from './http-limits';

export interface ApiServerOptions extends ApiAppOptions {
  /** Overrides of the HTTP timeouts (tests shorten them). */
  http?: Partial<HttpTimeouts>;
}

export interface ApiServer {
  /** `http://host:port`, with the port actually bound (useful with port 0). */
  readonly url: string;
  readonly runtime: ApiRuntime;
  /**
   * Graceful shutdown: stop accepting, let in-flight requests finish (at most `graceMs`, then cut them),
   * flush the audit log, close the database.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * Builds the API and listens on the settings' host and port, with timeouts against slow clients, a cap on
 * each address's connections (not behind a trusted proxy, whose one address is every client's: capping
 * connections is then the proxy's job) and the audit log's retention enforced hourly.
 */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const { app, runtime } = await createApiApp(options);
  const { host, port, trustProxy, maxConnectionsPerIp } = options.settings.api;
  const server = app.getHttpServer();
  applyHttpTimeouts(server, {
    ...DEFAULT_HTTP_TIMEOUTS,
    ...(trustProxy > 0 ? { keepAliveTimeoutMs: PROXIED_KEEP_ALIVE_MS } : {}),
    ...options.http,
  });
  if (trustProxy === 0) capConnectionsPerIp(server, maxConnectionsPerIp, runtime.logger);
  await app.listen(port, host);
  const retention =
    runtime.database &&
    startAuditRetention({ store: runtime.database.audit, ...options.settings.audit, logger: runtime.logger });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}`;
  runtime.logger.write('info', 'listening', { url, version: runtime.version });

  let closing: Promise<void> | undefined;
  const close = (graceMs = 10_000): Promise<void> => {
    closing ??= (async () => {
      runtime.logger.write('info', 'shutting down: finishing in-flight requests');
      const cut = setTimeout(() => server.closeAllConnections(), graceMs);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      clearTimeout(cut);
      await app.close();
      await runtime.runs?.close();
      await runtime.audit?.close();
      await retention?.stop();
      await runtime.database?.close();
      runtime.logger.write('info', 'stopped');
    })();
    return closing;
  };
  return { url, runtime, close };
}
