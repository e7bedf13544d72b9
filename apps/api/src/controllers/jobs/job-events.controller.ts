import { Controller, Inject, Req, Res } from '@nestjs/common';
import { type Response } from 'express';
import { FINISHED_JOB_STATUSES, type JobStatus } from '@aetherquant/core';
import { Endpoint } from '../../common/decorators/endpoint.decorator';
import { type ApiRequest } from '../../common/http/http-types';
import { WorkflowRunner } from '../../common/workflow-runner.service';
import { API_RUNTIME, type ApiRuntime } from '../../config/api-runtime';

/** A comment line this often keeps proxies (and Render's, nginx's 60 s) from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

/**
 * `GET /api/jobs/:id/events`: a job's progress as Server-Sent Events, for the dashboard's progress bar and
 * any client with an EventSource. The job is read through the `job` use case first, so the caller's
 * permission and ownership (a trader follows only their own jobs) and a bad id are answered as JSON errors
 * before the stream starts. Then one `status` event at once, one at every change, and the stream ends after
 * a finished job's. With the distributed engine the changes come from Redis, so any API instance streams
 * any job.
 */
@Controller()
export class JobEventsController {
  constructor(
    private readonly workflows: WorkflowRunner,
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
  ) {}

  @Endpoint('jobEvents')
  async events(@Req() request: ApiRequest, @Res() response: Response): Promise<void> {
    const job = (await this.workflows.run('job', request)) as JobStatus;
    let last = '';
    let stop: () => void = () => undefined;
    // A change seen before the stream starts (while the job is read) stands in if the read finds nothing.
    let early: JobStatus | undefined;
    const send = (status: JobStatus) => {
      if (!response.headersSent) {
        early = status;
        return;
      }
      if (response.writableEnded) return;
      const data = JSON.stringify(status);
      if (data !== last) response.write(`event: status\ndata: ${data}\n\n`);
      last = data;
      if (FINISHED_JOB_STATUSES.includes(status.status)) stop();
    };
    // Watch first, then read: a change between the two is not missed (an unchanged one is not sent twice).
    // Both before the stream starts, so a queue out of reach is still answered as a JSON 503.
    const unwatch = await this.runtime.jobs.watch(job.job_id, send);
    const current = await this.runtime.jobs.get(job.job_id).catch((error: unknown) => {
      unwatch();
      throw error;
    });
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      // nginx buffers responses by default, which would hold every event back.
      'X-Accel-Buffering': 'no',
    });
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
    stop = () => {
      clearInterval(heartbeat);
      unwatch();
      if (!response.writableEnded) response.end();
    };
    response.once('close', stop);
    send(current ?? early ?? job);
  }
}
