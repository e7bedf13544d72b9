// Jobs: long use cases run off the request path, by the embedded engine or by `aetherquant worker`s on Redis.
// The submission and the status a client reads are the same for both engines.

import { z } from 'zod';
import { ERROR_CODES } from '../errors/aether-error';
import { timestampSchema } from '../reports/report-fields';
import { withResponseMeta } from '../reports/response-meta';

/** Where a job is: waiting for a worker, being computed, or finished one of three ways. */
export const JOB_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type JobStatusName = (typeof JOB_STATUSES)[number];

/** The statuses a job does not leave. */
export const FINISHED_JOB_STATUSES: readonly JobStatusName[] = ['completed', 'failed', 'cancelled'];

/**
 * The use cases that may run as a job: the long ones. Listed here rather than flagged in the catalog, whose
 * job entries take a submission naming one of them; the catalog's check holds each to be one of its use
 * cases, of `weight: compute`.
 */
export const JOB_USE_CASE_NAMES = [
  'backtest',
  'portfolioBacktest',
  'papertrade',
  'optimize',
  'sweep',
  'walkForward',
] as const;
export type JobUseCaseName = (typeof JOB_USE_CASE_NAMES)[number];

/** The most jobs one list request returns, and how many it returns when it names no `limit`. */
export const MAX_JOBS_LIMIT = 200;
export const DEFAULT_JOBS_LIMIT = 50;

/** What a client submits: a job use case and its request, validated by that use case's schema on submission. */
export const jobSubmissionSchema = z
  .strictObject({
    use_case: z.enum(JOB_USE_CASE_NAMES).describe('The use case to run as a job.'),
    request: z
      .record(z.string(), z.unknown())
      .default({})
      .describe("The use case's request, as its own endpoint or command takes it."),
  })
  .meta({ description: 'A long use case to run as a job.' });
export type JobSubmission = z.output<typeof jobSubmissionSchema>;

export const jobProgressSchema = z
  .strictObject({
    done: z.number().int().min(0).describe('Units of work done (a sweep: cells evaluated).'),
    total: z.number().int().min(0).describe('Units of work in all; 0 until the job knows.'),
    eta_seconds: z
      .number()
      .min(0)
      .nullable()
      .describe('Seconds to completion at the rate so far; null before there is a rate.'),
  })
  .meta({ description: 'How far a job has come.' });
export type JobProgress = z.output<typeof jobProgressSchema>;

/** A job as a client reads it. */
export const jobStatusSchema = z
  .strictObject({
    job_id: z
      .string()
      .describe(
        'Derived from the submission and the data it reads: the same work submitted again has the same id.',
      ),
    use_case: z.enum(JOB_USE_CASE_NAMES),
    status: z.enum(JOB_STATUSES),
    owner: z.string().describe('The API key name that submitted it (`local` from the CLI).'),
    progress: jobProgressSchema,
    submitted_at: timestampSchema,
    started_at: timestampSchema.nullable(),
    finished_at: timestampSchema.nullable(),
    run_id: z
      .string()
      .nullable()
      .describe('The run recording its result, once completed (null if not recorded).'),
    error: z
      .strictObject({ code: z.enum(ERROR_CODES), message: z.string() })
      .nullable()
      .describe('Why it failed; null unless it did.'),
    result: z.unknown().optional().describe("The use case's report, once completed."),
  })
  .meta({ description: 'A job: its status, progress and, once completed, its result.' });
export type JobStatus = z.output<typeof jobStatusSchema>;

const exampleJob: JobStatus = {
  job_id: 'job-3f9c2a7d41b04e55a1c8e2f6d09b7a13',
  use_case: 'sweep',
  status: 'running',
  owner: 'trader',
  progress: { done: 12_000, total: 48_000, eta_seconds: 41.5 },
  submitted_at: '2026-12-03T09:30:00.000Z',
  started_at: '2026-12-03T09:30:01.250Z',
  finished_at: null,
  run_id: null,
  error: null,
};

/** What `POST /api/jobs`, `GET /api/jobs/:id` and `DELETE /api/jobs/:id` answer. */
export const jobReportSchema = withResponseMeta(
  jobStatusSchema,
  'A job: its status and progress; once completed, `result` holds the report its use case returns and `run_id` the run recording it.',
  exampleJob,
);

/** What `GET /api/jobs` answers: jobs newest first, without their results. */
export const jobsReportSchema = withResponseMeta(
  z.strictObject({ jobs: z.array(jobStatusSchema.omit({ result: true })) }),
  'Jobs, newest first, without their results (read one job for its result).',
  { jobs: [exampleJob] },
);
export type JobsReport = z.output<typeof jobsReportSchema>;

/** Input of `GET /api/jobs/:id`, `DELETE /api/jobs/:id` and their commands. */
export const jobIdRequestSchema = z
  .strictObject({ id: z.string().regex(/^job-[0-9a-f]{32}$/, 'must be a job id (job- and 32 hex digits)') })
  .describe('The job, by the id its submission returned.');

/** Input of `GET /api/jobs` / `aetherquant jobs list`: newest first, page by page. */
export const listJobsRequestSchema = z.strictObject({
  status: z.enum(JOB_STATUSES).optional().describe('Only jobs in this status.'),
  limit: z.number().int().min(1).max(MAX_JOBS_LIMIT).default(DEFAULT_JOBS_LIMIT),
  offset: z.number().int().min(0).default(0).describe('Jobs to skip, newest first: for the next page.'),
});
export type ListJobsRequest = z.output<typeof listJobsRequestSchema>;
