import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get, Header, Inject, Param, Req, Res } from '@nestjs/common';
import { AetherError } from '@aetherquant/core';
import { API_RUNTIME, type ApiRuntime } from '../../config/api-runtime';
import { type JsonLogger } from '../../common/logging/json-logger';
import { type ApiRequest, type ApiResponse } from '../../common/http/http-types';
import { sendApiError } from '../../common/http/send-api-error';
import { openApiDocument } from './openapi-document';

/**
 * The Swagger UI files the docs page loads, served from the swagger-ui-dist package: no CDN, works offline.
 * A Map, because the file name comes from the URL: a plain object would also "have" `constructor`.
 */
const UI_FILES: ReadonlyMap<string, string> = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
  ['favicon-32x32.png', 'image/png'],
]);

// The page and its script are files of ours, so the default Content-Security-Policy (no inline script)
// holds. Links are relative to /api/, so the page also works behind a proxy that mounts the API elsewhere.
const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AetherQuant API</title>
<link rel="stylesheet" href="docs/swagger-ui.css">
<link rel="icon" type="image/png" href="docs/favicon-32x32.png">
</head>
<body>
<div id="docs"></div>
<script src="docs/swagger-ui-bundle.js"></script>
<script src="docs/start.js"></script>
</body>
</html>
`;

const START_SCRIPT = `window.ui = SwaggerUIBundle({ url: 'openapi.json', dom_id: '#docs', deepLinking: true, persistAuthorization: false });\n`;

/** The OpenAPI document and a page to read and try it. Public: they describe the API, they grant nothing. */
@Controller()
export class DocsController {
  readonly #document: Record<string, unknown>;
  readonly #uiFolder: string;
  readonly #logger: JsonLogger;

  constructor(@Inject(API_RUNTIME) runtime: ApiRuntime) {
    this.#document = openApiDocument(runtime.version);
    this.#uiFolder = dirname(require.resolve('swagger-ui-dist/package.json'));
    this.#logger = runtime.logger;
  }

  @Get('/api/openapi.json')
  openapi(): Record<string, unknown> {
    return this.#document;
  }

  @Get('/api/docs')
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): string {
    return DOCS_PAGE;
  }

  @Get('/api/docs/start.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  startScript(): string {
    return START_SCRIPT;
  }

  @Get('/api/docs/:file')
  asset(@Param('file') file: string, @Req() request: ApiRequest, @Res() response: ApiResponse): void {
    const type = UI_FILES.get(file);
    if (type === undefined) throw new AetherError('NOT_FOUND', `no docs file ${file}`);
    response.setHeader('Content-Type', type);
    response.setHeader('Cache-Control', 'public, max-age=86400');
    const stream = createReadStream(join(this.#uiFolder, file));
    // A read error (a file missing from a broken install) must be answered, not left as an unhandled
    // 'error' event that ends the process. Before the first byte it can still be a JSON 500.
    stream.on('error', (error) => {
      this.#logger.write('error', 'docs file unreadable', {
        request_id: request.context.requestId,
        file,
        error: error.message,
      });
      if (response.headersSent) return void response.destroy();
      response.removeHeader('Cache-Control');
      const failure = new AetherError(
        'INTERNAL',
        'the docs page is unavailable; quote the request id when reporting it',
      );
      sendApiError(response, failure, request.context.requestId);
    });
    // A client that leaves mid-file must not keep the file open.
    response.once('close', () => stream.destroy());
    stream.pipe(response);
  }
}
