import { createHash } from 'node:crypto';
import {
  type JobSubmission,
  type JobUseCaseName,
  remoteRequestSchema,
  USE_CASES,
  validate,
} from '@aetherquant/core';

/** A submission checked against its use case's request schema, with the id of the work it asks for. */
export interface IdentifiedJob {
  jobId: string;
  useCase: JobUseCaseName;
  /** The request as its schema resolved it (defaults filled in), which is what the job computes. */
  request: Record<string, unknown>;
  /** The version of the data it reads (see DataVersion), part of its id. */
  dataVersion: string;
}

/**
 * Says which version of the data a request reads, so that the same request over changed data is new work.
 * The engines take it from the app; the default treats the request as naming its data fully.
 */
export type DataVersion = (
  useCase: JobUseCaseName,
  request: Readonly<Record<string, unknown>>,
) => Promise<string>;

/**
 * Validates a submission (its request's fields are named `request.<field>` in errors; a remote caller's
 * against the schema its API route takes, so it cannot name this machine's folders) and derives its id:
 * a hash of the use case, the owner, the resolved request and the version of the data it reads. Keys are
 * sorted first, so two spellings of one request are one job.
 */
export async function identifyJob(
  submission: JobSubmission,
  owner: string,
  dataVersion: DataVersion,
  from: 'local' | 'remote' = 'local',
): Promise<IdentifiedJob> {
  const useCase = submission.use_case;
  const schema = from === 'remote' ? remoteRequestSchema(useCase) : USE_CASES[useCase].request;
  const request = validate(schema, submission.request, {
    context: `${USE_CASES[useCase].title} job request`,
    fieldName: (field) => (field === '' ? 'request' : `request.${field}`),
  }) as Record<string, unknown>;
  const version = await dataVersion(useCase, request);
  const digest = createHash('sha256')
    .update(canonicalJson({ useCase, owner, request, data: version }))
    .digest('hex');
  return { jobId: `job-${digest.slice(0, 32)}`, useCase, request, dataVersion: version };
}

/** JSON with every object's keys sorted: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : field,
  );
}
