import { type JobStatus } from '@aetherquant/core';
import { apiError, fakeApi, FakeEventStream, type FakeRoutes } from '../testing/fake-api';
import { sampleJob } from '../testing/sample-reports';
import { createDashboardClient, createEventStreamOpener } from './api-client';
import { EventStreamParser, followJob } from './job-events';

const ID = 'job-3f9c2a7d41b04e55a1c8e2f6d09b7a13';

describe('EventStreamParser', () => {
  it('reads events split anywhere across pieces, skipping comments', () => {
    const parser = new EventStreamParser();
    expect(parser.push(': keep-alive\n\nevent: sta')).toEqual([]);
    expect(parser.push('tus\ndata: {"a":')).toEqual([]);
    expect(parser.push('1}\n\nevent: status\r\ndata: 2\r')).toEqual([{ event: 'status', data: '{"a":1}' }]);
    // The CR above may have been the first half of a CRLF: nothing ends until the next piece says.
    expect(parser.push('\n\r\n')).toEqual([{ event: 'status', data: '2' }]);
  });

  it('joins data lines, names an unnamed event "message" and drops an event without data', () => {
    const parser = new EventStreamParser();
    expect(parser.push('data:one\ndata: two\n\nevent: status\n\nevent: done\ndata\n\n')).toEqual([
      { event: 'message', data: 'one\ntwo' },
      { event: 'done', data: '' },
    ]);
  });
});

function follower(routes: FakeRoutes) {
  const api = fakeApi(routes);
  const controller = new AbortController();
  const seen: JobStatus[] = [];
  const following = followJob(ID, (job) => seen.push(job), {
    client: createDashboardClient('k-1', api.fetch),
    openEventStream: createEventStreamOpener('k-1', api.fetch),
    signal: controller.signal,
    pollIntervalMs: 5,
  });
  return { api, controller, seen, following };
}

const progress = (done: number) => ({ done, total: 40, eta_seconds: (40 - done) / 10 });

describe('followJob', () => {
  it('reads the job from its event stream, with the key in the header, until it finishes', async () => {
    const stream = new FakeEventStream();
    const { api, seen, following } = follower({ [`GET /api/jobs/${ID}/events`]: { stream } });
    stream.send('status', sampleJob({ progress: progress(10) }));
    stream.write(': keep-alive\n\n');
    stream.send('status', sampleJob({ progress: progress(30) }));
    stream.send('status', sampleJob({ status: 'completed', progress: progress(40), run_id: 'run-1' }));

    const done = await following;
    expect(done).toMatchObject({ status: 'completed', run_id: 'run-1' });
    expect(seen.map((job) => job.progress.done)).toEqual([10, 30, 40]);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.headers).toMatchObject({ 'x-api-key': 'k-1', accept: 'text/event-stream' });
  });

  it('reads the job every interval once the stream is cut before the job finished', async () => {
    const stream = new FakeEventStream();
    let reads = 0;
    const { api, seen, following } = follower({
      [`GET /api/jobs/${ID}/events`]: { stream },
      [`GET /api/jobs/${ID}`]: () => {
        reads += 1;
        return { body: sampleJob(reads < 3 ? { progress: progress(20 + reads) } : { status: 'cancelled' }) };
      },
    });
    stream.send('status', sampleJob({ progress: progress(20) }));
    stream.cut();

    expect(await following).toMatchObject({ status: 'cancelled' });
    expect(seen.map((job) => job.status)).toEqual(['running', 'running', 'running', 'cancelled']);
    expect(seen.map((job) => job.progress.done).slice(0, 3)).toEqual([20, 21, 22]);
    expect(api.requests.map((request) => request.path)).toEqual([
      `/api/jobs/${ID}/events`,
      `/api/jobs/${ID}`,
      `/api/jobs/${ID}`,
      `/api/jobs/${ID}`,
    ]);
  });

  it('reads the job instead when the stream is refused, and fails with the reason it cannot be read', async () => {
    const { api, following } = follower({
      [`GET /api/jobs/${ID}/events`]: apiError(404, 'NOT_FOUND', `no job ${ID}`),
      [`GET /api/jobs/${ID}`]: apiError(404, 'NOT_FOUND', `no job ${ID}`),
    });
    await expect(following).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(api.requests.map((request) => request.path)).toEqual([
      `/api/jobs/${ID}/events`,
      `/api/jobs/${ID}`,
    ]);
  });

  it('stops reading when aborted', async () => {
    const stream = new FakeEventStream();
    const { controller, following } = follower({ [`GET /api/jobs/${ID}/events`]: { stream } });
    stream.send('status', sampleJob());
    controller.abort();
    await expect(following).rejects.toBeDefined();
  });
});
