import { applyDecorators, Get, HttpCode, Post, SetMetadata } from '@nestjs/common';
import { type HttpUseCaseName, routeOf } from '@aetherquant/core';

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
    route.method === 'GET' ? Get(route.path) : Post(route.path),
    // A computation answers 200, not POST's default 201: nothing is created at a new URL.
    HttpCode(200),
    SetMetadata(ENDPOINT_METADATA, name),
  );
}
