import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { SETTING_NAMES } from '@aetherquant/core';
import { WORKSPACE_ROOT } from './workspace-root';

/**
 * The Dockerfile, the compose file, the workflows and the docs name npm scripts, repository paths, AETHERQ_*
 * variables and CLI commands. Nothing runs most of them on every change, so they would rot silently: this
 * checks that each one still exists.
 */

const read = (path: string) => readFileSync(join(WORKSPACE_ROOT, path), 'utf8');
const exists = (path: string) => existsSync(join(WORKSPACE_ROOT, path));

const DOCKERFILE = 'docker/Dockerfile';
const COMPOSE = 'docker/compose.yml';
const WORKFLOWS = readdirSync(join(WORKSPACE_ROOT, '.github/workflows'))
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => `.github/workflows/${name}`);
const DOCS = [
  'README.md',
  'RELEASE_NOTES.md',
  ...readdirSync(join(WORKSPACE_ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const SOURCES = [DOCKERFILE, COMPOSE, ...WORKFLOWS, ...DOCS, 'tools/demo.sh'];

/** Variables that are not settings but that the tests, benchmarks and CI read. */
const TEST_VARIABLES = [
  'AETHERQ_TEST_DATABASE_URL',
  'AETHERQ_TEST_MARKET_DATA_DIR',
  'AETHERQ_UPDATE_SCREENSHOTS',
  'AETHERQ_CHROMIUM_PATH',
];
const TEST_VARIABLE_PREFIXES = ['AETHERQ_BENCH_'];
/** The README's example of a misspelt variable, which the settings loader answers with "did you mean". */
const DELIBERATE_MISSPELLINGS = ['AETHERQ_INTIAL_CASH'];

interface Workspace {
  dir: string;
  manifest: { name: string; private?: boolean; scripts?: Record<string, string> };
}

const ROOT_MANIFEST = JSON.parse(read('package.json')) as Workspace['manifest'] & { workspaces: string[] };
const WORKSPACES: Workspace[] = ROOT_MANIFEST.workspaces.flatMap((pattern) => {
  const parent = pattern.replace(/\/\*$/, '');
  return readdirSync(join(WORKSPACE_ROOT, parent))
    .filter((name) => exists(`${parent}/${name}/package.json`))
    .map((name) => ({
      dir: `${parent}/${name}`,
      manifest: JSON.parse(read(`${parent}/${name}/package.json`)) as Workspace['manifest'],
    }));
});

/** Every match of `pattern` in every source, as `[source, match]`. */
function findAll(pattern: RegExp, sources: readonly string[] = SOURCES): [string, RegExpMatchArray][] {
  return sources.flatMap((source) =>
    [...read(source).matchAll(pattern)].map((match): [string, RegExpMatchArray] => [source, match]),
  );
}

const unique = <T>(rows: T[], key: (row: T) => string) => [
  ...new Map(rows.map((row) => [key(row), row])).values(),
];

describe('npm scripts named in the Dockerfile, compose file, workflows and docs', () => {
  const named = unique(
    findAll(
      /\bnpm (?:run(?:-script)? ([\w:-]+)|(test|start))(?:[^\n`]*?\s(?:-w|--workspace)[= ](\S+))?/g,
    ).map(([source, match]) => ({
      source,
      script: (match[1] ?? match[2]) as string,
      workspace: match[3]?.replace(/['"`]/g, ''),
    })),
    (row) => `${row.source} ${row.script} ${row.workspace ?? ''}`,
  );

  it('finds the scripts the README relies on', () => {
    expect(named.map((row) => row.script)).toEqual(expect.arrayContaining(['test', 'build', 'bench']));
  });

  it.each(named)('$source: npm run $script ($workspace) exists', ({ script, workspace }) => {
    const manifest =
      workspace === undefined
        ? ROOT_MANIFEST
        : WORKSPACES.find((candidate) => candidate.manifest.name === workspace || candidate.dir === workspace)
            ?.manifest;
    expect(manifest).toBeDefined();
    expect(Object.keys(manifest?.scripts ?? {})).toContain(script);
  });
});

describe('AETHERQ_* variables named in the Dockerfile, compose file, workflows, docs and demo', () => {
  const named = unique(
    findAll(/\bAETHERQ_[A-Z0-9_]*\*?/g).map(([source, match]) => ({ source, name: match[0] })),
    (row) => `${row.source} ${row.name}`,
  );

  it('finds variables', () => {
    expect(named.length).toBeGreaterThan(20);
  });

  it.each(named)('$source: $name is a setting or a documented test variable', ({ name }) => {
    const known = [...SETTING_NAMES, ...TEST_VARIABLES, ...DELIBERATE_MISSPELLINGS];
    if (name.endsWith('*') || name.endsWith('_')) {
      // A family (`AETHERQ_LIVE_BROKER_*`, "starts with `AETHERQ_`"): some variable must belong to it.
      const prefix = name.replace(/\*$/, '');
      expect([...known, ...TEST_VARIABLE_PREFIXES].some((candidate) => candidate.startsWith(prefix))).toBe(
        true,
      );
    } else {
      expect(known.includes(name) || TEST_VARIABLE_PREFIXES.some((prefix) => name.startsWith(prefix))).toBe(
        true,
      );
    }
  });
});

describe('aetherquant commands named in the docs, workflows and Dockerfile', () => {
  const COMMANDS = 'apps/cli/src/commands';
  // `npx aetherquant <cmd>` anywhere; `aetherquant <cmd>` where it starts inline code or a heading's code.
  const named = unique(
    [
      ...findAll(/\bnpx aetherquant ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?/g),
      ...findAll(/`aetherquant ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?/g),
    ].map(([source, match]) => ({ source, command: match[1] as string, next: match[2] ?? '' })),
    (row) => `${row.source} ${row.command} ${row.next}`,
  );

  it('finds the main commands', () => {
    expect(named.map((row) => row.command)).toEqual(
      expect.arrayContaining(['backtest', 'serve', 'db', 'keys', 'env']),
    );
  });

  it.each(named)('$source: aetherquant $command $next exists', ({ command, next }) => {
    if (exists(`${COMMANDS}/${command}.ts`)) return;
    // A topic (`db`, `keys`, `env`): the next word is its command.
    expect(exists(`${COMMANDS}/${command}`)).toBe(true);
    expect(next !== '' && exists(`${COMMANDS}/${command}/${next}.ts`)).toBe(true);
  });
});

/** A path relative to the repository root that a build creates: it must belong to a project that exists. */
function isBuildOutput(path: string): boolean {
  return /(^|\/)(dist|node_modules|out-tsc)(\/|$)|oclif\.manifest\.json$/.test(path);
}

function expectRepoPath(path: string): void {
  const clean = normalize(path).replace(/\/$/, '');
  if (isBuildOutput(clean)) {
    const project = clean.split(
      /(?:^|\/)(?:dist|node_modules|out-tsc)(?:\/|$)|(?:^|\/)oclif\.manifest\.json$/,
    )[0];
    const manifest = project ? `${project}/package.json` : 'package.json';
    expect({ path, project: exists(manifest) }).toEqual({ path, project: true });
  } else {
    expect({ path, exists: exists(clean) }).toEqual({ path, exists: true });
  }
}

describe('the Dockerfile', () => {
  const dockerfile = read(DOCKERFILE).replace(/\\\n/g, ' ');
  const copies = [...dockerfile.matchAll(/^COPY\s+(.+)$/gm)].map((match) => {
    const words = (match[1] as string).split(/\s+/).filter(Boolean);
    const from = words.find((word) => word.startsWith('--from='))?.slice('--from='.length);
    const sources = words.filter((word) => !word.startsWith('--')).slice(0, -1);
    return { from, sources };
  });

  it.each(copies.flatMap(({ from, sources }) => sources.map((source) => ({ from, source }))))(
    'COPY $source (from $from) names a path of the repository',
    ({ from, source }) => {
      // `--from=build` copies from the build stage's /workspace, which is the repository after the build.
      const path = from === undefined ? source : relative('/workspace', source);
      expect(from === undefined || from === 'build').toBe(true);
      expectRepoPath(path === '' ? '.' : path);
    },
  );

  it("copies every workspace's package.json before `npm ci`, so the install matches the lockfile", () => {
    const copied = copies.filter(({ from }) => from === undefined).flatMap(({ sources }) => sources);
    for (const { dir } of WORKSPACES) expect(copied).toContain(`${dir}/package.json`);
    expect(copied).toEqual(expect.arrayContaining(['package.json', 'package-lock.json']));
  });

  it('keeps in the runtime stage each published workspace the CLI may load, with its package.json and dist', () => {
    const runtime = copies.filter(({ from }) => from === 'build').flatMap(({ sources }) => sources);
    const needed = WORKSPACES.filter(({ manifest }) => !manifest.private).map(({ dir }) => dir);
    expect(needed).toEqual(expect.arrayContaining(['apps/cli', 'apps/api', 'libs/core', 'libs/workflows']));
    for (const dir of needed) {
      expect(runtime).toEqual(
        expect.arrayContaining([`/workspace/${dir}/package.json`, `/workspace/${dir}/dist`]),
      );
    }
  });

  it('runs as a non-root user, checks /healthz, and runs the CLI serving on 0.0.0.0:8000 by default', () => {
    const stages = dockerfile.split(/^FROM /m);
    const runtime = stages.at(-1) as string;
    expect(runtime).toMatch(/^USER (?!root\b)\S+/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*http:\/\/127\.0\.0\.1:8000\/healthz/m);
    expect(runtime).toMatch(/^ENTRYPOINT \["node", "\/app\/apps\/cli\/bin\/run\.js"\]$/m);
    expect(runtime).toMatch(/^CMD \["serve", "--host", "0\.0\.0\.0", "--port", "8000"\]$/m);
    expect(exists('apps/cli/bin/run.js')).toBe(true);
  });
});

describe('the compose file', () => {
  const compose = read(COMPOSE);
  const base = dirname(COMPOSE);

  it('builds from the repository root with docker/Dockerfile', () => {
    const context = compose.match(/^\s+context:\s*(\S+)$/m)?.[1] as string;
    const dockerfile = compose.match(/^\s+dockerfile:\s*(\S+)$/m)?.[1] as string;
    expect(normalize(join(base, context))).toBe('.');
    expect(normalize(join(base, context, dockerfile))).toBe(DOCKERFILE);
  });

  it('reads env files that have a committed example', () => {
    const envFiles = [...compose.matchAll(/^\s+-\s*(\S*\.env[^\s]*)$/gm)].map((match) =>
      normalize(join(base, match[1] as string)),
    );
    expect(envFiles).toEqual(['.env.production']);
    for (const file of envFiles) expectRepoPath(`${file}.example`);
  });

  it('runs PostgreSQL 15 with a volume and pg_isready, and db init before the app', () => {
    expect(compose).toMatch(/image: postgres:15\b/);
    expect(compose).toMatch(/pg_isready/);
    expect(compose).toMatch(/- postgres-data:\/var\/lib\/postgresql\/data/);
    expect(compose).toMatch(/command: \['db', 'init'\]/);
    expect(compose).toMatch(/db-init:\s+condition: service_completed_successfully/);
  });
});

describe('paths the workflows, docs and demo run or link to', () => {
  const runs = unique(
    findAll(/\b(?:bash|node|sh)\s+((?:\.\/)?[\w./-]+\.(?:sh|mjs|cjs|js))\b/g).map(([source, match]) => ({
      source,
      path: match[1] as string,
    })),
    (row) => `${row.source} ${row.path}`,
  );
  const composeFiles = unique(
    findAll(/\s-f\s+([\w./-]+\.ya?ml)\b/g).map(([source, match]) => ({ source, path: match[1] as string })),
    (row) => `${row.source} ${row.path}`,
  );
  const workflowFiles = unique(
    findAll(/^\s+(?:file|uses):\s*(\.?\/?(?:docker|\.github)\/\S+)$/gm, WORKFLOWS).map(([source, match]) => ({
      source,
      path: match[1] as string,
    })),
    (row) => `${row.source} ${row.path}`,
  );

  it('finds the scripts CI runs', () => {
    expect(runs.map((row) => row.path)).toEqual(
      expect.arrayContaining(['tools/ci/ensure-services.sh', 'tools/demo.sh']),
    );
    expect(workflowFiles.map((row) => row.path)).toEqual(
      expect.arrayContaining(['docker/Dockerfile', './.github/workflows/ci.yml']),
    );
  });

  it.each([...runs, ...composeFiles, ...workflowFiles])('$source: $path exists', ({ path }) =>
    expectRepoPath(path),
  );

  const links = unique(
    findAll(/\]\(([^)\s]+)\)|<img src="([^"]+)"/g, DOCS)
      .map(([source, match]) => ({ source, target: (match[1] ?? match[2]) as string }))
      .filter(({ target }) => !/^(?:[a-z]+:|#)/i.test(target)),
    (row) => `${row.source} ${row.target}`,
  );

  it('finds the links to the new docs', () => {
    expect(links.map((row) => row.target)).toEqual(
      expect.arrayContaining(['docs/DEPLOY.md', 'docs/CLIENT_HANDOFF.md', 'docs/API.md']),
    );
  });

  it.each(links)('$source links to $target, which exists', ({ source, target }) => {
    expectRepoPath(join(dirname(source), target.replace(/#.*$/, '')));
  });

  // Inline code that names a file of the repository: `tools/demo.sh`, `docs/DEPLOY.md`, `.env.example`.
  const inlinePaths = unique(
    findAll(
      /`((?:apps|libs|tools|docs|docker|\.github|\.ci)\/[\w./-]*|\.env[\w.]*\.example|[A-Z_]+\.md|package(?:-lock)?\.json)`/g,
      DOCS,
    )
      .map(([source, match]) => ({ source, path: match[1] as string }))
      .filter(({ path }) => !/[<>…*{}]/.test(path)),
    (row) => `${row.source} ${row.path}`,
  );

  it('finds inline paths', () => {
    expect(inlinePaths.map((row) => row.path)).toEqual(
      expect.arrayContaining(['.github/workflows/release.yml']),
    );
  });

  it.each(inlinePaths)('$source names `$path`, which exists', ({ path }) => {
    // Bare `X.md` names a page beside the one that names it, or at the root.
    expectRepoPath(/^[A-Z_]+\.md$/.test(path) && !exists(path) ? `docs/${path}` : path);
  });
});
