import { applyDecorators, Get, HttpCode, Post, SetMetadata } from '@nestjs/common';
import { API_ENDPOINTS, type ApiEndpointName } from '@aetherquant/core';

/** Metadata key under which a handler names its endpoint (and so its permission). */
export const ENDPOINT_METADATA = 'aetherquant:endpoint';

/**
 * Routes a handler to an endpoint of `API_ENDPOINTS` and, through it, names the permission the
 * permission guard demands. The one decorator a `/api` handler needs: path, method and role come from
 * the table that also writes the OpenAPI document, so they cannot disagree.
 */
export function Endpoint(name: ApiEndpointName): MethodDecorator {
  const endpoint = API_ENDPOINTS[name];
  return applyDecorators(
    endpoint.method === 'GET' ? Get(endpoint.path) : Post(endpoint.path),
    // A computation answers 200, not POST's default 201: nothing is created at a new URL.
    HttpCode(200),
    SetMetadata(ENDPOINT_METADATA, name),
  );
}
