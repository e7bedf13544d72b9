import { applyDecorators, Delete, Get, HttpCode, Post, SetMetadata } from '@nestjs/common';
import { type HttpUseCaseName, routeOf } from '@aetherquant/core';

const ROUTE_DECORATORS = { GET: Get, POST: Post, DELETE: Delete } as const;

/** Metadata key under which a handler names the use case it serves (and so its route and permission). */
export const ENDPOINT_METADATA = 'aetherquant:endpoint';

/**
 * Routes a handler to the route of use case `name` in the use-case catalog (the route's main use case: the
 * others sharing it are told apart from the input) and, through it, names the permission the permission guard
 * demands. The one decorator a `/api` handler needs: path, method and role come from the catalog that also
 * writes the OpenAPI document and the client, so they cannot disagree.
 */
export function Endpoint(name: HttpUseCaseName): MethodDecorator {
  const route = routeOf(name);
  return applyDecorators(
    ROUTE_DECORATORS[route.method](route.path),
    // A computation answers 200, not POST's default 201: nothing is created at a new URL. Work started to
    // finish later (a job) answers 202 Accepted, its `Location` set by the runner.
    HttpCode(route.accepted ? 202 : 200),
    SetMetadata(ENDPOINT_METADATA, name),
  );
}
