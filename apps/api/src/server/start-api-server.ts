import { type AddressInfo } from 'node:net';
import { type ApiAppOptions, createApiApp } from './create-api-app';
import { type ApiRuntime } from '../config/api-runtime';

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

/** Builds the API and listens on the settings' host and port. */
export async function startApiServer(options: ApiAppOptions): Promise<ApiServer> {
  const { app, runtime } = await createApiApp(options);
  const { host, port } = options.settings.api;
  await app.listen(port, host);
  const server = app.getHttpServer();
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
      await runtime.database?.close();
      runtime.logger.write('info', 'stopped');
    })();
    return closing;
  };
  return { url, runtime, close };
}
