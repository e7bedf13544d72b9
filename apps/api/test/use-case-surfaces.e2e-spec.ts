import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import {
  API_ROUTES,
  type ApiHandlerSurface,
  type HttpUseCaseName,
  type OpenApiOperationSurface,
  PERMISSION_MIN_ROLE,
  routeOf,
  surfaceProblems,
  USE_CASES,
} from '@aetherquant/core';
import request from 'supertest';
import { API_CONTROLLERS } from '../src/app.module';
import { ENDPOINT_METADATA } from '../src/common/decorators/endpoint.decorator';
import { startTestApi, type TestApi, TRADER_KEY } from './support/test-api';

const ROOT = resolve(__dirname, '..', '..', '..');
const BIN = join(ROOT, 'node_modules', '.bin');

/** The `/api` handlers as Nest registers them: route metadata and the use case each names. */
function apiHandlers(): ApiHandlerSurface[] {
  return API_CONTROLLERS.flatMap((controller) => {
    const prototype = controller.prototype as unknown as Record<string, unknown>;
    return Object.getOwnPropertyNames(prototype).flatMap((member) => {
      const handler = prototype[member];
      if (typeof handler !== 'function') return [];
      const useCase = Reflect.getMetadata(ENDPOINT_METADATA, handler) as HttpUseCaseName | undefined;
      if (useCase === undefined) return [];
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string;
      // What the permission guard reads for this handler.
      return [{ method, path, useCase, permission: routeOf(useCase).permission }];
    });
  });
}

type JsonObject = Record<string, unknown>;

/**
 * An operation's success answer: 200, or 202 for work accepted to run later, as JSON; for an event stream,
 * the schema of each event's data; for a document, the object a client rebuilds from it.
 */
function successOf(operation: JsonObject): { schema: unknown; examples?: JsonObject } | undefined {
  const responses = operation['responses'] as Record<string, JsonObject>;
  const content = (responses['200'] ?? responses['202'])?.['content'] as
    Record<string, JsonObject> | undefined;
  const json = content?.['application/json'];
  if (json) return { schema: json['schema'], examples: json['examples'] as JsonObject | undefined };
  const stream = content?.['text/event-stream'];
  if (stream) return { schema: stream['x-event-data'] };
  // A document (a run's report): the object a client rebuilds from it.
  const document = content?.['text/html'];
  return document && { schema: document['x-document'] };
}

function openApiOperations(document: { paths: Record<string, Record<string, JsonObject>> }) {
  const operations: OpenApiOperationSurface[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const schema = successOf(operation)?.schema;
      operations.push({
        method,
        path: path.replace(/\{(\w+)\}/g, ':$1'),
        operationId: operation['operationId'] as string | undefined,
        documentsResponse: typeof schema === 'object' && schema !== null && Object.keys(schema).length > 0,
      });
    }
  }
  return operations;
}

describe('every transport agrees with the use-case catalog', () => {
  let api: TestApi;
  let document: { paths: Record<string, Record<string, JsonObject>> };
  beforeAll(async () => {
    api = await startTestApi();
    document = (await request(api.url).get('/api/openapi.json').expect(200)).body;
  });
  afterAll(() => api.close());

  it('each route of the catalog has its handler and its documented operation, and nothing else does', () => {
    const handlers = apiHandlers();
    expect(
      surfaceProblems(USE_CASES, { apiHandlers: handlers, openApi: openApiOperations(document) }),
    ).toEqual([]);
  });

  it('the running guard enforces each route permission as the catalog says (a trader is refused admin routes)', async () => {
    for (const route of API_ROUTES) {
      const path = route.path.replace(':id', 'no-such-run');
      const call = request(api.url)
        [route.method === 'GET' ? 'get' : route.method === 'POST' ? 'post' : 'delete'](path)
        .set('X-API-Key', TRADER_KEY);
      const { status } = await (route.method === 'POST' ? call.send({}) : call);
      if (PERMISSION_MIN_ROLE[route.permission] === 'admin')
        expect({ path, status }).toEqual({ path, status: 403 });
      else expect({ path, status: status === 403 }).toEqual({ path, status: false });
    }
  });

  it('/api/openapi.json is a valid OpenAPI 3.1 document with a response schema and example for every 200', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'aetherquant-openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const validation = spawnSync(
      process.execPath,
      [join(__dirname, 'support', 'validate-openapi.mjs'), file],
      {
        encoding: 'utf8',
      },
    );
    expect(validation.stderr).toBe('');
    expect(JSON.parse(validation.stdout)).toEqual({ valid: true, errors: [] });

    for (const operation of openApiOperations(document)) {
      expect({ ...operation, documentsResponse: true }).toEqual(operation);
    }
    for (const route of API_ROUTES) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      const success = successOf(document.paths[path]?.[route.method.toLowerCase()] as JsonObject);
      for (const member of route.useCases) {
        // The example shown is one the response schema accepts (an event's, in the schema of its data).
        const example = success?.examples
          ? (success.examples[member.name] as { value: unknown } | undefined)?.value
          : ((success?.schema as JsonObject)['examples'] as unknown[])[0];
        expect(USE_CASES[member.name].response.safeParse(example).success).toBe(true);
      }
    }
  });

  it('a client generated from the document (openapi-typescript) type-checks against @aetherquant/client', () => {
    const folder = mkdtempSync(join(tmpdir(), 'aetherquant-generated-client-'));
    writeFileSync(join(folder, 'openapi.json'), JSON.stringify(document));
    const generate = spawnSync(
      join(BIN, 'openapi-typescript'),
      [join(folder, 'openapi.json'), '--output', join(folder, 'generated.d.ts')],
      { encoding: 'utf8' },
    );
    expect(generate.status).toBe(0);

    // Each use case's result, as @aetherquant/client types it, is a value of the generated 200 (202) schema;
    // an event stream is followed with an event reader, not called; a document is not JSON (the client
    // rebuilds its object from the headers, checked by the client's own tests).
    const checks = API_ROUTES.filter((route) => route.stream === undefined && !route.document).flatMap(
      (route) => {
        const path = route.path.replace(/:(\w+)/g, '{$1}');
        const method = route.method.toLowerCase();
        return route.useCases.map(
          (member) => `export const ${member.name}: Ok<'${path}', '${method}'> = result<'${member.name}'>();`,
        );
      },
    );
    writeFileSync(
      join(folder, 'check.ts'),
      [
        "import { type ApiClient } from '@aetherquant/client';",
        "import { type paths } from './generated';",
        "type Json<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;",
        'type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {',
        '  responses: infer R;',
        '} ? (R extends { 200: infer A } ? Json<A> : R extends { 202: infer A } ? Json<A> : never) : never;',
        'declare const client: ApiClient;',
        "declare function result<N extends Parameters<ApiClient['call']>[0]>(): Awaited<ReturnType<typeof client.call<N>>>;",
        ...checks,
      ].join('\n'),
    );
    writeFileSync(
      join(folder, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'es2022',
          // The client's own library level (Intl's signDisplay 'negative' is ES2023; fetch is the DOM's).
          lib: ['es2023', 'dom'],
          module: 'commonjs',
          moduleResolution: 'bundler',
          customConditions: ['@aetherquant/source'],
          skipLibCheck: true,
          types: [],
          paths: {
            '@aetherquant/client': [join(ROOT, 'libs', 'client', 'src', 'index.ts')],
            '@aetherquant/core': [join(ROOT, 'libs', 'core', 'src', 'index.ts')],
            zod: [join(ROOT, 'node_modules', 'zod')],
          },
        },
        files: ['check.ts'],
      }),
    );
    const typecheck = spawnSync(join(BIN, 'tsc'), ['-p', join(folder, 'tsconfig.json')], {
      encoding: 'utf8',
    });
    expect(typecheck.stdout).toBe('');
    expect(typecheck.status).toBe(0);
  });
});
