// Jobs: long use cases run off the request path, by the embedded engine or by `aetherquant worker`s on Redis.
// The submission and the status a client reads are the same for both engines.

import { z } from 'zod';
import { ERROR_CODES } from '../errors/aether-error';
import { timestampSchema } from '../reports/report-fields';
import { USE_CASES, USE_CASE_NAMES, type UseCaseName } from '../use-cases/use-case-catalog';

/** Where a job is: waiting for a worker, being computed, or finished one of three ways. */
export const JOB_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type JobStatusName = (typeof JOB_STATUSES)[number];

/** The statuses a job does not leave. */
export const FINISHED_JOB_STATUSES: readonly JobStatusName[] = ['completed', 'failed', 'cancelled'];

/** The use cases that may run as a job: the catalog's entries marked `job`. */
export type JobUseCaseName = {
  [Name in UseCaseName]: (typeof USE_CASES)[Name]['job'] extends true ? Name : never;
}[UseCaseName];
export const JOB_USE_CASE_NAMES = USE_CASE_NAMES.filter(
  (name) => USE_CASES[name].job,
) as readonly JobUseCaseName[] as readonly [JobUseCaseName, ...JobUseCaseName[]];

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
