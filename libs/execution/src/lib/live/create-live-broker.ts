import { AetherError, type FieldViolation } from '@aetherquant/core';

import type { Broker } from '../broker/broker';
import { AlpacaBroker } from './alpaca-broker';
import type { BrokerHttpOptions } from './broker-http';
import { endpointTransportViolation } from './endpoint-transport';
import { GenericRestBroker } from './generic-rest-broker';

export type LiveBrokerProviderName = 'generic-rest' | 'alpaca';

export interface LiveBrokerOptions extends BrokerHttpOptions {
  provider: LiveBrokerProviderName;
  /** Base URL of the broker (`broker_endpoint`). */
  endpoint?: string;
  /** Bearer token for `generic-rest`, secret key for `alpaca` (`broker_token`). */
  token?: string;
  /** Alpaca's key id (`broker_key_id`); unused by `generic-rest`. */
  keyId?: string;
}

/**
 * The live broker for `provider`. Throws one INVALID_ARGUMENT naming every missing option as settings
 * spell it (`broker_endpoint`, `broker_token`, `broker_key_id`), never quoting a secret, and an endpoint
 * that would send the credentials in clear (`http://` to a host that is not loopback, unless `allowInsecure`).
 */
export function createLiveBroker(options: LiveBrokerOptions): Broker {
  const { provider, endpoint, token, keyId, ...http } = options;
  const violations: FieldViolation[] = [];
  if (provider !== 'generic-rest' && provider !== 'alpaca') {
    violations.push({ field: 'broker_provider', rule: 'must be generic-rest or alpaca' });
  }
  if (!endpoint) violations.push({ field: 'broker_endpoint', rule: 'is required for a live broker' });
  const transport = endpoint ? endpointTransportViolation(endpoint, http.allowInsecure) : null;
  if (transport) violations.push(transport);
  if (!token) violations.push({ field: 'broker_token', rule: 'is required for a live broker' });
  if (provider === 'alpaca' && !keyId)
    violations.push({ field: 'broker_key_id', rule: 'is required for alpaca' });
  if (violations.length > 0 || !endpoint || !token)
    throw AetherError.invalid(violations, 'cannot create the live broker');
  if (provider === 'alpaca')
    return new AlpacaBroker({ ...http, endpoint, keyId: keyId as string, secretKey: token });
  return new GenericRestBroker({ ...http, endpoint, token });
}
