import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProjectGraphAsync } from '@nx/devkit';
import { WORKSPACE_ROOT } from './workspace-root';

const rule = require('../lint/dependency-rule.cjs') as {
  scopeDependencies: Record<string, string[]>;
  DOMAIN_SCOPES: string[];
  LIBRARY_SCOPES: string[];
  STORAGE_PACKAGES: string[];
  depConstraints: Array<{
    sourceTag: string;
    bannedExternalImports?: string[];
    allowedExternalImports?: string[];
  }>;
};

describe('the dependency rule as data (docs/ARCHITECTURE.md)', () => {
  const allowed = (from: string) => rule.scopeDependencies[from] ?? [];

  it('has a line for every planned project', () => {
    expect(Object.keys(rule.scopeDependencies).sort()).toEqual(
      [
        'scope:api',
        'scope:backtest',
        'scope:cli',
        'scope:client',
        'scope:core',
        'scope:dashboard',
        'scope:data',
        'scope:execution',
        'scope:indicators',
        'scope:optimization',
        'scope:persistence',
        'scope:risk',
        'scope:strategies',
        'scope:tearsheet',
        'scope:testing',
        'scope:tools',
        'scope:workflows',
      ].sort(),
    );
  });

  it('lets core depend on nothing of ours', () => {
    expect(allowed('scope:core')).toEqual([]);
  });

  it('keeps domain libraries away from persistence, workflows and the apps', () => {
    for (const scope of rule.DOMAIN_SCOPES) {
      for (const forbidden of [
        'scope:persistence',
        'scope:workflows',
        'scope:api',
        'scope:cli',
        'scope:dashboard',
      ]) {
        expect(allowed(scope)).not.toContain(forbidden);
      }
    }
  });

  it('lets only workflows, apps and tools use backtest', () => {
    const users = Object.keys(rule.scopeDependencies).filter((scope) =>
      allowed(scope).includes('scope:backtest'),
    );
    expect(users.sort()).toEqual(['scope:tools', 'scope:workflows']);
  });

  it('lets apps reach only workflows, core and the API client, and the dashboard only browser-safe core and client', () => {
    expect(allowed('scope:api')).toEqual(['scope:core', 'scope:workflows']);
    expect(allowed('scope:cli')).toEqual(['scope:core', 'scope:workflows', 'scope:client']);
    expect(allowed('scope:dashboard')).toEqual(['scope:core', 'scope:client']);
    expect(allowed('scope:client')).toEqual(['scope:core']);
  });

  it('is acyclic, so "only downward" holds', () => {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (scope: string, path: string[]): void => {
      if (done.has(scope)) return;
      if (visiting.has(scope)) throw new Error(`cycle: ${[...path, scope].join(' -> ')}`);
      visiting.add(scope);
      for (const next of allowed(scope)) visit(next, [...path, scope]);
      visiting.delete(scope);
      done.add(scope);
    };
    for (const scope of Object.keys(rule.scopeDependencies)) expect(() => visit(scope, [])).not.toThrow();
  });

  it('bans storage packages from every domain library', () => {
    for (const scope of rule.DOMAIN_SCOPES) {
      const constraint = rule.depConstraints.find((c) => c.sourceTag === scope);
      expect(constraint?.bannedExternalImports).toEqual(expect.arrayContaining(rule.STORAGE_PACKAGES));
    }
  });
});

describe('the dependency rule as lint (fixtures linted by the real eslint with the workspace config)', () => {
  beforeAll(async () => {
    // Build the project graph once, so the fixtures below can reuse it (NX_FORCE_REUSE_CACHED_GRAPH) instead
    // of each eslint run building it again; the last case proves eslint builds it when there is none.
    process.env['NX_DAEMON'] = 'false';
    await createProjectGraphAsync({ exitOnError: false });
  }, 60_000);

  type Message = { ruleId: string | null; message: string };

  /**
   * Runs `command` (an eslint command line) on `code` as if it were the file at `path`, as from a terminal:
   * outside any Nx task, whose variables would tell the config that Nx has already built the graph.
   */
  function runEslint(command: string[], path: string, code: string, env: NodeJS.ProcessEnv) {
    const { NX_TASK_TARGET_PROJECT: _task, ...terminalEnv } = process.env;
    const [program = 'eslint', ...args] = command;
    return spawnSync(
      program,
      [...args, '--stdin', '--stdin-filename', `${WORKSPACE_ROOT}/${path}`, '--format', 'json'],
      {
        cwd: WORKSPACE_ROOT,
        input: code,
        encoding: 'utf8',
        env: { ...terminalEnv, NX_DAEMON: 'false', ...env },
      },
    );
  }

  function messagesOf(run: ReturnType<typeof runEslint>): Message[] {
    if (run.status !== 0 && run.status !== 1) throw new Error(`eslint failed (${run.status}): ${run.stderr}`);
    const [result] = JSON.parse(run.stdout) as Array<{ messages: Message[] }>;
    return (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }));
  }

  /** Lints `code` as if it were the file at `path`, and returns the rule ids and messages it breaks. */
  async function lint(path: string, code: string): Promise<Message[]> {
    return messagesOf(
      runEslint([`${WORKSPACE_ROOT}/node_modules/.bin/eslint`], path, code, {
        NX_FORCE_REUSE_CACHED_GRAPH: 'true',
      }),
    );
  }

  it('fails when core imports a library above it', async () => {
    const messages = await lint(
      'libs/core/src/lib/boundary-fixture.ts',
      "import { signalWorkflow } from '@aetherquant/workflows';\nexport const fixture = signalWorkflow;\n",
    );
    // workflows already depends on core, so the rule reports the cycle this import would close.
    expect(messages).toEqual([
      expect.objectContaining({
        ruleId: '@nx/enforce-module-boundaries',
        message: expect.stringContaining('core -> workflows -> core'),
      }),
    ]);
  });

  it('fails when a library imports an app', async () => {
    const messages = await lint(
      'libs/workflows/src/lib/boundary-fixture.ts',
      "import { AetherCommand } from 'aetherquant';\nexport const fixture = AetherCommand;\n",
    );
    expect(messages.map((m) => m.ruleId)).toContain('@nx/enforce-module-boundaries');
  });

  it('fails when core imports an npm package other than zod', async () => {
    const messages = await lint(
      'libs/core/src/lib/boundary-fixture.ts',
      "import { Command } from '@oclif/core';\nexport const fixture = Command;\n",
    );
    expect(messages).toContainEqual({
      ruleId: '@nx/enforce-module-boundaries',
      message: 'A project tagged with "scope:core" is not allowed to import "@oclif/core"',
    });
  });

  it('fails when core imports a Node built-in or uses a Node global (it must stay browser-safe)', async () => {
    const messages = await lint(
      'libs/core/src/lib/boundary-fixture.ts',
      "import { readFileSync } from 'node:fs';\nexport const fixture = [readFileSync, process.cwd(), Buffer.from('')];\n",
    );
    expect(messages.map((m) => m.ruleId).sort()).toEqual([
      'no-restricted-globals',
      'no-restricted-globals',
      'no-restricted-imports',
    ]);
  });

  it('fails when the dashboard imports a Node built-in or uses a Node global (it runs in the browser)', async () => {
    const messages = await lint(
      'apps/dashboard/src/features/boundary-fixture.tsx',
      "import { readFileSync } from 'node:fs';\nimport { join } from 'path';\nexport const fixture = [readFileSync, join, process.cwd()];\n",
    );
    expect(messages.map((m) => m.ruleId).sort()).toEqual([
      'no-restricted-globals',
      'no-restricted-imports',
      'no-restricted-imports',
    ]);
  });

  it('lets dashboard tests use Node built-ins (they run in Node)', async () => {
    expect(
      await lint(
        'apps/dashboard/src/features/fixture.spec.tsx',
        "import { readFileSync } from 'node:fs';\nexport const fixture = readFileSync;\n",
      ),
    ).toEqual([]);
  });

  it('fails when any library reads process.env', async () => {
    const messages = await lint(
      'libs/workflows/src/lib/boundary-fixture.ts',
      "export const level = process.env['AETHERQ_LOG_LEVEL'];\n",
    );
    expect(messages).toEqual([expect.objectContaining({ ruleId: 'no-restricted-properties' })]);
  });

  it('keeps indicators browser-safe and free of npm packages, and lets strategies use them', async () => {
    const upward = await lint(
      'libs/indicators/src/lib/boundary-fixture.ts',
      "import { maCrossStrategy } from '@aetherquant/strategies';\nexport const fixture = maCrossStrategy;\n",
    );
    expect(upward.map((m) => m.ruleId)).toContain('@nx/enforce-module-boundaries');
    const external = await lint(
      'libs/indicators/src/lib/boundary-fixture.ts',
      "import { z } from 'zod';\nexport const fixture = z;\n",
    );
    expect(external).toContainEqual({
      ruleId: '@nx/enforce-module-boundaries',
      message: 'A project tagged with "scope:indicators" is not allowed to import "zod"',
    });
    const node = await lint(
      'libs/indicators/src/lib/boundary-fixture.ts',
      "import { readFileSync } from 'node:fs';\nexport const fixture = readFileSync;\n",
    );
    expect(node.map((m) => m.ruleId)).toContain('no-restricted-imports');
    expect(
      await lint(
        'libs/strategies/src/lib/boundary-fixture.ts',
        "import { sma } from '@aetherquant/indicators';\nexport const fixture = sma;\n",
      ),
    ).toEqual([]);
  });

  it('lets test files use test-only packages, while keeping project boundaries', async () => {
    expect(
      await lint(
        'libs/core/src/lib/fixture.spec.ts',
        "import fc from 'fast-check';\nexport const fixture = fc;\n",
      ),
    ).toEqual([]);
    const messages = await lint(
      'libs/core/src/lib/fixture.spec.ts',
      "import { signalWorkflow } from '@aetherquant/workflows';\nexport const fixture = signalWorkflow;\n",
    );
    expect(messages.map((m) => m.ruleId)).toEqual(['@nx/enforce-module-boundaries']);
  });

  it('passes imports that follow the rule', async () => {
    expect(
      await lint(
        'libs/workflows/src/lib/boundary-fixture.ts',
        "import { parseInterval } from '@aetherquant/core';\nexport const fixture = parseInterval('1d');\n",
      ),
    ).toEqual([]);
    expect(
      await lint(
        'apps/cli/src/boundary-fixture.ts',
        "import { signalWorkflow } from '@aetherquant/workflows';\nexport const fixture = signalWorkflow;\n",
      ),
    ).toEqual([]);
  });

  it('is enforced by a plain `npx eslint` with no daemon and no cached project graph', () => {
    // Without a graph @nx/enforce-module-boundaries warns and passes everything; eslint.config.mjs builds
    // the graph when the ESLint command line runs outside Nx. An empty workspace-data directory stands for
    // a fresh clone (or a deleted .nx).
    const nxData = mkdtempSync(join(tmpdir(), 'aetherquant-nx-'));
    try {
      const run = runEslint(
        ['npx', '--no-install', 'eslint'],
        'libs/core/src/lib/boundary-fixture.ts',
        "import { signalWorkflow } from '@aetherquant/workflows';\nexport const fixture = signalWorkflow;\n",
        {
          NX_WORKSPACE_DATA_DIRECTORY: join(nxData, 'workspace-data'),
          NX_CACHE_DIRECTORY: join(nxData, 'cache'),
        },
      );
      expect(run.stdout).not.toContain('No cached ProjectGraph');
      expect(run.status).toBe(1);
      expect(messagesOf(run)).toEqual([
        expect.objectContaining({
          ruleId: '@nx/enforce-module-boundaries',
          message: expect.stringContaining('core -> workflows -> core'),
        }),
      ]);
    } finally {
      rmSync(nxData, { recursive: true, force: true });
    }
  }, 120_000);
});
