import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { WORKSPACE_ROOT } from './workspace-root';

/**
 * Golden tests read the real market data kept beside the repository, which a user's clone does not have.
 * There every golden suite must skip with its notice, never fail: this runs them, in a real Jest child
 * process, with the data hidden (the variable below pointed at an empty folder), and checks how
 * describeWithMarketData treats suites that read the data at the right and at the wrong time.
 */

/** Read by @aetherquant/testing's describeWithMarketData: where the golden tests look for the data. */
const MARKET_DATA_VARIABLE = 'AETHERQ_TEST_MARKET_DATA_DIR';
const JEST_BIN = join(WORKSPACE_ROOT, 'node_modules/.bin/jest');
/** The one module allowed to know where the market data lives. */
const MARKET_DATA_HELPER = 'libs/testing/src/lib/market-data.ts';
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out-tsc', 'coverage', 'tmp']);

/** Every file under `dir` (workspace-relative), build output and dependencies left out. */
function filesUnder(dir: string): string[] {
  return readdirSync(join(WORKSPACE_ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : filesUnder(path);
    return [path];
  });
}

/** Test files and test support: specs, and whatever sits in a test/, e2e/ or testing/ folder. */
const TEST_CODE = ['apps', 'libs', 'tools']
  .flatMap(filesUnder)
  .filter((path) => /\.(?:c|m)?[jt]sx?$/.test(path))
  .filter((path) => /\.(?:spec|integration-spec|e2e-spec)\.tsx?$|\/(?:test|e2e|testing)\//.test(path));
const read = (path: string) => readFileSync(join(WORKSPACE_ROOT, path), 'utf8');

/** The golden suites' names, as the source spells them (each file may hold several). */
function goldenSuiteNames(path: string): string[] {
  return [...read(path).matchAll(/describeWithMarketData\(\s*(['"`])(.+?)\1/g)].map(
    (match) => match[2] as string,
  );
}

/** This file, whose fixtures call describeWithMarketData too. */
const SELF = relative(WORKSPACE_ROOT, __filename);
const GOLDEN_SPECS = TEST_CODE.filter(
  (path) => path !== MARKET_DATA_HELPER && path !== SELF && /describeWithMarketData\(/.test(read(path)),
);

/** The Jest config of the project that owns `path`: the nearest jest.config.cjs above it. */
function jestConfigOf(path: string): string {
  for (let dir = dirname(path); dir !== '.'; dir = dirname(dir)) {
    if (existsSync(join(WORKSPACE_ROOT, dir, 'jest.config.cjs'))) return `${dir}/jest.config.cjs`;
  }
  throw new Error(`no jest.config.cjs above ${path}`);
}

interface JestRun {
  result: {
    numFailedTestSuites: number;
    numRuntimeErrorTestSuites: number;
    numTotalTestSuites: number;
    numFailedTests: number;
    numPassedTests: number;
    numPendingTests: number;
    testResults: Array<{ name: string; status: string; message: string }>;
  };
  /** What Jest printed on standard error: its report, with the tests' console output. */
  stderr: string;
}

/**
 * Runs Jest in a child process on `args`, with `env` over the caller's environment minus CI (CI turns a
 * missing data folder into a failure, which is not what a user's machine does), and returns its JSON result.
 * Only the default reporter: the workspace's summary reporter would overwrite the real runs' counts.
 */
function runJest(args: string[], env: Record<string, string>): JestRun {
  const output = join(mkdtempSync(join(WORKSPACE_ROOT, 'tmp', 'golden-run-')), 'result.json');
  const { CI: _ci, ...environment } = process.env;
  const run = spawnSync(
    JEST_BIN,
    [...args, '--reporters=default', '--json', `--outputFile=${output}`, '--runInBand'],
    {
      cwd: WORKSPACE_ROOT,
      env: { ...environment, FORCE_COLOR: '0', ...env },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (!existsSync(output)) throw new Error(`jest wrote no result (exit ${run.status}): ${run.stderr}`);
  const result = JSON.parse(readFileSync(output, 'utf8')) as JestRun['result'];
  rmSync(dirname(output), { recursive: true, force: true });
  return { result, stderr: run.stderr };
}

/** The suite names of the `[notice] skipping "…"` lines describeWithMarketData printed. */
const skipNotices = (stderr: string) =>
  [...stderr.matchAll(/\[notice\] skipping "(.+?)": no market data at /g)].map((match) => match[1] as string);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let emptyFolder: string;
beforeAll(() => {
  mkdirSync(join(WORKSPACE_ROOT, 'tmp'), { recursive: true });
  emptyFolder = mkdtempSync(join(WORKSPACE_ROOT, 'tmp', 'no-market-data-'));
});
afterAll(() => rmSync(emptyFolder, { recursive: true, force: true }));

describe('the golden suites', () => {
  it('are found in every project that has one, the suite the issue named among them', () => {
    expect(GOLDEN_SPECS).toEqual(
      expect.arrayContaining([
        'libs/optimization/src/lib/optimize/golden.spec.ts',
        'libs/data/src/lib/csv/csv-provider.spec.ts',
        'libs/workflows/src/lib/backtest/backtest.workflow.spec.ts',
        'apps/cli/test/optimize.e2e-spec.ts',
      ]),
    );
    // A name that is not a plain string literal could not be matched with the notices below.
    expect(GOLDEN_SPECS.filter((path) => goldenSuiteNames(path).length === 0)).toEqual([]);
  });

  it('reach the market data only through describeWithMarketData (nothing else names its folder)', () => {
    const offenders = TEST_CODE.filter((path) => path !== MARKET_DATA_HELPER && path !== SELF).filter(
      (path) => /shared\/data\/market|['"]shared['"],\s*['"]data['"]/.test(read(path)),
    );
    expect(offenders).toEqual([]);
  });

  it('all skip with their notice, and none fails, when the market data is absent', () => {
    const names = GOLDEN_SPECS.flatMap(goldenSuiteNames);
    const { result, stderr } = runJest(
      [
        ...GOLDEN_SPECS,
        '--runTestsByPath',
        ...[...new Set(GOLDEN_SPECS.map(jestConfigOf))].map((config) => `--projects=${config}`),
        // Only the golden suites: the other tests of these files need builds and are not in question here.
        `--testNamePattern=^(?:${names.map(escapeRegExp).join('|')})`,
      ],
      { [MARKET_DATA_VARIABLE]: emptyFolder },
    );
    const failures = result.testResults.filter((file) => file.status === 'failed');
    expect(failures.map((file) => `${file.name}: ${file.message}`)).toEqual([]);
    expect(result.numTotalTestSuites).toBe(GOLDEN_SPECS.length);
    expect(result.numFailedTests + result.numRuntimeErrorTestSuites).toBe(0);
    expect(result.numPassedTests).toBe(0);
    expect(result.numPendingTests).toBeGreaterThan(0);
    expect(skipNotices(stderr).sort()).toEqual([...names].sort());
  });
});

describe('describeWithMarketData on fixture suites', () => {
  let fixtures: string;
  let dataSet: string;
  beforeAll(() => {
    fixtures = mkdtempSync(join(WORKSPACE_ROOT, 'tmp', 'golden-fixtures-'));
    writeFileSync(
      join(fixtures, 'jest.config.cjs'),
      "module.exports = { ...require('../../jest.preset.cjs'), rootDir: __dirname, displayName: 'fixtures' };\n",
    );
    writeFileSync(
      join(fixtures, 'reads-in-hooks.spec.ts'),
      [
        "import { readFileSync } from 'node:fs';",
        "import { describeWithMarketData } from '@aetherquant/testing';",
        "describeWithMarketData('reads in beforeAll', (market) => {",
        "  let text = '';",
        "  beforeAll(() => { text = readFileSync(market.file('SPY'), 'utf8'); });",
        "  it('sees the file', () => expect(text).toBe('date,adj_close\\n'));",
        '});',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(fixtures, 'reads-while-defined.spec.ts'),
      [
        "import { readFileSync } from 'node:fs';",
        "import { describeWithMarketData } from '@aetherquant/testing';",
        "describeWithMarketData('reads while being defined', (market) => {",
        "  const text = readFileSync(market.file('SPY'), 'utf8');",
        "  it('is never reached', () => expect(text).toBeDefined());",
        '});',
        '',
      ].join('\n'),
    );
    // A stand-in data set: what makes a folder count as the market data is its PROVENANCE.md.
    dataSet = mkdtempSync(join(WORKSPACE_ROOT, 'tmp', 'market-data-'));
    writeFileSync(join(dataSet, 'PROVENANCE.md'), '# a stand-in\n');
    writeFileSync(join(dataSet, 'SPY.csv'), 'date,adj_close\n');
  });
  afterAll(() => {
    rmSync(fixtures, { recursive: true, force: true });
    rmSync(dataSet, { recursive: true, force: true });
  });

  const fileResult = (run: JestRun, name: string) =>
    run.result.testResults.find((file) => file.name.endsWith(name)) as { status: string; message: string };
  const fixtureRun = (folder: string, extra: Record<string, string> = {}) =>
    runJest(['-c', join(fixtures, 'jest.config.cjs')], { [MARKET_DATA_VARIABLE]: folder, ...extra });

  it('runs the suite where the data is, and fails one that reads it while being defined', () => {
    const run = fixtureRun(dataSet);
    expect(fileResult(run, 'reads-in-hooks.spec.ts').status).toBe('passed');
    expect(run.result.numPassedTests).toBe(1);
    expect(fileResult(run, 'reads-while-defined.spec.ts')).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('read the market data while its tests were being defined'),
    });
  });

  it('skips the suite with a notice where the data is absent, and still fails the one that reads too early', () => {
    const run = fixtureRun(emptyFolder);
    expect(fileResult(run, 'reads-in-hooks.spec.ts').status).not.toBe('failed');
    expect(run.result.numPassedTests).toBe(0);
    expect(run.result.numPendingTests).toBe(1);
    expect(skipNotices(run.stderr)).toContain('reads in beforeAll');
    expect(fileResult(run, 'reads-while-defined.spec.ts')).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('read the market data while its tests were being defined'),
    });
  });

  it('fails instead of skipping in CI, where the golden tests must run', () => {
    const run = fixtureRun(emptyFolder, { CI: 'true' });
    expect(fileResult(run, 'reads-in-hooks.spec.ts')).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('needs the market data folder in CI'),
    });
  });
});
