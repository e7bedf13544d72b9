// `aetherquant jobs …` and `--detach` against a real API server: `aetherquant-web` as a child process (its
// embedded job engine, no Redis), called by the built binary with --api-url and a key file.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type JobStatus, type JobsReport } from '@aetherquant/core';
import { startServerProcess, type ServerProcess } from '@aetherquant/testing';
import { SMALL_SWEEP_FLAGS } from './job-workers';
import { runCliAsync, scratchDir, WORKSPACE_ROOT } from './run-cli';

jest.setTimeout(120_000);

const WEB_BIN = resolve(WORKSPACE_ROOT, 'node_modules/.bin/aetherquant-web');
const TRADER_KEY = 'trader-key-jobs-0123456789abcdef';
const ADMIN_KEY = 'admin-key-jobs-fedcba9876543210';

/** The server's data provider is synthetic. */
const SWEEP_FLAGS = SMALL_SWEEP_FLAGS;

describe('aetherquant jobs against an API server (--api-url)', () => {
  const folder = scratchDir();
  const traderKeyFile = join(folder, 'trader.key');
  const adminKeyFile = join(folder, 'admin.key');
  let server: ServerProcess;
  let remote: string[];

  beforeAll(async () => {
    writeFileSync(traderKeyFile, `${TRADER_KEY}\n`, { mode: 0o600 });
    writeFileSync(adminKeyFile, `${ADMIN_KEY}\n`, { mode: 0o600 });
    server = await startServerProcess(WEB_BIN, [], {
      AETHERQ_API_KEY: TRADER_KEY,
      AETHERQ_ADMIN_API_KEY: ADMIN_KEY,
      AETHERQ_DATABASE_URL: `sqlite:///${join(folder, 'api.sqlite')}`,
      AETHERQ_DATA_PROVIDER: 'synthetic',
      AETHERQ_CACHE_DIR: 'none',
    });
    remote = ['--api-url', server.url, '--api-key-file', traderKeyFile];
  });

  afterAll(async () => {
    await server?.stop();
  });

  /** The binary in a scratch folder, with no database or cache of its own: the server keeps them. */
  const cli = (args: string[]) =>
    runCliAsync(args, { env: { AETHERQ_DATABASE_URL: 'none', AETHERQ_CACHE_DIR: 'none' } });

  let sweepJob: string;

  it('sweep --detach submits the sweep to the server and prints the `jobs wait` line, which prints what sweep prints', async () => {
    const detached = await cli(['sweep', ...SWEEP_FLAGS, '--detach', ...remote]);
    expect(detached.stderr).toBe('');
    expect(detached.status).toBe(0);
    const [first, waitLine] = detached.stdout.trimEnd().split('\n');
    sweepJob = /^(job-[0-9a-f]{32}) (queued|running|completed) \(sweep\)$/.exec(first)?.[1] as string;
    expect(sweepJob).toBeDefined();
    expect(waitLine).toBe(`aetherquant jobs wait ${sweepJob} ${remote.join(' ')}`);

    const waited = await cli(waitLine.split(' ').slice(1));
    expect(waited.status).toBe(0);
    const { run_id, ...report } = JSON.parse(waited.stdout) as Record<string, unknown>;
    expect(run_id).toMatch(/^[0-9a-f-]{36}$/); // recorded in the server's database
    const direct = await cli(['sweep', ...SWEEP_FLAGS, ...remote]);
    expect(direct.status).toBe(0);
    const { run_id: _directRun, ...directReport } = JSON.parse(direct.stdout) as Record<string, unknown>;
    expect(report).toEqual(directReport);
  });

  it('jobs submit waits for the server to compute it; walk-forward runs there only as a job', async () => {
    const request = {
      symbol: 'SPY',
      period: '6y',
      grid: { fast: [5, 10], slow: [30, 50] },
      train: '2y',
      test: '1y',
    };
    const run = await cli([
      'jobs',
      'submit',
      'walk-forward',
      '--request',
      JSON.stringify(request),
      ...remote,
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ symbol: 'SPY', windows: expect.any(Array) });

    const refused = await cli(['walk-forward', '--symbol', 'SPY', ...remote]);
    expect(refused).toMatchObject({
      status: 2,
      stderr: 'error: --api-url runs a walk-forward on the server only as a job: add --detach\n',
    });
  });

  it("jobs list shows the key's own jobs; the admin key sees everyone's", async () => {
    const mine = await cli(['jobs', 'list', '--json', ...remote]);
    expect(mine.status).toBe(0);
    const { jobs } = JSON.parse(mine.stdout) as JobsReport;
    expect(jobs.map((job) => job.use_case)).toEqual(['walkForward', 'sweep']);
    expect(jobs.every((job) => job.owner === 'trader' && job.status === 'completed')).toBe(true);

    const table = await cli(['jobs', 'list', '--status', 'completed', '--limit', '1', ...remote]);
    expect(table.stdout).toMatch(
      /^ID +USE CASE +STATUS +PROGRESS +SUBMITTED\njob-[0-9a-f]{32} +walk-forward +completed +100% +/,
    );

    const admin = await cli([
      'jobs',
      'show',
      sweepJob,
      '--json',
      '--api-url',
      server.url,
      '--api-key-file',
      adminKeyFile,
    ]);
    expect(admin.status).toBe(0);
    expect(JSON.parse(admin.stdout)).toMatchObject({
      job_id: sweepJob,
      owner: 'trader',
      status: 'completed',
    });
  });

  it('jobs cancel of a finished job leaves it as it is; a wrong key exits 7', async () => {
    const cancel = await cli(['jobs', 'cancel', sweepJob, '--json', ...remote]);
    expect(cancel.status).toBe(0);
    expect((JSON.parse(cancel.stdout) as JobStatus).status).toBe('completed');
    expect(cancel.stderr).toBe(`job ${sweepJob} had already completed: nothing to cancel\n`);

    const wrongKey = join(folder, 'wrong.key');
    writeFileSync(wrongKey, 'not-the-key-0123456789', { mode: 0o600 });
    const refused = await cli(['jobs', 'list', '--api-url', server.url, '--api-key-file', wrongKey]);
    expect(refused.status).toBe(7);
    expect(refused.stderr).not.toContain('not-the-key');
  });
});
