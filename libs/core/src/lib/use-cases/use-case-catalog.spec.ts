import { z } from 'zod';
import { PERMISSIONS } from '../access/access-policy';
import { RECORDED_RUN_TYPES } from '../requests/history-requests';
import { API_ROUTES, catalogProblems, endpointPath, routeOf, useCaseFor } from './http-routes';
import { surfaceProblems, type UseCaseSurfaces } from './surface-problems';
import { type UseCase } from './use-case';
import { USE_CASE_NAMES, USE_CASES } from './use-case-catalog';

const catalog: Record<string, UseCase> = USE_CASES;

/** The surfaces a correct API and CLI expose for `catalog`, built independently of the derivation. */
function faithfulSurfaces(): UseCaseSurfaces {
  const apiHandlers = USE_CASE_NAMES.flatMap((name) => {
    const http = catalog[name]?.http;
    if (!http || http.when !== undefined) return [];
    return [
      {
        method: http.method,
        path: http.path,
        useCase: name,
        permission: (catalog[name] as UseCase).permission,
      },
    ];
  });
  return {
    apiHandlers,
    openApi: apiHandlers.map((handler) => ({ ...handler, documentsResponse: true })),
    cliCommands: [
      { id: 'backtest', useCases: ['backtest', 'portfolioBacktest'], remote: true },
      { id: 'papertrade', useCases: ['papertrade', 'liveTrade'], remote: true },
      { id: 'walk-forward', useCases: ['walkForward'], remote: false },
    ],
  };
}

/** A copy of the catalog with `name`'s entry changed. */
function withEntry(name: string, change: Partial<UseCase>): Record<string, UseCase> {
  return { ...catalog, [name]: { ...(catalog[name] as UseCase), ...change } };
}

describe('the use-case catalog', () => {
  it('is consistent, and every transport surface derived from it agrees', () => {
    expect(catalogProblems(catalog)).toEqual([]);
    expect(surfaceProblems(catalog, faithfulSurfaces())).toEqual([]);
  });

  it('names only permissions the access policy knows, and records every run type some use case makes', () => {
    for (const useCase of Object.values(catalog)) expect(PERMISSIONS).toContain(useCase.permission);
    const recorded = new Set(
      Object.values(catalog).flatMap((useCase) => (useCase.records ? [useCase.records] : [])),
    );
    expect([...recorded].sort()).toEqual([...RECORDED_RUN_TYPES].sort());
  });

  it('derives one route per path and method, the portfolio backtest sharing the backtest route by `symbols`', () => {
    const backtest = routeOf('backtest');
    expect(routeOf('portfolioBacktest')).toBe(backtest);
    expect(backtest.useCases.map((member) => member.name)).toEqual(['backtest', 'portfolioBacktest']);
    expect(useCaseFor(backtest, { symbol: 'SPY' }).name).toBe('backtest');
    expect(useCaseFor(backtest, { symbols: ['SPY', 'TLT'] }).name).toBe('portfolioBacktest');
    // Inherited names are not fields the client sent.
    expect(useCaseFor(backtest, Object.create({ symbols: [] }) as object).name).toBe('backtest');
    const keys = API_ROUTES.map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(endpointPath('/api/runs/:id', { id: 'a b/c' })).toBe('/api/runs/a%20b%2Fc');
  });

  it('never lets a remote caller name a server path: no HTTP request takes data_dir or output', () => {
    for (const route of API_ROUTES) {
      for (const member of route.useCases) {
        expect(Object.keys(member.request.shape)).not.toContain('data_dir');
        expect(Object.keys(member.request.shape)).not.toContain('output');
      }
    }
  });
});

describe('the consistency check fails on a deliberately broken entry', () => {
  const surfaces = faithfulSurfaces();

  it('an endpoint without a handler', () => {
    // Given a route, walk-forward no longer needs its reason to stay local.
    const { localOnly: _reason, ...walkForward } = catalog['walkForward'] as UseCase;
    const broken = {
      ...catalog,
      walkForward: {
        ...walkForward,
        http: {
          method: 'POST',
          path: '/api/walk-forward',
          input: 'body',
          request: USE_CASES.walkForward.request,
        },
      } satisfies UseCase,
    };
    expect(surfaceProblems(broken, surfaces)).toEqual(
      expect.arrayContaining([
        'POST /api/walk-forward (walkForward): no API handler serves it',
        'POST /api/walk-forward: missing from the OpenAPI document',
      ]),
    );
  });

  it('a permission the guard enforces differently from the catalog', () => {
    const broken = withEntry('runs', { permission: 'backtest' });
    expect(surfaceProblems(broken, surfaces)).toContain(
      'GET /api/runs: the guard demands runs, the catalog says backtest',
    );
  });

  it('a handler (or a documented operation) the catalog has no route for', () => {
    const { http: _route, ...withoutRoute } = catalog['audit'] as UseCase;
    const broken = { ...catalog, audit: withoutRoute };
    expect(surfaceProblems(broken, surfaces)).toEqual([
      'GET /api/audit (audit): a handler the catalog has no route for',
      'GET /api/audit: documented, but the catalog has no such route',
    ]);
  });

  it('a CLI command whose remote mode would call a use case without a route', () => {
    const { localOnly: _reason, ...withoutReason } = catalog['liveTrade'] as UseCase;
    expect(surfaceProblems({ ...catalog, liveTrade: withoutReason }, surfaces)).toEqual([
      'aetherquant papertrade: offers --api-url, but liveTrade has no route (nor a reason to stay local)',
    ]);
    expect(
      surfaceProblems(catalog, { cliCommands: [{ id: 'backtest', useCases: ['backtests'], remote: true }] }),
    ).toEqual(['aetherquant backtest: runs backtests, which the catalog does not have']);
  });

  it('two use cases of one route that need different permissions, or cannot be told apart', () => {
    expect(catalogProblems(withEntry('portfolioBacktest', { permission: 'optimize' }))).toEqual([
      'POST /api/backtest: portfolioBacktest needs optimize but backtest needs backtest',
    ]);
    const sharedField = withEntry('portfolioBacktest', {
      http: {
        ...USE_CASES.portfolioBacktest.http,
        when: 'symbol',
        request: z.object({ symbol: z.string() }),
      },
    });
    expect(catalogProblems(sharedField)).toContain(
      'POST /api/backtest: portfolioBacktest is told apart by symbol, a field backtest also takes',
    );
  });

  it('an HTTP request with a field the use case itself does not take', () => {
    const broken = withEntry('strategies', {
      http: {
        method: 'GET',
        path: '/api/strategies',
        input: 'query',
        request: z.object({ verbose: z.boolean() }),
      },
    });
    expect(catalogProblems(broken)).toEqual([
      'strategies: its HTTP request has verbose, its request does not',
    ]);
  });

  it('a job that is not a compute use case, or not a use case at all; a stream no app answers', () => {
    expect(catalogProblems(withEntry('sweep', { weight: 'light' }))).toEqual([
      'sweep: a job must be a compute use case',
    ]);
    const { walkForward: _dropped, ...withoutWalkForward } = catalog;
    expect(catalogProblems(withoutWalkForward)).toEqual([
      'walkForward: runs as a job, but is not a use case',
    ]);
    const { appOnly: _app, ...answeredByAWorkflow } = catalog['jobEvents'] as UseCase;
    expect(catalogProblems({ ...catalog, jobEvents: answeredByAWorkflow })).toEqual([
      'jobEvents: streams events, which only an app answers (appOnly)',
    ]);
  });
});
