// The public API of @aetherquant/client. Browser-safe: it uses fetch and nothing of Node.

export {
  createApiClient,
  DEFAULT_TIMEOUT_MS,
  type ApiClient,
  type ApiClientOptions,
  type CallOptions,
  type HealthStatus,
  type Readiness,
} from './lib/api-client/api-client';
