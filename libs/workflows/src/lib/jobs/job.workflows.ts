import { AetherError, roleCan, USE_CASES } from '@aetherquant/core';
import { defineWorkflow } from '../workflow/workflow';
import { type Caller, type WorkflowContext } from '../workflow/workflow-context';
import { type JobEngine } from './job-engine';

/** The caller the CLI is on its own machine: every job is theirs to see. */
const LOCAL_CALLER: Caller = { name: 'local', role: 'admin' };

function jobsOf(context: WorkflowContext): { engine: JobEngine; caller: Caller } {
  if (!context.jobs) {
    throw new AetherError(
      'UNAVAILABLE',
      'no job engine here: set AETHERQ_REDIS_URL to reach the job queue, or use --api-url',
    );
  }
  return { engine: context.jobs, caller: context.caller ?? LOCAL_CALLER };
}

/** Whether `caller` may see the jobs of `owner`: their own, or anyone's for an admin. */
function canSee(caller: Caller, owner: string): boolean {
  return caller.role === 'admin' || caller.name === owner;
}

/** Queues a job for its use case, once the caller is known to hold that use case's permission too. */
export const submitJobWorkflow = defineWorkflow('submitJob', {
  async run(request, context) {
    const { engine, caller } = jobsOf(context);
    const useCase = USE_CASES[request.use_case];
    if (!roleCan(caller.role, useCase.permission)) {
      throw new AetherError(
        'FORBIDDEN',
        `a ${useCase.title} job needs the ${useCase.permission} permission, which the ${caller.role} role lacks`,
      );
    }
    return engine.submit(request, caller.name);
  },
});

/** One job; another owner's is NOT_FOUND to a trader, so ids cannot be probed. */
export const jobWorkflow = defineWorkflow('job', {
  async run(request, context) {
    const { engine, caller } = jobsOf(context);
    const job = await engine.get(request.id);
    if (!job || !canSee(caller, job.owner)) throw noSuchJob(request.id);
    return job;
  },
});

export const listJobsWorkflow = defineWorkflow('jobs', {
  async run(request, context) {
    const { engine, caller } = jobsOf(context);
    const jobs = await engine.list({
      owner: caller.role === 'admin' ? undefined : caller.name,
      status: request.status,
      limit: request.limit,
      offset: request.offset,
    });
    return { jobs: jobs.map(({ result: _result, ...job }) => job) };
  },
});

export const cancelJobWorkflow = defineWorkflow('cancelJob', {
  async run(request, context) {
    const { engine, caller } = jobsOf(context);
    const job = await engine.get(request.id);
    if (!job || !canSee(caller, job.owner)) throw noSuchJob(request.id);
    return (await engine.cancel(request.id)) ?? job;
  },
});

function noSuchJob(jobId: string): AetherError {
  return new AetherError(
    'NOT_FOUND',
    `no job ${jobId} that you can see (finished jobs are kept for a week in the job queue; the embedded engine keeps the latest only, until it restarts)`,
  );
}
