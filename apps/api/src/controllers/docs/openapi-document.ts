import {
  API_ROUTES,
  type ApiRoute,
  ERROR_CODES,
  PERMISSION_MIN_ROLE,
  SERVER_REQUEST_LIMITS,
  USE_CASES,
} from '@aetherquant/core';
import { z } from 'zod';
import { HTTP_STATUS } from '../../common/http/error-status';
import { CHART_POINTS, MAX_BODY_BYTES } from '../../config/request-limits';

type JsonObject = Record<string, unknown>;

/**
 * A schema as JSON Schema (2020-12, as OpenAPI 3.1 uses): a request on its input side (defaults are
 * optional), a response on its output side (what the server sends).
 */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}

/** The 200 answer of a route: the response schema of each use case it answers, each with its example. */
function successResponse(route: ApiRoute): JsonObject {
  const schemas = route.useCases.map((member) => jsonSchema(USE_CASES[member.name].response, 'output'));
  const examples = Object.fromEntries(
    route.useCases.map((member, index) => {
      const example = (schemas[index]?.['examples'] as unknown[] | undefined)?.[0];
      return [member.name, { summary: USE_CASES[member.name].summary, value: example }];
    }),
  );
  const schema = schemas.length === 1 ? schemas[0] : { oneOf: schemas };
  if (route.stream === 'server-sent-events') {
    return {
      description:
        'A stream of Server-Sent Events: `event: status`, `data:` one object of this schema as JSON, at once and at every change; it ends after a finished one.',
      content: { 'text/event-stream': { schema: { type: 'string' }, 'x-event-data': schema } },
    };
  }
  if (route.document) {
    return {
      description:
        'The document itself (not JSON): the HTML page, or the CSV table `table` names, with its Content-Type and a Content-Disposition naming the file.',
      headers: {
        'Content-Disposition': {
          description: '`inline` for HTML, `attachment` for CSV, with `filename`.',
          schema: { type: 'string' },
        },
      },
      // What a client of the API returns for it (`@aetherquant/client` rebuilds it from the headers and body).
      content: {
        'text/html': { schema: { type: 'string' }, 'x-document': schema },
        'text/csv': { schema: { type: 'string' }, 'x-document': schema },
      },
    };
  }
  return {
    description: route.accepted
      ? 'Accepted: the work runs later; `Location` is its URL.'
      : 'The result, as the CLI prints it with `--json`.',
    ...(route.accepted
      ? { headers: { Location: { description: 'The URL to follow it at.', schema: { type: 'string' } } } }
      : {}),
    content: { 'application/json': { schema, examples } },
  };
}

const jsonResponse = (description: string, schema: JsonObject) => ({
  description,
  content: { 'application/json': { schema } },
});

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
});

/** Path `/api/runs/:id` → OpenAPI's `/api/runs/{id}`. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z_]+)/g, '{$1}');

function operation(endpoint: ApiRoute): JsonObject {
  const role = PERMISSION_MIN_ROLE[endpoint.permission];
  const pathParameters = [...endpoint.path.matchAll(/:([A-Za-z_]+)/g)].map((match) => match[1] as string);
  const schema = jsonSchema(endpoint.useCases[0]?.request ?? z.object({})) as {
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
  const bodySchemas = endpoint.useCases.map((member) => jsonSchema(member.request));
  return {
    operationId: endpoint.useCases[0]?.name,
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
      [endpoint.accepted ? '202' : '200']: successResponse(endpoint),
      '400': errorResponse('Bad input: `details` lists every field at fault with its rule.'),
      '401': errorResponse('No key, or a wrong one.'),
      '403': errorResponse(`The key's role lacks the \`${endpoint.permission}\` permission.`),
      '429': {
        ...errorResponse('Over the rate limit; `Retry-After` says how many seconds to wait.'),
        headers: { 'Retry-After': { schema: { type: 'integer' } } },
      },
      '503': errorResponse('The database, or the job queue, cannot be reached.'),
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
        responses: {
          '200': jsonResponse('`{status:"ok", version}`', {
            type: 'object',
            required: ['status', 'version'],
            properties: { status: { const: 'ok' }, version: { type: 'string' } },
            examples: [{ status: 'ok', version: version }],
          }),
        },
      },
    },
    '/readyz': {
      get: {
        operationId: 'readyz',
        summary: 'Readiness: the database answers and audit events are being written',
        security: [],
        tags: ['probes'],
        responses: {
          '200': jsonResponse('`{status:"ready"}`', {
            type: 'object',
            required: ['status'],
            properties: { status: { const: 'ready' } },
            examples: [{ status: 'ready' }],
          }),
          '503': jsonResponse('`{status:"not_ready", reason}`', {
            type: 'object',
            required: ['status', 'reason'],
            properties: { status: { const: 'not_ready' }, reason: { type: 'string' } },
          }),
        },
      },
    },
  };
  for (const route of API_ROUTES) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'AetherQuant API',
      version,
      description: [
        'Backtests, paper trading, optimisation, sweeps, market data and run history. Bodies and queries mirror the CLI flags in snake_case; responses mirror its JSON.',
        `Keys: \`X-API-Key\` or \`Authorization: Bearer\`; role \`trader\` or \`admin\`. Every response carries \`X-Request-ID\` and \`X-Process-Time-Ms\`.`,
        `Limits per request: body ${MAX_BODY_BYTES / 1024} KB, ${SERVER_REQUEST_LIMITS.maxSymbols} symbols, ${SERVER_REQUEST_LIMITS.maxBars} bars a symbol, ${SERVER_REQUEST_LIMITS.maxPortfolioBars} bars over all symbols, ${SERVER_REQUEST_LIMITS.maxSweepCombinations} sweep combinations (checked before any bar is loaded); charts carry at most ${CHART_POINTS} points.`,
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
