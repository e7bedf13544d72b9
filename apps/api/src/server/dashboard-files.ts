import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { static as serveStatic } from 'express';
import { isApiPath } from '../common/http/api-path';
import { type ApiRequest, type ApiResponse } from '../common/http/http-types';

/**
 * The folder of the dashboard's built files: `dist/dashboard` beside the compiled server (the build copies
 * them there), also found from the sources when the API runs from them (tests). None when not built.
 */
export function dashboardFolder(): string | undefined {
  return [join(__dirname, '..', 'dashboard'), join(__dirname, '..', '..', 'dist', 'dashboard')].find(
    (folder) => existsSync(join(folder, 'index.html')),
  );
}

/**
 * Serves the dashboard's files, never under `/api`: a file reached through an API path
 * (`/api/x/..%2f..%2findex.html`) would be answered 200 without a key, past the rate limit, with an audit
 * row per request. API paths go on to the routes (and their 404), limited and audited like any other.
 */
export function dashboardFiles(folder: string) {
  const serve = serveStatic(folder, {
    index: 'index.html',
    redirect: false,
    // File names under assets/ carry a content hash: cache them for good; index.html must be fresh.
    setHeaders: (response, path) =>
      response.setHeader(
        'Cache-Control',
        path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ),
  });
  return (request: ApiRequest, response: ApiResponse, next: () => void): void => {
    if (isApiPath(request.path)) return next();
    serve(request as never, response as never, next);
  };
}
