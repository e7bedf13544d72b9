import { type z } from 'zod';
import { type Permission } from '../access/access-policy';
import { JOB_USE_CASE_NAMES } from '../jobs/job-schemas';
import { type HttpUseCaseName, USE_CASES } from './use-case-catalog';
import { type HttpMethod, type UseCase } from './use-case';

/** One use case a route answers, and the field that tells its requests apart (absent for the route's main one). */
export interface RouteUseCase {
  readonly name: HttpUseCaseName;
  readonly request: z.ZodObject;
  readonly when?: string;
}

/**
 * One route of the REST API, derived from the use-case catalog: the use cases that answer it (usually one;
 * `POST /api/backtest` answers the backtest and, given `symbols`, the portfolio backtest), the permission they
 * share, and the words its documentation shows (the main use case's).
 */
export interface ApiRoute {
  readonly method: HttpMethod;
  readonly path: string;
  readonly input: 'body' | 'query';
  readonly permission: Permission;
  /** The main use case first (the one without `when`), then the others in catalog order. */
  readonly useCases: readonly RouteUseCase[];
  readonly summary: string;
  readonly description: string;
  /** 202 Accepted with a `Location` instead of 200 (see HttpRoute.accepted). */
  readonly accepted?: { readonly location: string };
  /** Server-Sent Events instead of one JSON body (see HttpRoute.stream). */
  readonly stream?: 'server-sent-events';
  /** A document (HTML, CSV) instead of JSON (see HttpRoute.document). */
  readonly document?: true;
}

/**
 * What is wrong with a catalog as the transports would read it, one sentence each (empty when nothing is).
 * The catalog is checked by a test with this function, and routes are derived only from a catalog that passes.
 */
export function catalogProblems(catalog: Readonly<Record<string, UseCase>>): string[] {
  const problems: string[] = [];
  const byRoute = new Map<string, [string, UseCase][]>();
  for (const [name, useCase] of Object.entries(catalog)) {
    if (useCase.http && useCase.localOnly) problems.push(`${name}: has a route, so it cannot be local-only`);
    if (useCase.appOnly && !useCase.http)
      problems.push(`${name}: is answered by an app, so it needs a route`);
    if (useCase.http?.stream && !useCase.appOnly)
      problems.push(`${name}: streams events, which only an app answers (appOnly)`);
    if (!useCase.http) continue;
    const key = `${useCase.http.method} ${useCase.http.path}`;
    byRoute.set(key, [...(byRoute.get(key) ?? []), [name, useCase]]);
    const requestFields = Object.keys(useCase.http.request.shape);
    const localFields = new Set(Object.keys(useCase.request.shape));
    for (const field of requestFields) {
      if (!localFields.has(field))
        problems.push(`${name}: its HTTP request has ${field}, its request does not`);
    }
  }
  for (const name of JOB_USE_CASE_NAMES) {
    if (!Object.hasOwn(catalog, name)) problems.push(`${name}: runs as a job, but is not a use case`);
    else if (catalog[name]?.weight !== 'compute') problems.push(`${name}: a job must be a compute use case`);
  }
  for (const [key, members] of byRoute) {
    const mains = members.filter(([, useCase]) => useCase.http?.when === undefined);
    if (mains.length !== 1) {
      problems.push(
        `${key}: needs exactly one use case without "when", has ${mains.map(([n]) => n).join(', ') || 'none'}`,
      );
    }
    const [first] = members;
    const main = mains[0] ?? first;
    if (!main) continue;
    for (const [name, useCase] of members) {
      if (useCase.permission !== main[1].permission) {
        problems.push(
          `${key}: ${name} needs ${useCase.permission} but ${main[0]} needs ${main[1].permission}`,
        );
      }
      if (useCase.http?.input !== main[1].http?.input)
        problems.push(`${key}: ${name} reads its input elsewhere`);
      const when = useCase.http?.when;
      if (when !== undefined && Object.hasOwn(main[1].http?.request.shape ?? {}, when)) {
        problems.push(`${key}: ${name} is told apart by ${when}, a field ${main[0]} also takes`);
      }
      if (when !== undefined && !Object.hasOwn(useCase.http?.request.shape ?? {}, when)) {
        problems.push(`${key}: ${name} is told apart by ${when}, a field its own request lacks`);
      }
    }
  }
  return problems;
}

/** The routes of `catalog`, in the order their main use cases appear. */
export function deriveRoutes(catalog: Readonly<Record<string, UseCase>>): ApiRoute[] {
  const problems = catalogProblems(catalog);
  if (problems.length > 0) throw new Error(`the use-case catalog is inconsistent: ${problems.join('; ')}`);
  const routes = new Map<string, { main?: [string, UseCase]; useCases: RouteUseCase[] }>();
  for (const [name, useCase] of Object.entries(catalog)) {
    const http = useCase.http;
    if (!http) continue;
    const key = `${http.method} ${http.path}`;
    const route = routes.get(key) ?? { useCases: [] };
    const member: RouteUseCase = { name: name as HttpUseCaseName, request: http.request, when: http.when };
    if (http.when === undefined) {
      route.main = [name, useCase];
      route.useCases.unshift(member);
    } else {
      route.useCases.push(member);
    }
    routes.set(key, route);
  }
  return [...routes.values()].map(({ main, useCases }) => {
    const [, useCase] = main as [string, UseCase];
    const http = useCase.http as NonNullable<UseCase['http']>;
    return {
      method: http.method,
      path: http.path,
      input: http.input,
      permission: useCase.permission,
      useCases,
      summary: useCase.summary,
      description: useCase.description,
      ...(http.accepted ? { accepted: http.accepted } : {}),
      ...(http.stream ? { stream: http.stream } : {}),
      ...(http.document ? { document: http.document } : {}),
    };
  });
}

/** Every `/api` route of the catalog. */
export const API_ROUTES: readonly ApiRoute[] = Object.freeze(deriveRoutes(USE_CASES));

const ROUTE_OF_USE_CASE = new Map(
  API_ROUTES.flatMap((route) => route.useCases.map((member) => [member.name, route] as const)),
);

/** The route that answers use case `name`. */
export function routeOf(name: HttpUseCaseName): ApiRoute {
  return ROUTE_OF_USE_CASE.get(name) as ApiRoute;
}

/** `/api/runs/:id` with `{ id: 'x' }` → `/api/runs/x` (each value URI-encoded). */
export function endpointPath(path: string, parameters: Readonly<Record<string, string>> = {}): string {
  return path.replace(/:([A-Za-z_]+)/g, (_match, name: string) => {
    const value = parameters[name];
    if (value === undefined) throw new TypeError(`path parameter ${name} is missing`);
    return encodeURIComponent(value);
  });
}

/**
 * The use case of `route` that `input` is meant for: another than the main one when its discriminating field
 * is present (own properties only: the input is the client's, and every object "has" `constructor`).
 */
export function useCaseFor(route: ApiRoute, input: unknown): RouteUseCase {
  const [main, ...others] = route.useCases as [RouteUseCase, ...RouteUseCase[]];
  if (typeof input === 'object' && input !== null) {
    for (const member of others) if (Object.hasOwn(input, member.when as string)) return member;
  }
  return main;
}
