import {
  AetherError,
  type FieldViolation,
  LIVE_BROKER_PROVIDERS,
  type LiveBrokerProvider,
} from '@aetherquant/core';

import type { Broker } from '../broker/broker';
import { AlpacaBroker } from './alpaca-broker';
import type { BrokerHttpOptions } from './broker-http';
import { endpointTransportViolation } from './endpoint-transport';
import { GenericRestBroker } from './generic-rest-broker';

/** A live broker's API shape: the names core's settings define (`LIVE_BROKER_PROVIDERS`). */
export type LiveBrokerProviderName = LiveBrokerProvider;

export interface LiveBrokerOptions extends BrokerHttpOptions {
  provider: LiveBrokerProviderName;
  /** Base URL of the broker (`broker_endpoint`). */
  endpoint?: string;
  /** Bearer token for `generic-rest`, secret key for `alpaca` (`broker_token`). */
  token?: string;
  /** Alpaca's key id (`broker_key_id`); unused by `generic-rest`. */
  keyId?: string;
}

interface LiveBrokerCredentials {
  endpoint: string;
  token: string;
  keyId: string | undefined;
}

interface LiveBrokerBuilder {
  /** Whether the broker needs `broker_key_id` besides the endpoint and the token. */
  needsKeyId: boolean;
  create(http: BrokerHttpOptions, credentials: LiveBrokerCredentials): Broker;
}

/**
 * The broker of each provider core names: keyed by `LiveBrokerProvider`, so a provider added to the settings
 * without a broker here (or a broker here for a name the settings do not accept) fails to compile.
 */
const LIVE_BROKERS: { readonly [Provider in LiveBrokerProvider]: LiveBrokerBuilder } = {
  'generic-rest': {
    needsKeyId: false,
    create: (http, { endpoint, token }) => new GenericRestBroker({ ...http, endpoint, token }),
  },
  alpaca: {
    needsKeyId: true,
    create: (http, { endpoint, token, keyId }) =>
      new AlpacaBroker({ ...http, endpoint, keyId: keyId as string, secretKey: token }),
  },
};

/**
 * The live broker for `provider`. Throws one INVALID_ARGUMENT naming every missing option as settings
 * spell it (`broker_endpoint`, `broker_token`, `broker_key_id`), never quoting a secret, and an endpoint
 * that would send the credentials in clear (`http://` to a host that is not loopback, unless `allowInsecure`).
 */
export function createLiveBroker(options: LiveBrokerOptions): Broker {
  const { provider, endpoint, token, keyId, ...http } = options;
  const violations: FieldViolation[] = [];
  const builder = Object.hasOwn(LIVE_BROKERS, provider) ? LIVE_BROKERS[provider] : undefined;
  if (builder === undefined) {
    violations.push({
      field: 'broker_provider',
      rule: `must be ${LIVE_BROKER_PROVIDERS.join(' or ')} (got ${JSON.stringify(provider)})`,
    });
  }
  if (!endpoint) violations.push({ field: 'broker_endpoint', rule: 'is required for a live broker' });
  const transport = endpoint ? endpointTransportViolation(endpoint, http.allowInsecure) : null;
  if (transport) violations.push(transport);
  if (!token) violations.push({ field: 'broker_token', rule: 'is required for a live broker' });
  if (builder?.needsKeyId && !keyId) {
    violations.push({ field: 'broker_key_id', rule: `is required for ${provider}` });
  }
  if (violations.length > 0 || builder === undefined || !endpoint || !token)
    throw AetherError.invalid(violations, 'cannot create the live broker');
  return builder.create(http, { endpoint, token, keyId });
}
