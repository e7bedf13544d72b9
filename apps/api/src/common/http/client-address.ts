import { isIP } from 'node:net';
import { type ApiRequest } from './http-types';

/**
 * The client's address: Express's `request.ip` (after `AETHERQ_TRUST_PROXY` hops of `X-Forwarded-For`)
 * when it is an IP address, else the socket's peer. A forwarded value is whatever the client wrote
 * (`X-Forwarded-For: <65 characters of junk>`): taken unchecked it would be stored, and a new one per
 * request would be a new rate-limit budget per request.
 */
export function clientAddress(request: ApiRequest): string {
  const forwarded = request.ip === undefined ? undefined : canonicalIp(request.ip);
  if (forwarded !== undefined) return forwarded;
  const peer = request.socket.remoteAddress;
  return peer === undefined ? 'unknown' : (canonicalIp(peer) ?? peer);
}

/**
 * One spelling per address, or undefined for anything that is not an IP address: `::ffff:10.0.0.1` (an
 * IPv4 client of a dual-stack socket) → `10.0.0.1`, `0:0::1` → `::1`, and an IPv6 zone (`fe80::1%eth0`) dropped. Without this, one client could
 * rotate spellings of its address (or zone names, which are free text) into fresh rate-limit budgets.
 */
export function canonicalIp(text: string): string | undefined {
  const address = text.trim().replace(/%.*$/, '');
  switch (isIP(address)) {
    case 4:
      return address;
    case 6: {
      const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
      // An IPv4 client of a dual-stack socket, which the URL parser writes in hex (`::ffff:a00:1`).
      const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
      if (!mapped) return canonical;
      const [high, low] = [parseInt(mapped[1] as string, 16), parseInt(mapped[2] as string, 16)];
      return [high >> 8, high & 255, low >> 8, low & 255].join('.');
    }
    default:
      return undefined;
  }
}
