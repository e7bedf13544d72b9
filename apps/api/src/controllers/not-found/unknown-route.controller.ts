import { All, Controller, Req } from '@nestjs/common';
import { AetherError } from '@aetherquant/core';
import { type ApiRequest } from '../../common/http/http-types';

/**
 * Every `/api` path no other route serves, registered last: a route of its own so that the rate limit (a
 * guard, which runs on matched routes only) counts unknown paths too, and floods of them are throttled.
 */
@Controller()
export class UnknownRouteController {
  @All('/api/*path')
  unknown(@Req() request: ApiRequest): never {
    throw new AetherError('NOT_FOUND', `no route ${request.method ?? 'GET'} ${request.path}`);
  }
}
