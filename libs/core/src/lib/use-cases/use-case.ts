import { type z } from 'zod';
import { type Permission } from '../access/access-policy';
import { type FieldViolation } from '../errors/aether-error';
import { type RecordedRunType } from '../requests/history-requests';
import { type RequestLimitName } from './request-limits';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/** How a use case is reached over HTTP. */
export interface HttpRoute {
  readonly method: HttpMethod;
  /** Express-style, `:name` for a path parameter. */
  readonly path: string;
  /** Where the request's fields travel: a JSON body, or the query string (and path parameters). */
  readonly input: 'body' | 'query';
  /**
   * The request as a remote caller may send it: the local schema without the fields that name this machine's
   * resources (a folder to read, a file to write), which the server must never take from a client.
   */
  readonly request: z.ZodObject;
  /**
   * Set when another use case owns the route: this one answers a request that carries this field (the
   * portfolio backtest shares `POST /api/backtest` with the backtest and is told apart by `symbols`).
   */
  readonly when?: string;
  /**
   * How a route that starts work answers instead of 200: 202 Accepted with a `Location` header, the path of
   * the created resource, made from this pattern with `:field`s taken from the response (`/api/jobs/:job_id`).
   */
  readonly accepted?: { readonly location: string };
  /**
   * Set for a route that streams: it answers Server-Sent Events, each event's data one `response` as JSON,
   * rather than one JSON body. Clients follow it with an event-stream reader, not a request.
   */
  readonly stream?: 'server-sent-events';
  /**
   * Set for a route that answers a document rather than JSON: the response's `content` is the body, its
   * `media_type` the Content-Type and its `filename` the Content-Disposition's (a tearsheet, a CSV table).
   */
  readonly document?: true;
}

/**
 * One use case, the single description every transport derives from: the CLI validates with `request` and
 * runs it; the API routes, guards, validates and documents it from `http`, `permission` and `response`;
 * `@aetherquant/client` types its calls with `http.request` and `response`; the job queue runs those
 * JOB_USE_CASE_NAMES lists. Browser-safe: the implementations live in `@aetherquant/workflows`, which names each by its key here.
 */
export interface UseCase {
  /** How messages name it: `backtest request: …`, `cannot run live trade …`. */
  readonly title: string;
  readonly summary: string;
  readonly description: string;
  readonly permission: Permission;
  /** The request as the CLI (and library callers) give it. */
  readonly request: z.ZodObject;
  /** What it resolves with: the JSON the CLI prints with `--json` and the API answers. */
  readonly response: z.ZodType;
  /** The type of the run it records in the database, or false for a use case that records none. */
  readonly records: RecordedRunType | false;
  /**
   * `compute`: CPU-heavy, so the API runs it on a compute thread under a deadline; `light`: answered on the
   * API's own thread (reads of a few rows, a static list).
   */
  readonly weight: 'light' | 'compute';
  /** The request limits it obeys when the caller sets them (the API does). */
  readonly limits: readonly RequestLimitName[];
  /** Its HTTP route; absent for a use case that only runs where it is called (the CLI). */
  readonly http?: HttpRoute;
  /**
   * Why it cannot run on a server, as the request field that decides it and the rule: shown when the CLI is
   * asked to run it remotely. Only for use cases without `http`.
   */
  readonly localOnly?: FieldViolation;
  /** Run only by an app itself, never by a workflow (the API answers `keycheck` from the caller it checked). */
  readonly appOnly?: true;
}
