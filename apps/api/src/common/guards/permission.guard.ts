import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AetherError, type HttpUseCaseName, roleCan, routeOf } from '@aetherquant/core';
import { ENDPOINT_METADATA } from '../decorators/endpoint.decorator';
import { type ApiRequest } from '../http/http-types';

/**
 * The one guard of roles: the use case a handler serves names a permission; the caller's role (resolved
 * from the key before any guard runs) must hold it under the access policy of core. No role → 401, a role
 * without the permission → 403. Handlers that serve no endpoint (health, docs) are public.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const name = this.reflector.get<HttpUseCaseName | undefined>(ENDPOINT_METADATA, context.getHandler());
    if (name === undefined) return true;
    // Every use case of a route needs the same permission (the catalog's consistency check says so).
    const { permission } = routeOf(name);
    const { caller } = context.switchToHttp().getRequest<ApiRequest>().context;
    if (caller.role === undefined) {
      throw new AetherError(
        'UNAUTHORIZED',
        caller.presentedKey
          ? 'invalid API key'
          : 'missing API key: send it as X-API-Key: <key> or Authorization: Bearer <key>',
      );
    }
    if (!roleCan(caller.role, permission)) {
      throw new AetherError(
        'FORBIDDEN',
        `the ${caller.role} role does not hold the ${permission} permission`,
      );
    }
    return true;
  }
}
