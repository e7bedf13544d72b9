import request from 'supertest';
import { type JobStatus } from '@aetherquant/core';
import { LONG_SWEEP_JOB, range } from '@aetherquant/testing';
import { streamedEvents } from './support/job-events';
import {
  ADMIN_KEY,
  ERROR_SHAPE,
  eventually,
  startTestApi,
  type TestApi,
  TRADER_KEY,
} from './support/test-api';

/**
 * `/api/jobs` on the embedded engine (no Redis): submission answers 202 with the job's URL, the job is
 * followed by polling or by Server-Sent Events, and a trader sees only their own jobs. The distributed engine
 * is held to the same behaviour by the engines' contract suite; jobs-distributed.e2e-spec.ts runs the API
 * instances and workers as processes on the real Redis.
 */

const BACKTEST_JOB = {
  use_case: 'backtest',
  request: { symbol: 'SPY', provider: 'synthetic', period: '1y' },
};

/** A sweep grid of `cells` (fast, slow) combinations. */
function sweepJob(fast: number, slow: number, extra: Record<string, unknown> = {}) {
  return {
    use_case: 'sweep',
    request: {
      symbol: 'SPY',
      provider: 'synthetic',
      period: '1y',
      grid: { fast: range(1, fast), slow: range(101, 100 + slow) },
      ...extra,
    },
  };
}

async function finished(api: TestApi, jobId: string, key = TRADER_KEY): Promise<JobStatus> {
  return eventually(
    `job ${jobId} to finish`,
    async () => {
      const { body } = await request(api.url).get(`/api/jobs/${jobId}`).set('X-API-Key', key).expect(200);
      return ['completed', 'failed', 'cancelled'].includes((body as JobStatus).status)
        ? (body as JobStatus)
        : undefined;
    },
    60_000,
  );
}

describe('jobs over HTTP (embedded engine)', () => {
  let api: TestApi;
  beforeAll(async () => {
    // The tests poll job status: the per-client rate limit is not what they are about.
    api = await startTestApi({
      env: { AETHERQ_JOB_MAX_ACTIVE_PER_KEY: '2', AETHERQ_RATE_LIMIT_PER_MINUTE: '1000000' },
    });
  });
  afterAll(() => api.close());

  it('answers a submission 202 with the job and its URL in Location; the job completes with the report', async () => {
    const submitted = await request(api.url)
      .post('/api/jobs')
      .set('X-API-Key', TRADER_KEY)
      .send(BACKTEST_JOB)
      .expect(202);
    const job = submitted.body as JobStatus;
    expect(job).toMatchObject({ use_case: 'backtest', owner: 'trader', error: null });
    expect(job.job_id).toMatch(/^job-[0-9a-f]{32}$/);
    expect(submitted.headers['location']).toBe(`/api/jobs/${job.job_id}`);

    const done = await finished(api, job.job_id);
    expect(done.status).toBe('completed');
    expect(done.result).toMatchObject({ symbol: 'SPY', strategy: 'ma-cross' });
    // The same report the synchronous endpoint answers.
    const direct = await request(api.url)
      .post('/api/backtest')
      .set('X-API-Key', TRADER_KEY)
      .send(BACKTEST_JOB.request)
      .expect(200);
    expect((done.result as { total_return: number }).total_return).toBe(direct.body.total_return);

    // The same work again (its fields in another order): the same job, finished, and nothing new runs.
    const again = await request(api.url)
      .post('/api/jobs')
      .set('X-API-Key', TRADER_KEY)
      .send({ use_case: 'backtest', request: { period: '1y', provider: 'synthetic', symbol: 'SPY' } })
      .expect(202);
    expect(again.body).toMatchObject({
      job_id: job.job_id,
      status: 'completed',
      finished_at: done.finished_at,
    });
  });

  it('shows a trader their own jobs only; an admin sees everyone', async () => {
    const adminJob = (
      await request(api.url)
        .post('/api/jobs')
        .set('X-API-Key', ADMIN_KEY)
        .send({ ...BACKTEST_JOB, request: { ...BACKTEST_JOB.request, period: '2y' } })
        .expect(202)
    ).body as JobStatus;
    expect(adminJob.owner).toBe('admin');
    const hidden = await request(api.url)
      .get(`/api/jobs/${adminJob.job_id}`)
      .set('X-API-Key', TRADER_KEY)
      .expect(404);
    expect(hidden.body).toMatchObject(ERROR_SHAPE);
    await request(api.url).delete(`/api/jobs/${adminJob.job_id}`).set('X-API-Key', TRADER_KEY).expect(404);

    const traders = (await request(api.url).get('/api/jobs').set('X-API-Key', TRADER_KEY).expect(200)).body;
    expect(traders.jobs.length).toBeGreaterThan(0);
    expect(traders.jobs.every((job: JobStatus) => job.owner === 'trader')).toBe(true);
    expect(traders.jobs.every((job: JobStatus) => !('result' in job))).toBe(true);
    const all = (await request(api.url).get('/api/jobs?limit=200').set('X-API-Key', ADMIN_KEY).expect(200))
      .body;
    expect(all.jobs.map((job: JobStatus) => job.owner)).toEqual(expect.arrayContaining(['trader', 'admin']));
    await finished(api, adminJob.job_id, ADMIN_KEY);
  });

  it('refuses bad submissions with 400 naming the field, before queuing anything', async () => {
    const refuse = async (body: object, field: string) => {
      const response = await request(api.url).post('/api/jobs').set('X-API-Key', TRADER_KEY).send(body);
      expect(response.status).toBe(400);
      expect(response.body.error.details.map((violation: { field: string }) => violation.field)).toContain(
        field,
      );
    };
    await refuse({ use_case: 'liveTrade', request: {} }, 'use_case');
    await refuse({ use_case: 'backtest', request: { symbol: 'SPY', fast: -1 } }, 'request.fast');
    // A remote caller never names this machine's folders, in a job no more than at its endpoint.
    await refuse(
      { use_case: 'walkForward', request: { symbol: 'SPY', data_dir: '/etc' } },
      'request.data_dir',
    );
    await refuse({ use_case: 'backtest', request: {}, extra: 1 }, 'extra');
    await request(api.url).get('/api/jobs/not-a-job').set('X-API-Key', TRADER_KEY).expect(400);
    const listed = (await request(api.url).get('/api/jobs').set('X-API-Key', ADMIN_KEY).expect(200)).body;
    expect(listed.jobs.some((job: JobStatus) => job.use_case === 'walkForward')).toBe(false);
  });

  it('points a sweep over the synchronous limit to the job queue, which takes it, up to its own limit', async () => {
    const big = sweepJob(150, 150); // 22,500 cells: over the 20,000 of POST /api/sweep
    const refused = await request(api.url).post('/api/sweep').set('X-API-Key', TRADER_KEY).send(big.request);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      {
        field: 'grid',
        rule: 'has 22500 combinations, more than the 20000 this server runs per request; submit it as a job instead (POST /api/jobs with use_case sweep), which takes up to 1000000',
      },
    ]);
    const accepted = await request(api.url)
      .post('/api/jobs')
      .set('X-API-Key', TRADER_KEY)
      .send(big)
      .expect(202);
    const cancelled = await request(api.url)
      .delete(`/api/jobs/${accepted.body.job_id}`)
      .set('X-API-Key', TRADER_KEY)
      .expect(200);
    expect(cancelled.body.status).toBe('cancelled');

    const tooBig = await request(api.url)
      .post('/api/jobs')
      .set('X-API-Key', TRADER_KEY)
      .send(sweepJob(1001, 1000))
      .expect(400);
    expect(tooBig.body.error.details).toEqual([
      {
        field: 'request.grid',
        rule: 'must have at most 1,000,000 combinations (got 1,001,000: fast 1,001 × slow 1,000)',
      },
    ]);
  });

  it('holds each key to its quota of jobs with 429 and a message that says what to do', async () => {
    const first = await request(api.url)
      .post('/api/jobs')
      .set('X-API-Key', TRADER_KEY)
      .send(LONG_SWEEP_JOB)
      .expect(202);
    const second = await request(api.url)
      .post('/api/jobs')
      .set('X-API-Key', TRADER_KEY)
      .send({ ...LONG_SWEEP_JOB, request: { ...LONG_SWEEP_JOB.request, top: 5 } })
      .expect(202);
    const third = await request(api.url)
      .post('/api/jobs')
      .set('X-API-Key', TRADER_KEY)
      .send({ ...LONG_SWEEP_JOB, request: { ...LONG_SWEEP_JOB.request, top: 6 } })
      .expect(429);
    expect(third.body.error).toMatchObject({
      code: 'RATE_LIMITED',
      message:
        'trader has 2 jobs queued or running, the most one key may (AETHERQ_JOB_MAX_ACTIVE_PER_KEY=2); wait for one to finish or cancel one',
    });
    // Another key's budget is its own; a duplicate of a counted job is no new work and passes.
    await request(api.url).post('/api/jobs').set('X-API-Key', TRADER_KEY).send(LONG_SWEEP_JOB).expect(202);
    const adminJob = await request(api.url)
      .post('/api/jobs')
      .set('X-API-Key', ADMIN_KEY)
      .send({ ...LONG_SWEEP_JOB, request: { ...LONG_SWEEP_JOB.request, top: 6 } })
      .expect(202);
    for (const [job, key] of [
      [first, TRADER_KEY],
      [second, TRADER_KEY],
      [adminJob, ADMIN_KEY],
    ] as const) {
      const cancelled = await request(api.url)
        .delete(`/api/jobs/${job.body.job_id}`)
        .set('X-API-Key', key)
        .expect(200);
      expect(cancelled.body.status).toBe('cancelled');
    }
    await request(api.url).get('/api/jobs?status=cancelled').set('X-API-Key', TRADER_KEY).expect(200);
  });

  it('answers /healthz again and again while the largest job allowed computes', async () => {
    // 1,000,000 combinations (AETHERQ_JOB_MAX_SWEEP_CELLS) over ten years of daily bars: hours of compute.
    const largest = {
      use_case: 'sweep',
      request: {
        symbol: 'QQQ',
        provider: 'synthetic',
        period: '10y',
        grid: { fast: '1:1000:1', slow: '1001:2000:1' },
      },
    };
    const job = (
      await request(api.url).post('/api/jobs').set('X-API-Key', ADMIN_KEY).send(largest).expect(202)
    ).body as JobStatus;
    const progressed = async () => {
      const { body } = await request(api.url).get(`/api/jobs/${job.job_id}`).set('X-API-Key', ADMIN_KEY);
      return ((body as JobStatus).progress?.done ?? 0) > 0 ? (body as JobStatus) : undefined;
    };
    try {
      // On a loaded machine the job thread (nice 19) may take a while to start computing.
      const before = await eventually('the job to compute', progressed, {
        timeoutMs: 90_000,
        intervalMs: 100,
      });
      expect(before).toMatchObject({ status: 'running', progress: { total: 1_000_000 } });
      // Order, not timing: every probe is answered while the job is still computing.
      for (let probe = 0; probe < 5; probe++) await request(api.url).get('/healthz').expect(200);
      const after = (await request(api.url).get(`/api/jobs/${job.job_id}`).set('X-API-Key', ADMIN_KEY)).body;
      expect(after.status).toBe('running');
    } finally {
      // Cancelled whatever happened: the next tests share the one-job-at-a-time embedded engine.
      await request(api.url).delete(`/api/jobs/${job.job_id}`).set('X-API-Key', ADMIN_KEY);
    }
  }, 120_000);

  it('streams a job as Server-Sent Events until it finishes', async () => {
    const job = (
      await request(api.url)
        .post('/api/jobs')
        .set('X-API-Key', TRADER_KEY)
        .send(sweepJob(30, 40, { period: '2y' }))
        .expect(202)
    ).body as JobStatus;
    const { contentType, events } = await streamedEvents(api.url, job.job_id, TRADER_KEY);
    expect(contentType).toBe('text/event-stream; charset=utf-8');
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.job_id === job.job_id)).toBe(true);
    const last = events.at(-1) as JobStatus;
    expect(last.error).toBeNull();
    expect(last.status).toBe('completed');
    expect(last.progress).toMatchObject({ done: 1200, total: 1200 });
    // Progress only moves forward.
    const done = events.map((event) => event.progress.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    // An unknown or another's job is a JSON 404, not a stream.
    await request(api.url)
      .get('/api/jobs/job-00000000000000000000000000000000/events')
      .set('X-API-Key', TRADER_KEY)
      .expect('Content-Type', /json/)
      .expect(404);
  });
});
