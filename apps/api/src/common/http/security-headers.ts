import helmet from 'helmet';
import { type ApiRequest, type ApiResponse } from './http-types';

type Middleware = (request: ApiRequest, response: ApiResponse, next: (error?: unknown) => void) => void;

/**
 * Helmet's security headers, with the two that only make sense over TLS sent only there: HSTS, and the
 * CSP's `upgrade-insecure-requests`. Over plain HTTP on a LAN address (a phone on Wi-Fi, a container's
 * published port) that directive makes the browser fetch the dashboard's own scripts over https, which
 * nothing serves: a blank page. `request.secure` is true for a TLS socket or, with AETHERQ_TRUST_PROXY,
 * for `X-Forwarded-Proto: https` from a trusted proxy.
 */
export function securityHeaders(): Middleware {
  const overTls = helmet() as unknown as Middleware;
  const overPlainHttp = helmet({
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    strictTransportSecurity: false,
  }) as unknown as Middleware;
  return (request, response, next) => {
    const secure = (request as ApiRequest & { secure?: boolean }).secure === true;
    (secure ? overTls : overPlainHttp)(request, response, next);
  };
}
