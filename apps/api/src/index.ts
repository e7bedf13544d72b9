// The public API of aetherquant-web: start the REST API in-process (`aetherquant serve` and tests do).

export { createApiApp, type ApiApp, type ApiAppOptions } from './server/create-api-app';
export { startApiServer, type ApiServer, type ApiServerOptions } from './server/start-api-server';
export { type LogSink } from './common/logging/json-logger';
export { HTTP_STATUS } from './common/http/error-status';
