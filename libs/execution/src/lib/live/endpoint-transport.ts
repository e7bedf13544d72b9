import { isIPv4 } from 'node:net';

import { AetherError, type FieldViolation } from '@aetherquant/core';

/** The field live broker errors name for the endpoint, as settings spell it. */
const ENDPOINT_FIELD = 'broker_endpoint';

/**
 * Why a live broker must not be called at `endpoint`, as a violation naming `broker_endpoint`; `null` when it
 * may. Every request to a live broker carries its credentials, so plain `http://` would send them in clear to
 * anyone on the path: only `https://` is allowed, and `http://` only to a loopback host (127.0.0.0/8, ::1,
 * `localhost`: the traffic never leaves the machine) or when the operator opted in with `allowInsecure`
 * (`AETHERQ_LIVE_BROKER_ALLOW_INSECURE=true`, e.g. a gateway on a private network).
 */
export function endpointTransportViolation(endpoint: string, allowInsecure = false): FieldViolation | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { field: ENDPOINT_FIELD, rule: 'must be an https:// URL (AETHERQ_LIVE_BROKER_ENDPOINT)' };
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') {
    return {
      field: ENDPOINT_FIELD,
      rule: `must be an https:// URL (AETHERQ_LIVE_BROKER_ENDPOINT), not ${url.protocol}//`,
    };
  }
  if (allowInsecure || isLoopbackHost(url.hostname)) return null;
  return {
    field: ENDPOINT_FIELD,
    rule:
      `must use https:// (AETHERQ_LIVE_BROKER_ENDPOINT): http:// to ${url.hostname} would send the broker ` +
      'token in clear; http:// is allowed only to a loopback host (127.0.0.0/8, ::1, localhost) or with ' +
      'AETHERQ_LIVE_BROKER_ALLOW_INSECURE=true',
  };
}

/** Throws INVALID_ARGUMENT with {@link endpointTransportViolation}'s rule when a live broker must not use `endpoint`. */
export function requireSecureEndpoint(endpoint: string, allowInsecure = false): void {
  const violation = endpointTransportViolation(endpoint, allowInsecure);
  if (violation) throw AetherError.invalid([violation], 'cannot call the live broker');
}

/**
 * True for a host name that can only reach this machine. `hostname` is as WHATWG `URL` normalises it:
 * IPv4 in dotted decimal (`127.1` becomes `127.0.0.1`), IPv6 in brackets and compressed (`[::1]`).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  return isIPv4(host) && host.startsWith('127.');
}
