import {
  type AetherErrorDetails,
  type ErrorCode,
  type HttpUseCaseName,
  type Settings,
  USE_CASES,
} from '@aetherquant/core';
import { type RequestLimits } from '@aetherquant/workflows';
import { type NewRun } from '@aetherquant/workflows/server';

/** The use cases the API computes off its event loop: those its catalog entry calls `compute` work. */
export type ComputeUseCase = {
  [Name in HttpUseCaseName]: (typeof USE_CASES)[Name]['weight'] extends 'compute' ? Name : never;
}[HttpUseCaseName];

/** Whether the API runs use case `name` on a compute thread. */
export function isComputeUseCase(name: string): name is ComputeUseCase {
  return Object.hasOwn(USE_CASES, name) && USE_CASES[name as HttpUseCaseName].weight === 'compute';
}

/** One request's work, as it crosses to a compute thread: plain data only (it is structured-cloned). */
export interface ComputeTask {
  useCase: ComputeUseCase;
  /** The request as the caller sent it, already checked against the endpoint's schema. */
  input: Record<string, unknown>;
  settings: Settings;
  chartPoints: number;
  limits: RequestLimits;
  /** The API's strategy modules, loaded by the thread (once) so a run may name their strategies. */
  strategyModules: readonly string[];
}

/** A run the report names, still to be committed by the API thread before the answer leaves. */
export type PendingRun = NewRun & { id: string };

/**
 * What comes back: the report as JSON text (serialised on the compute thread: a large answer, such as a year
 * of 5-minute bars, costs the API thread a copy instead of a long `JSON.stringify`) and its run to commit, or
 * the failure as plain data.
 */
export type ComputeOutcome =
  | { ok: true; body: string; run?: PendingRun }
  | {
      ok: false;
      error: { code: ErrorCode; message: string; details?: AetherErrorDetails; stack?: string };
      /** False for a bug (anything but an AetherError): logged with its stack, answered 500. */
      expected: boolean;
    };

/**
 * `value` with every Date made anew in this realm. Structured cloning makes Dates of the receiving context's
 * default realm, which is not always the one `instanceof Date` checks against (a VM context such as Jest's),
 * so a run's dates are rebuilt before the store validates them.
 */
export function withLocalDates<T>(value: T): T {
  if (Object.prototype.toString.call(value) === '[object Date]') {
    return new Date((value as unknown as Date).getTime()) as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => withLocalDates(item)) as T;
  if (Object.prototype.toString.call(value) === '[object Object]') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, withLocalDates(item)]),
    ) as T;
  }
  return value;
}
