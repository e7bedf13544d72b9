import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type Caller } from '../auth/caller';

/** What the request-context middleware attaches to every request, before any guard or route runs. */
export interface RequestContext {
  requestId: string;
  /** `performance.now()` when the request arrived. */
  started: number;
  caller: Caller;
}

/** The parts of Express's request the API reads (Express's own types are not a dependency of ours). */
export interface ApiRequest extends IncomingMessage {
  /** The client address, after `AETHERQ_TRUST_PROXY` hops of `X-Forwarded-For`. */
  readonly ip?: string;
  /** The URL as received, before any routing rewrote `url`. */
  readonly originalUrl?: string;
  /** The path without the query string. */
  readonly path: string;
  readonly query: Record<string, unknown>;
  readonly params: Record<string, string>;
  body?: unknown;
  context: RequestContext;
  /** The response Express pairs with this request. */
  readonly res?: ServerResponse;
}

export type ApiResponse = ServerResponse;
