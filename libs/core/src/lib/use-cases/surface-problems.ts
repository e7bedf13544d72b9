import { catalogProblems, deriveRoutes } from './http-routes';
import { type UseCase } from './use-case';

/** An API handler as the running server registered it: its route and the use case its metadata names. */
export interface ApiHandlerSurface {
  readonly method: string;
  readonly path: string;
  readonly useCase: string;
  /** The permission the permission guard demands of it. */
  readonly permission: string;
}

/** An operation of the OpenAPI document the server serves. */
export interface OpenApiOperationSurface {
  readonly method: string;
  /** Express-style (`/api/runs/:id`). */
  readonly path: string;
  readonly operationId?: string;
  /** Whether its 200 answer has a (non-empty) schema. */
  readonly documentsResponse: boolean;
}

/** A CLI command: the use cases it runs, and whether it offers remote mode (`--api-url`). */
export interface CliCommandSurface {
  readonly id: string;
  readonly useCases: readonly string[];
  readonly remote: boolean;
}

/** What each transport actually exposes, read from the running apps by their tests. */
export interface UseCaseSurfaces {
  readonly apiHandlers?: readonly ApiHandlerSurface[];
  readonly openApi?: readonly OpenApiOperationSurface[];
  readonly cliCommands?: readonly CliCommandSurface[];
}

/**
 * Where the transports disagree with the catalog, one sentence each (empty when they all agree): an endpoint
 * without a handler or a handler without an endpoint, a permission the guard enforces that the catalog does
 * not name, an undocumented route or response, a CLI command running a use case that does not exist or whose
 * remote mode has no route to call. The apps' tests read their real surfaces and call this.
 */
export function surfaceProblems(
  catalog: Readonly<Record<string, UseCase>>,
  surfaces: UseCaseSurfaces,
): string[] {
  const problems = catalogProblems(catalog);
  if (problems.length > 0) return problems;
  const routes = deriveRoutes(catalog);
  const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

  if (surfaces.apiHandlers) {
    const handlers = new Map(
      surfaces.apiHandlers.map((handler) => [key(handler.method, handler.path), handler]),
    );
    for (const route of routes) {
      const handler = handlers.get(key(route.method, route.path));
      const main = route.useCases[0]?.name;
      if (!handler) {
        problems.push(`${key(route.method, route.path)} (${main}): no API handler serves it`);
        continue;
      }
      if (handler.useCase !== main) {
        problems.push(
          `${key(route.method, route.path)}: its handler runs ${handler.useCase}, the catalog says ${main}`,
        );
      }
      if (handler.permission !== route.permission) {
        problems.push(
          `${key(route.method, route.path)}: the guard demands ${handler.permission}, the catalog says ${route.permission}`,
        );
      }
    }
    const routeKeys = new Set(routes.map((route) => key(route.method, route.path)));
    for (const handler of surfaces.apiHandlers) {
      if (!routeKeys.has(key(handler.method, handler.path))) {
        problems.push(
          `${key(handler.method, handler.path)} (${handler.useCase}): a handler the catalog has no route for`,
        );
      }
    }
  }

  if (surfaces.openApi) {
    const operations = new Map(
      surfaces.openApi.map((operation) => [key(operation.method, operation.path), operation]),
    );
    for (const route of routes) {
      const operation = operations.get(key(route.method, route.path));
      if (!operation) problems.push(`${key(route.method, route.path)}: missing from the OpenAPI document`);
      else if (!operation.documentsResponse) {
        problems.push(`${key(route.method, route.path)}: its OpenAPI 200 answer has no schema`);
      }
    }
    const routeKeys = new Set(routes.map((route) => key(route.method, route.path)));
    for (const operation of surfaces.openApi) {
      if (operation.path.startsWith('/api/') && !routeKeys.has(key(operation.method, operation.path))) {
        problems.push(
          `${key(operation.method, operation.path)}: documented, but the catalog has no such route`,
        );
      }
    }
  }

  for (const command of surfaces.cliCommands ?? []) {
    for (const name of command.useCases) {
      const useCase = Object.hasOwn(catalog, name) ? catalog[name] : undefined;
      if (!useCase) {
        problems.push(`aetherquant ${command.id}: runs ${name}, which the catalog does not have`);
      } else if (command.remote && !useCase.http && !useCase.localOnly) {
        problems.push(
          `aetherquant ${command.id}: offers --api-url, but ${name} has no route (nor a reason to stay local)`,
        );
      }
    }
  }
  return problems;
}
