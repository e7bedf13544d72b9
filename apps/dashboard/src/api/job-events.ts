import { type ApiClient } from '@aetherquant/client';
import { FINISHED_JOB_STATUSES, isAetherError, type JobStatus } from '@aetherquant/core';
import { type EventStreamOpener } from './api-client';

// A job's progress, live. `GET /api/jobs/:id/events` sends a `status` event with the job at once and at every
// change, and ends after a finished job's. EventSource cannot send the key's header, so the stream is read from
// fetch's body; where that fails (a proxy that buffers, a browser without streams, the stream cut short), the
// job is read every second instead.

/** How often a job is read when its stream cannot be: the brief of the events route, once a second. */
export const POLL_INTERVAL_MS = 1000;

/** How long to wait before reading again after a failure worth retrying (server down, network gone). */
const RETRY_AFTER_FAILURE_MS = 5000;

/** One event of a Server-Sent Events stream. */
export interface ServerSentEvent {
  /** `message` when the stream names none. */
  event: string;
  /** The `data:` lines, joined with newlines. */
  data: string;
}

/**
 * Reads Server-Sent Events from text that arrives in pieces (a piece may end anywhere, even inside a line).
 * The rules of the HTML standard's event-stream format: lines end with LF, CRLF or CR; a blank line ends an
 * event; `:` starts a comment (the server's keep-alive); `field: value` loses one space after the colon; an
 * event without data is not dispatched.
 */
export class EventStreamParser {
  #pending = '';
  #event = '';
  #data: string[] = [];

  /** The events completed by `text`. */
  push(text: string): ServerSentEvent[] {
    this.#pending += text;
    const events: ServerSentEvent[] = [];
    for (;;) {
      const end = /\r\n|\r|\n/.exec(this.#pending);
      // A CR at the very end may be the first half of a CRLF: wait for the next piece.
      if (!end || (end[0] === '\r' && end.index === this.#pending.length - 1)) break;
      const line = this.#pending.slice(0, end.index);
      this.#pending = this.#pending.slice(end.index + end[0].length);
      const event = this.#line(line);
      if (event) events.push(event);
    }
    return events;
  }

  #line(line: string): ServerSentEvent | undefined {
    if (line === '') {
      const event =
        this.#data.length > 0 ? { event: this.#event || 'message', data: this.#data.join('\n') } : undefined;
      this.#event = '';
      this.#data = [];
      return event;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.#event = value;
    else if (field === 'data') this.#data.push(value);
    return undefined;
  }
}

export function isFinished(job: Pick<JobStatus, 'status'>): boolean {
  return FINISHED_JOB_STATUSES.includes(job.status);
}

export interface FollowJobOptions {
  client: ApiClient;
  openEventStream: EventStreamOpener;
  signal: AbortSignal;
  /** Between two reads of the job when its stream cannot be read [default: POLL_INTERVAL_MS]. */
  pollIntervalMs?: number;
}

/**
 * Follows job `jobId` until it finishes: `onStatus` gets the job at once and at every change, and the promise
 * resolves with the finished job. It rejects when `signal` aborts, and with the API's error when the job
 * cannot be read (unknown, another's, a refused key); a server or network failure is retried.
 */
export async function followJob(
  jobId: string,
  onStatus: (job: JobStatus) => void,
  options: FollowJobOptions,
): Promise<JobStatus> {
  const streamed = await streamJob(jobId, onStatus, options);
  if (streamed) return streamed;
  return pollJob(jobId, onStatus, options);
}

/** The finished job as its event stream told it, or undefined when the stream could not be read to the end. */
async function streamJob(
  jobId: string,
  onStatus: (job: JobStatus) => void,
  { openEventStream, signal }: FollowJobOptions,
): Promise<JobStatus | undefined> {
  let response: Response;
  try {
    response = await openEventStream(`/api/jobs/${encodeURIComponent(jobId)}/events`, signal);
  } catch (error) {
    if (signal.aborted) throw error;
    return undefined;
  }
  const streaming =
    response.ok && (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
  const reader = streaming ? response.body?.getReader() : undefined;
  if (!reader) {
    // An error answered as JSON (the job unknown, the key refused): reading the job says it properly.
    response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  const decoder = new TextDecoder();
  const parser = new EventStreamParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return undefined;
      for (const event of parser.push(decoder.decode(value, { stream: true }))) {
        const job = event.event === 'status' ? parseJob(event.data) : undefined;
        if (!job) continue;
        onStatus(job);
        if (isFinished(job)) {
          reader.cancel().catch(() => undefined);
          return job;
        }
      }
    }
  } catch (error) {
    if (signal.aborted) throw error;
    return undefined;
  }
}

/** Jobs being read once a second right now: together they keep to one read a second (the API rate-limits keys). */
let polling = 0;

async function pollJob(
  jobId: string,
  onStatus: (job: JobStatus) => void,
  { client, signal, pollIntervalMs = POLL_INTERVAL_MS }: FollowJobOptions,
): Promise<JobStatus> {
  polling += 1;
  try {
    for (;;) {
      let wait = pollIntervalMs * polling;
      try {
        const job = await client.call('job', { id: jobId }, { signal });
        onStatus(job);
        if (isFinished(job)) return job;
      } catch (error) {
        if (signal.aborted || !isAetherError(error)) throw error;
        if (error.code === 'RATE_LIMITED') {
          const seconds = error.details?.retryAfterSeconds;
          wait = typeof seconds === 'number' ? seconds * 1000 : RETRY_AFTER_FAILURE_MS;
        } else if (['UNAVAILABLE', 'UPSTREAM_FAILED', 'INTERNAL'].includes(error.code)) {
          wait = RETRY_AFTER_FAILURE_MS;
        } else {
          throw error;
        }
      }
      await delay(wait, signal);
    }
  } finally {
    polling -= 1;
  }
}

/** The job an event carries, or undefined for data that is not one (the event is then skipped). */
function parseJob(data: string): JobStatus | undefined {
  try {
    const job = JSON.parse(data) as Partial<JobStatus> | null;
    return typeof job?.job_id === 'string' &&
      typeof job.status === 'string' &&
      typeof job.progress === 'object'
      ? (job as JobStatus)
      : undefined;
  } catch {
    return undefined;
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}
