// `aetherquant jobs …` on a machine without a job queue (no AETHERQ_REDIS_URL, no --api-url): a job can only
// run in the command's own process, so `jobs submit` runs it and waits, and everything that needs the job to
// outlive the process (or to have been submitted by another) says what to set.
import { type JobStatus } from '@aetherquant/core';
import { runCli } from './run-cli';

jest.setTimeout(60_000);

const env = { AETHERQ_DATABASE_URL: 'none', AETHERQ_CACHE_DIR: 'none' };

const SWEEP_REQUEST = {
  symbol: 'SPY',
  provider: 'synthetic',
  period: '3y',
  grid: { fast: '5:20:5', slow: '30:60:10' },
  top: 3,
};
const SWEEP_FLAGS = ['--symbol', 'SPY', '--provider', 'synthetic', '--period', '3y'];
const GRID_FLAGS = ['--fast', '5:20:5', '--slow', '30:60:10', '--top', '3'];

const DETACH_REFUSED =
  'error: --detach needs a job queue that outlives this process: set AETHERQ_REDIS_URL, or use --api-url\n';

describe('aetherquant jobs without a job queue', () => {
  it('jobs submit runs the job in this process, waits, and prints exactly what the use case prints', () => {
    const submitted = runCli(['jobs', 'submit', 'sweep', '--request', JSON.stringify(SWEEP_REQUEST)], {
      env,
    });
    expect(submitted.stderr).toBe('');
    expect(submitted.status).toBe(0);
    const direct = runCli(['sweep', ...SWEEP_FLAGS, ...GRID_FLAGS], { env });
    expect(direct.status).toBe(0);
    expect(submitted.stdout).toBe(direct.stdout);
  });

  it('with --json, prints the finished job, its result included', () => {
    const run = runCli(['jobs', 'submit', 'sweep', '--request', JSON.stringify(SWEEP_REQUEST), '--json'], {
      env,
    });
    expect(run.status).toBe(0);
    const job = JSON.parse(run.stdout) as JobStatus;
    expect(job).toMatchObject({ use_case: 'sweep', status: 'completed', owner: 'local', run_id: null });
    expect(job.job_id).toMatch(/^job-[0-9a-f]{32}$/);
    expect(job.result).toMatchObject({ symbol: 'SPY', combinations: 16, results: expect.any(Array) });
  });

  it('reads the request from standard input, and takes the catalog spelling of a use case too', () => {
    const request = { symbols: ['SPY', 'TLT'], provider: 'synthetic', period: '3y' };
    const run = runCli(['jobs', 'submit', 'portfolioBacktest', '--request-file', '-'], {
      env,
      input: JSON.stringify(request),
    });
    expect(run.status).toBe(0);
    const direct = runCli(['backtest', '--symbols', 'SPY,TLT', '--provider', 'synthetic', '--period', '3y'], {
      env,
    });
    expect(run.stdout).toBe(direct.stdout);
  });

  it('refuses --detach (exit 2, naming it): the job would end with this process', () => {
    const submitted = runCli(
      ['jobs', 'submit', 'sweep', '--request', JSON.stringify(SWEEP_REQUEST), '--detach'],
      { env },
    );
    expect(submitted).toEqual({ status: 2, stdout: '', stderr: DETACH_REFUSED });
    const sweep = runCli(['sweep', ...SWEEP_FLAGS, ...GRID_FLAGS, '--detach'], { env });
    expect(sweep).toEqual({ status: 2, stdout: '', stderr: DETACH_REFUSED });
    const walkForward = runCli(['walk-forward', ...SWEEP_FLAGS, '--detach', '--json'], { env });
    expect(walkForward.status).toBe(2);
    expect(JSON.parse(walkForward.stdout)).toMatchObject({
      error: { code: 'INVALID_ARGUMENT', details: { violations: [{ field: '--detach' }] } },
    });
  });

  it('checks a detached sweep as sweep checks it, naming the flags, before anything is submitted', () => {
    const run = runCli(['sweep', ...SWEEP_FLAGS, '--fast', '5', '--slow', '30', '--top', '0', '--detach'], {
      env,
    });
    expect(run).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: sweep request: --top must be at least 1 (got 0)\n',
    });
  });

  it('list, show, cancel and wait say what to set: jobs of other processes are in no queue here (exit 3)', () => {
    const id = `job-${'a'.repeat(32)}`;
    for (const args of [['list'], ['show', id], ['cancel', id], ['wait', id]]) {
      const run = runCli(['jobs', ...args], { env });
      expect({ args, ...run }).toEqual({
        args,
        status: 3,
        stdout: '',
        stderr: 'error: no job engine here: set AETHERQ_REDIS_URL to reach the job queue, or use --api-url\n',
      });
    }
  });

  it('bad input exits 2 naming the argument or flag', () => {
    const unknown = runCli(['jobs', 'submit', 'walkforward'], { env });
    expect(unknown).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'error: use-case must be one of backtest, portfolio-backtest, papertrade, optimize, sweep, walk-forward (got walkforward)\n',
    });
    const notJson = runCli(['jobs', 'submit', 'sweep', '--request', '{symbol: SPY}'], { env });
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toMatch(/^error: --request must be JSON \(/);
    const both = runCli(['jobs', 'submit', 'sweep', '--request', '{}', '--request-file', 'x.json'], { env });
    expect(both.stderr).toBe('error: --request-file cannot be combined with --request\n');
    const badField = runCli(['jobs', 'submit', 'sweep', '--request', '{"symbol":"SPY","top":0}'], { env });
    expect(badField.status).toBe(2);
    expect(badField.stderr).toContain('request.top must be at least 1');
    const limit = runCli(['jobs', 'list', '--limit', '0'], { env });
    expect(limit).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: jobs request: --limit must be at least 1 (got 0)\n',
    });
  });

  it('a failed job exits with the code of its error, as the use case would (too few bars: 2)', () => {
    const request = {
      symbol: 'SPY',
      provider: 'synthetic',
      start: '2024-05-31',
      end: '2024-05-31',
      grid: { fast: [5], slow: [200] },
    };
    const run = runCli(['jobs', 'submit', 'sweep', '--request', JSON.stringify(request)], { env });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^error: job job-[0-9a-f]{32} failed: sweep SPY 1d: bars must number at least 201/,
    );
  });
});
