import { API_ENDPOINTS, type ApiEndpoint, ERROR_CODES, PERMISSION_MIN_ROLE } from '@aetherquant/core';
import { z } from 'zod';
import { HTTP_STATUS } from '../../common/http/error-status';
import { CHART_POINTS, MAX_BODY_BYTES, REQUEST_LIMITS } from '../../config/request-limits';

type JsonObject = Record<string, unknown>;

/** A request schema as JSON Schema (2020-12, as OpenAPI 3.1 uses), input side: defaults are optional. */
function jsonSchema(schema: z.ZodType): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return rest;
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
});

/** Path `/api/runs/:id` → OpenAPI's `/api/runs/{id}`. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z_]+)/g, '{$1}');

function operation(name: string, endpoint: ApiEndpoint): JsonObject {
  const role = PERMISSION_MIN_ROLE[endpoint.permission];
  const pathParameters = [...endpoint.path.matchAll(/:([A-Za-z_]+)/g)].map((match) => match[1] as string);
  const schema = jsonSchema(endpoint.request) as {
    properties?: Record<string, JsonObject>;
    required?: string[];
  };
  const parameters =
    endpoint.input === 'query'
      ? Object.entries(schema.properties ?? {}).map(([field, fieldSchema]) => ({
          name: field,
          in: pathParameters.includes(field) ? 'path' : 'query',
          required: pathParameters.includes(field) || (schema.required ?? []).includes(field),
          schema: fieldSchema,
        }))
      : [];
  const bodySchemas = [endpoint.request, ...(endpoint.variants ?? []).map((variant) => variant.request)].map(
    jsonSchema,
  );
  return {
    operationId: name,
    summary: endpoint.summary,
    description: `${endpoint.description}\n\nNeeds the \`${endpoint.permission}\` permission (role \`${role}\` or above).`,
    tags: [role],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(endpoint.input === 'body'
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: bodySchemas.length === 1 ? bodySchemas[0] : { oneOf: bodySchemas },
              },
            },
          },
        }
      : {}),
    responses: {
      '200': { description: 'The result, as the CLI prints it.', content: { 'application/json': {} } },
      '400': errorResponse('Bad input: `details` lists every field at fault with its rule.'),
      '401': errorResponse('No key, or a wrong one.'),
      '403': errorResponse(`The key's role lacks the \`${endpoint.permission}\` permission.`),
      '429': {
        ...errorResponse('Over the rate limit; `Retry-After` says how many seconds to wait.'),
        headers: { 'Retry-After': { schema: { type: 'integer' } } },
      },
      '503': errorResponse('The database cannot be reached.'),
    },
  };
}

/**
 * The OpenAPI 3.1 document of the API, built from the same table and schemas that route and validate
 * requests, so the document cannot drift from what the server accepts.
 */
export function openApiDocument(version: string): JsonObject {
  const paths: Record<string, JsonObject> = {
    '/healthz': {
      get: {
        operationId: 'healthz',
        summary: 'Liveness',
        security: [],
        tags: ['probes'],
        responses: { '200': { description: '`{status:"ok", version}`' } },
      },
    },
    '/readyz': {
      get: {
        operationId: 'readyz',
        summary: 'Readiness: the database answers and audit events are being written',
        security: [],
        tags: ['probes'],
        responses: {
          '200': { description: '`{status:"ready"}`' },
          '503': { description: '`{status:"not_ready", reason}`' },
        },
      },
    },
  };
  for (const [name, endpoint] of Object.entries(API_ENDPOINTS) as [string, ApiEndpoint][]) {
    const path = openApiPath(endpoint.path);
    paths[path] = { ...paths[path], [endpoint.method.toLowerCase()]: operation(name, endpoint) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'AetherQuant API',
      version,
      description: [
        'Backtests, paper trading, optimisation, sweeps, market data and run history. Bodies and queries mirror the CLI flags in snake_case; responses mirror its JSON.',
        `Keys: \`X-API-Key\` or \`Authorization: Bearer\`; role \`trader\` or \`admin\`. Every response carries \`X-Request-ID\` and \`X-Process-Time-Ms\`.`,
        `Limits per request: body ${MAX_BODY_BYTES / 1024} KB, ${REQUEST_LIMITS.maxSymbols} symbols, ${REQUEST_LIMITS.maxBars} bars a symbol, ${REQUEST_LIMITS.maxPortfolioBars} bars over all symbols, ${REQUEST_LIMITS.maxSweepCombinations} sweep combinations (checked before any bar is loaded); charts carry at most ${CHART_POINTS} points.`,
      ].join('\n\n'),
    },
    security: [{ apiKey: [] }, { bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      schemas: {
        ErrorBody: {
          type: 'object',
          required: ['error', 'requestId'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message', 'details'],
              properties: {
                code: {
                  type: 'string',
                  enum: [...ERROR_CODES],
                  description: Object.entries(HTTP_STATUS)
                    .map(([code, status]) => `${code} → ${status}`)
                    .join(', '),
                },
                message: { type: 'string' },
                details: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['field', 'rule'],
                    properties: { field: { type: 'string' }, rule: { type: 'string' } },
                  },
                },
              },
            },
            requestId: { type: 'string' },
          },
        },
      },
    },
  };
}
