import { type Server } from 'node:http';
import { type Socket } from 'node:net';
import { canonicalIp } from '../common/http/client-address';
import { type JsonLogger } from '../common/logging/json-logger';

/** How long a client may take to send a request, and to keep an idle connection. */
export interface HttpTimeouts {
  /** From a request's first byte to the end of its headers; 408 and closed after (slowloris). */
  headersTimeoutMs: number;
  /**
   * From a request's first byte to the end of its body. Node stops this clock once the request has been
   * received, so a long compute (up to AETHERQ_COMPUTE_TIMEOUT_MS, which has its own deadline) is not cut
   * by it: it only has to cover a slow upload of at most the 100 KB body limit.
   */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests. */
  keepAliveTimeoutMs: number;
  /** How often Node checks the two timeouts above (its default, 30 s, would let a slowloris stay 40 s). */
  checkIntervalMs: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  checkIntervalMs: 1_000,
};

/**
 * Behind a proxy, idle connections must outlive the proxy's own idle timeout (60 s for nginx's upstream
 * keep-alive and cloud load balancers), or a request the proxy sends on a connection the API is just
 * closing fails with a 502.
 */
export const PROXIED_KEEP_ALIVE_MS = 65_000;

/**
 * Sets the timeouts on `server`; call before it listens (Node starts its timeout checker on `listening`).
 */
export function applyHttpTimeouts(server: Server, timeouts: HttpTimeouts): void {
  server.headersTimeout = timeouts.headersTimeoutMs;
  server.requestTimeout = timeouts.requestTimeoutMs;
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  // Read by Node when the server starts listening; not in @types/node's Server type.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    timeouts.checkIntervalMs;
}

/**
 * Caps the connections one client address holds open: one more is closed at once, before a byte is read,
 * so a client opening (or trickling) hundreds of connections cannot starve everyone else's. Logged once per
 * address and minute, not per refused connection.
 */
export function capConnectionsPerIp(server: Server, maxPerIp: number, logger: JsonLogger): void {
  const open = new Map<string, number>();
  const lastWarned = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress;
    const ip = (address === undefined ? undefined : canonicalIp(address)) ?? address ?? 'unknown';
    const count = open.get(ip) ?? 0;
    if (count >= maxPerIp) {
      socket.destroy();
      const now = Date.now();
      if (now - (lastWarned.get(ip) ?? 0) >= 60_000) {
        if (lastWarned.size > 10_000) lastWarned.clear();
        lastWarned.set(ip, now);
        logger.write('warn', 'too many connections from one address: closing the new ones', {
          ip,
          limit: maxPerIp,
        });
      }
      return;
    }
    open.set(ip, count + 1);
    socket.once('close', () => {
      const left = (open.get(ip) ?? 1) - 1;
      if (left <= 0) open.delete(ip);
      else open.set(ip, left);
    });
  });
}
