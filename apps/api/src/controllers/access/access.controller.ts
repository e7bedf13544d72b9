import { Controller, Req } from '@nestjs/common';
import { type KeycheckReport, type Role } from '@aetherquant/core';
import { Endpoint } from '../../common/decorators/endpoint.decorator';
import { type ApiRequest } from '../../common/http/http-types';
import { endpointInput } from '../../common/validation/endpoint-input';

/** Lets a client (the dashboard, a phone) check a pasted key and learn what it may show. */
@Controller()
export class AccessController {
  @Endpoint('keycheck')
  keycheck(@Req() request: ApiRequest): KeycheckReport {
    endpointInput('keycheck', request);
    // The permission guard has let only callers with a role through.
    return { status: 'ok', role: request.context.caller.role as Role };
  }
}
