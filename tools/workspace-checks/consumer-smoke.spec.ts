import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './workspace-root';

/**
 * The libraries as another company project gets them (issue 10, "Publishable libraries"): every publishable
 * library is packed with `npm pack` from its built `dist/`, the tarballs a consumer needs are installed into a
 * fresh project outside the workspace, and plain Node (ESM and CommonJS) and strict TypeScript use them there.
 * The consumers are tools/consumer-smoke/; the libraries must have been built (`workspace-tools:test` depends on
 * their `build`).
 */

const FIXTURES = join(WORKSPACE_ROOT, 'tools/consumer-smoke');
/** What the consumers import; with their dependency closure, all that is installed (no persistence, no sqlite3). */
const CONSUMED = [
  '@aetherquant/backtest',
  '@aetherquant/data',
  '@aetherquant/optimization',
  '@aetherquant/risk',
];

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  exports: Record<string, unknown>;
}
interface PackResult {
  name: string;
  filename: string;
  files: Array<{ path: string }>;
}
interface ConsumerOutput {
  module: 'esm' | 'cjs';
  backtest: {
    symbol: string;
    bars: number;
    finalEquity: number;
    tradeCount: number;
    sharpe: number;
    maxDrawdown: number;
    riskSharpe: number;
    riskMaxDrawdown: number;
  };
  optimization: {
    symbols: string[];
    rows: number;
    method: string;
    weights: number[];
    riskContributions: number[];
  };
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

const PUBLISHABLE = readdirSync(join(WORKSPACE_ROOT, 'libs'))
  .filter((name) => existsSync(join(WORKSPACE_ROOT, 'libs', name, 'package.json')))
  .filter((name) => !readJson<Manifest>(join(WORKSPACE_ROOT, 'libs', name, 'package.json')).private)
  .sort();

/**
 * The environment of the child npm and node processes: without the `npm_*` variables of an enclosing
 * `npm test` (which would point npm at the workspace) and without NODE_OPTIONS (Jest's, or a developer's
 * `--conditions=@aetherquant/source`), so they behave as in a fresh shell.
 */
const childEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) =>
      key !== 'NODE_OPTIONS' &&
      (!/^npm_/i.test(key) || /^npm_config_(cache|registry|userconfig)$/i.test(key)),
  ),
);

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: childEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function runOk(command: string, args: string[], cwd: string): string {
  const result = run(command, args, cwd);
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

/** Packages of ours that `names` need, themselves included, from the packed manifests. */
function closure(names: string[], manifests: Map<string, Manifest>): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const dependency of Object.keys(manifests.get(name)?.dependencies ?? {})) {
      if (manifests.has(dependency)) visit(dependency);
    }
  };
  names.forEach(visit);
  return [...seen].sort();
}

/**
 * What the consumers print, computed here from the workspace sources: consumer.cjs itself, required in
 * this process, where `@aetherquant/*` resolve to the sources rather than to the packed tarballs.
 */
async function expectedFromSources(): Promise<
  ConsumerOutput['backtest'] & { rows: number; weights: number[] }
> {
  // Loaded as the fixture file it is (the same file the consumers run), not as a workspace package.
  const fixture = join(WORKSPACE_ROOT, 'tools/consumer-smoke/consumer.cjs');
  const { compute } = require(fixture) as { compute: () => Promise<ConsumerOutput> };
  const output = await compute();
  return { ...output.backtest, rows: output.optimization.rows, weights: output.optimization.weights };
}

describe('the libraries as an outside consumer installs them', () => {
  let work = '';
  let consumer = '';
  let packs: PackResult[] = [];
  const manifests = new Map<string, Manifest>();
  let installed: string[] = [];

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'aetherquant-consumer-'));
    const packDir = join(work, 'packs');
    consumer = join(work, 'consumer');
    mkdirSync(packDir);
    mkdirSync(consumer);

    for (const name of PUBLISHABLE) {
      const manifest = readJson<Manifest>(join(WORKSPACE_ROOT, 'libs', name, 'package.json'));
      manifests.set(manifest.name, manifest);
      if (!existsSync(join(WORKSPACE_ROOT, 'libs', name, 'dist/index.js'))) {
        throw new Error(`libs/${name} is not built: run \`npx nx run-many -t build\` first`);
      }
    }
    const workspaces = PUBLISHABLE.flatMap((name) => ['--workspace', `libs/${name}`]);
    packs = JSON.parse(
      runOk('npm', ['pack', '--json', '--pack-destination', packDir, ...workspaces], WORKSPACE_ROOT),
    ) as PackResult[];

    // Only what the consumers need, so that an optional heavy dependency elsewhere (persistence's sqlite3
    // compiles from source) never slows this down. The cache serves what it holds; the registry the rest.
    installed = closure(CONSUMED, manifests);
    const tarballs = installed.map((name) =>
      join(packDir, packs.find((pack) => pack.name === name)?.filename ?? name),
    );
    const typesNode = readJson<Manifest>(
      join(WORKSPACE_ROOT, 'node_modules/@types/node/package.json'),
    ).version;
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({ name: 'aetherquant-consumer', version: '0.0.0', private: true }, null, 2),
    );
    runOk(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        ...tarballs,
        `@types/node@${typesNode}`,
      ],
      consumer,
    );
    for (const file of ['consumer.mjs', 'consumer.cjs', 'consumer.mts', 'consumer-require.cts']) {
      copyFileSync(join(FIXTURES, file), join(consumer, file));
    }
    copyFileSync(join(FIXTURES, 'consumer.tsconfig.json'), join(consumer, 'tsconfig.json'));
  }, 240_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('publishes every library but the private test support', () => {
    expect(PUBLISHABLE).not.toContain('testing');
    for (const name of CONSUMED) expect([...manifests.keys()]).toContain(name);
    expect(packs.map((pack) => pack.name).sort()).toEqual([...manifests.keys()].sort());
  });

  it('packs each library as its build, declarations and README, and nothing else', () => {
    for (const pack of packs) {
      const paths = pack.files.map((file) => file.path);
      expect({
        name: pack.name,
        stray: paths.filter((path) => !/^(package\.json|README\.md|dist\/.+)$/.test(path)),
      }).toEqual({ name: pack.name, stray: [] });
      expect({
        name: pack.name,
        unwanted: paths.filter((path) => /\.tsbuildinfo$|\.(spec|integration-spec)\.|\/testing\//.test(path)),
      }).toEqual({ name: pack.name, unwanted: [] });
      expect(paths).toEqual(expect.arrayContaining(['README.md', 'dist/index.js', 'dist/index.d.ts']));
    }
  });

  it('installs the consumed libraries and their dependencies only, without storage drivers', () => {
    const ours = readdirSync(join(consumer, 'node_modules/@aetherquant')).map(
      (name) => `@aetherquant/${name}`,
    );
    expect(ours.sort()).toEqual(installed);
    expect(installed).not.toContain('@aetherquant/persistence');
    for (const heavy of ['sqlite3', 'typeorm', 'pg']) {
      expect({ heavy, installed: existsSync(join(consumer, 'node_modules', heavy)) }).toEqual({
        heavy,
        installed: false,
      });
    }
  });

  it('runs a synthetic backtest and an optimisation from plain Node ESM, as the sources compute them', async () => {
    const output = JSON.parse(runOk(process.execPath, ['consumer.mjs'], consumer)) as ConsumerOutput;
    const expected = await expectedFromSources();

    expect(output.module).toBe('esm');
    expect(output.backtest).toMatchObject({
      symbol: 'SPY',
      bars: expected.bars,
      finalEquity: expected.finalEquity,
      tradeCount: expected.tradeCount,
      sharpe: expected.sharpe,
      maxDrawdown: expected.maxDrawdown,
    });
    // Two years of business days; the strategy trades; @aetherquant/risk agrees with the backtest's summary.
    expect(output.backtest.bars).toBeGreaterThan(500);
    expect(output.backtest.tradeCount).toBeGreaterThan(0);
    expect(output.backtest.riskSharpe).toBeCloseTo(output.backtest.sharpe, 12);
    expect(output.backtest.riskMaxDrawdown).toBeCloseTo(output.backtest.maxDrawdown, 12);

    const { weights, riskContributions } = output.optimization;
    expect(output.optimization).toMatchObject({
      method: 'risk-parity',
      rows: expected.rows,
      weights: expected.weights,
    });
    expect(weights.reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 12);
    for (const weight of weights) expect(weight).toBeGreaterThan(0);
    // Risk parity: each of the three assets contributes a third of the risk.
    for (const contribution of riskContributions) expect(contribution).toBeCloseTo(1 / 3, 9);
  });

  it('gives a CommonJS consumer the same results through require()', () => {
    const esm = JSON.parse(runOk(process.execPath, ['consumer.mjs'], consumer)) as ConsumerOutput;
    const cjs = JSON.parse(runOk(process.execPath, ['consumer.cjs'], consumer)) as ConsumerOutput;
    expect(cjs.module).toBe('cjs');
    expect({ ...cjs, module: 'esm' }).toEqual(esm);
  });

  it('type-checks a strict TypeScript consumer (module nodenext, ESM and CommonJS) with the packed declarations', () => {
    const tsc = join(WORKSPACE_ROOT, 'node_modules/typescript/bin/tsc');
    const result = run(process.execPath, [tsc, '-p', 'tsconfig.json'], consumer);
    expect({ status: result.status, output: `${result.stdout}${result.stderr}`.trim() }).toEqual({
      status: 0,
      output: '',
    });
  }, 120_000);
});
