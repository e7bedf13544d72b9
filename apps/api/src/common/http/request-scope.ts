import { AsyncLocalStorage } from 'node:async_hooks';
import { type ApiRequest, type ApiResponse } from './http-types';

/** The request a piece of work is being done for, wherever it runs (a callback, a timer, a promise). */
export interface RequestScope {
  readonly request: ApiRequest;
  readonly response: ApiResponse;
}

const storage = new AsyncLocalStorage<RequestScope>();

/**
 * A middleware that runs the rest of the request's handling inside its scope, so a fault that escapes
 * every handler (a throw in a timer, a rejected promise nobody awaited) can still be traced to its request
 * and answered. Place it after the request context (the id) and again after the body parser: a request
 * stream's events run in the connection's context, so the scope is lost across the body read otherwise.
 */
export function requestScope() {
  return (request: ApiRequest, response: ApiResponse, next: () => void): void => {
    storage.run({ request, response }, next);
  };
}

/** The scope of the request the current code runs for, if any. */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
