import { AetherError } from '../errors/aether-error';
import { type AttemptFailure, type RetryPolicy, upstreamFailure } from './retry-policy';
import { type RetryClock, sendWithRetry } from './send-with-retry';

// Every wait goes through a recording clock (nothing sleeps for real) except where a test shows that an
// abort ends a real wait at once. Time limits are real timers of a few ms, on requests that never answer.

/** What the fake server does for one attempt: answer, fail like a dropped connection, or never answer. */
type Step = Response | Error | 'hang';

/** A `send` that plays `steps` in order, one per attempt, and counts the attempts. */
function scripted(...steps: Step[]) {
  const script = {
    sent: 0,
    send(signal: AbortSignal): Promise<Response> {
      script.sent++;
      const step = steps.shift();
      if (step === undefined) throw new Error(`no step scripted for attempt ${script.sent}`);
      if (step === 'hang') return untilAborted(signal);
      return step instanceof Error ? Promise.reject(step) : Promise.resolve(step);
    },
  };
  return script;
}

/** A promise that settles only when `signal` aborts, rejecting with its reason as fetch does. */
function untilAborted<T>(signal: AbortSignal): Promise<T> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** A clock whose time moves only when the code under test waits; every wait is recorded. */
function recordingClock(start = 0): { waits: number[]; clock: Required<RetryClock> } {
  const waits: number[] = [];
  let time = start;
  return {
    waits,
    clock: {
      now: () => time,
      sleep: async (ms) => {
        waits.push(ms);
        time += ms;
      },
    },
  };
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  404: 'Not Found',
  429: 'Too Many Requests',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const answer = (status: number, body = '', headers: Record<string, string> = {}) =>
  new Response(body, { status, statusText: STATUS_TEXT[status], headers });

/** The error Node's fetch throws when nothing listens: "fetch failed", the reason in `cause`. */
const refused = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });

/** As Yahoo's: four attempts, 100 ms then doubling, 429 and 5xx retried. */
const POLICY: RetryPolicy<string> = {
  attempts: 4,
  backoffMs: 100,
  retriesStatus: (status) => status === 429 || status >= 500,
  giveUp: (last, attempts) => upstreamFailure('Test service', last, attempts),
};

const read = ({ response, text }: { response: Response; text: string }) => `${response.status} ${text}`;

async function failure(promise: Promise<unknown>): Promise<AetherError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AetherError);
    return error as AetherError;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

describe('sendWithRetry', () => {
  it('retries 503 twice, waiting 100 then 200 ms, and reads the third answer', async () => {
    const server = scripted(answer(503), answer(503), answer(200, 'bars'));
    const { waits, clock } = recordingClock();
    await expect(sendWithRetry({ send: server.send, read }, POLICY, clock)).resolves.toBe('200 bars');
    expect(server.sent).toBe(3);
    expect(waits).toEqual([100, 200]);
  });

  it('hands back at once, body read, an answer the policy does not retry', async () => {
    const server = scripted(answer(404, 'no such symbol'));
    const { waits, clock } = recordingClock();
    await expect(sendWithRetry({ send: server.send, read }, POLICY, clock)).resolves.toBe(
      '404 no such symbol',
    );
    expect(server.sent).toBe(1);
    expect(waits).toEqual([]);
  });

  it('doubles each wait up to maxBackoffMs, then gives up naming the status after every attempt', async () => {
    const server = scripted(...Array.from({ length: 5 }, () => answer(503)));
    const { waits, clock } = recordingClock();
    const error = await failure(
      sendWithRetry({ send: server.send, read }, { ...POLICY, attempts: 5, maxBackoffMs: 300 }, clock),
    );
    // 100 × 2^0, 100 × 2^1, then 400 and 800 capped at 300.
    expect(waits).toEqual([100, 200, 300, 300]);
    expect(server.sent).toBe(5);
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(error.message).toBe('Test service answered HTTP 503 (Service Unavailable) to each of 5 attempts');
    expect(error.details).toEqual({ service: 'Test service', status: 503, attempts: 5 });
  });

  it('drops the body of an answer it retries, unread', async () => {
    const first = answer(503, 'overloaded');
    const cancel = jest.spyOn(first.body as ReadableStream, 'cancel');
    const text = jest.spyOn(first, 'text');
    const server = scripted(first, answer(200, 'ok'));
    await sendWithRetry({ send: server.send, read }, POLICY, recordingClock().clock);
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(text).not.toHaveBeenCalled();
  });

  it('honours Retry-After, at least the computed wait and at most retryAfter.maxMs', async () => {
    const server = scripted(
      answer(429, '', { 'Retry-After': '1' }),
      answer(429, '', { 'Retry-After': '5' }),
      answer(429, '', { 'Retry-After': '0' }),
      answer(503, '', { 'Retry-After': 'Tue, 02 Jan 2024 12:00:02 GMT' }),
      answer(200, 'ok'),
    );
    const { waits, clock } = recordingClock(Date.UTC(2024, 0, 2, 12, 0, 0));
    const policy = { ...POLICY, attempts: 5, retryAfter: { maxMs: 1_500 } };
    await expect(sendWithRetry({ send: server.send, read }, policy, clock)).resolves.toBe('200 ok');
    expect(waits).toEqual([
      1_000, // max(100, min(1 s, 1.5 s))
      1_500, // max(200, min(5 s, 1.5 s)): capped
      400, // max(400, 0): a server asking for no wait does not cut the backoff
      800, // max(800, 0): at 12:00:02.9 (after 1 000 + 1 500 + 400 ms) the date 12:00:02 is past
    ]);
  });

  it('counts an HTTP-date Retry-After from the clock', async () => {
    const server = scripted(answer(503, '', { 'Retry-After': 'Tue, 02 Jan 2024 12:00:02 GMT' }), answer(200));
    const { waits, clock } = recordingClock(Date.UTC(2024, 0, 2, 12, 0, 0));
    await sendWithRetry({ send: server.send, read }, { ...POLICY, retryAfter: { maxMs: 5_000 } }, clock);
    expect(waits).toEqual([2_000]); // max(100, 12:00:02 − 12:00:00)
  });

  it('ignores Retry-After unless the policy honours it', async () => {
    const server = scripted(answer(429, '', { 'Retry-After': '30' }), answer(200));
    const { waits, clock } = recordingClock();
    await sendWithRetry({ send: server.send, read }, POLICY, clock);
    expect(waits).toEqual([100]);
  });

  it('retries network errors, and says why it could not reach the service after the last', async () => {
    const server = scripted(refused(), refused(), refused());
    const { waits, clock } = recordingClock();
    const error = await failure(
      sendWithRetry({ send: server.send, read }, { ...POLICY, attempts: 3 }, clock),
    );
    expect(server.sent).toBe(3);
    expect(waits).toEqual([100, 200]);
    expect(error.message).toBe(
      'Test service could not be reached: fetch failed (ECONNREFUSED) (gave up after 3 attempts)',
    );
    expect(error.details).toEqual({ service: 'Test service', attempts: 3 });
  });

  it('times out an attempt that gets no answer, retries it, and names the limit when all time out', async () => {
    const server = scripted('hang', 'hang');
    const policy = { ...POLICY, attempts: 2, attemptTimeoutMs: 10 };
    const error = await failure(sendWithRetry({ send: server.send, read }, policy, recordingClock().clock));
    expect(server.sent).toBe(2);
    expect(error.message).toBe(
      'Test service could not be reached: timed out after 10 ms (gave up after 2 attempts)',
    );
  });

  it('times out an attempt whose answer stalls mid-body', async () => {
    let bodyStalled = false;
    const stalling = (signal: AbortSignal): Promise<Response> =>
      Promise.resolve({
        status: 200,
        statusText: 'OK',
        headers: new Headers(),
        text: () => {
          bodyStalled = true;
          return untilAborted<string>(signal);
        },
      } as Response);
    const seen: AttemptFailure[] = [];
    const policy: RetryPolicy<string> = {
      ...POLICY,
      attempts: 1,
      attemptTimeoutMs: 10,
      giveUp: (last, attempts) => {
        seen.push(last);
        return upstreamFailure('Test service', last, attempts);
      },
    };
    await failure(sendWithRetry({ send: stalling, read }, policy, recordingClock().clock));
    expect(bodyStalled).toBe(true);
    expect(seen).toEqual([
      { kind: 'timeout', reason: 'timed out after 10 ms', limit: 'attempt', limitMs: 10 },
    ]);
  });

  it('fails at the deadline of the whole call, naming it, without waiting for more attempts', async () => {
    const server = scripted('hang');
    const seen: Array<[AttemptFailure, number]> = [];
    const policy: RetryPolicy<string> = {
      ...POLICY,
      attempts: 5,
      deadlineMs: 20,
      giveUp: (last, attempts) => {
        seen.push([last, attempts]);
        return new AetherError('UNAVAILABLE', `no answer: ${last.reason}`);
      },
    };
    const { waits, clock } = recordingClock();
    const error = await failure(sendWithRetry({ send: server.send, read }, policy, clock));
    expect(error.message).toBe('no answer: timed out after 20 ms');
    expect(seen).toEqual([
      [{ kind: 'timeout', reason: 'timed out after 20 ms', limit: 'deadline', limitMs: 20 }, 1],
    ]);
    expect(server.sent).toBe(1);
    expect(waits).toEqual([]);
  });

  it('gives up before a wait that would outlast the deadline, with the failure it has', async () => {
    const server = scripted(answer(503), answer(503), answer(200));
    const { waits, clock } = recordingClock();
    const policy = { ...POLICY, backoffMs: 400, deadlineMs: 1_000 };
    const error = await failure(sendWithRetry({ send: server.send, read }, policy, clock));
    // Waiting 400 ms ends at 400 < 1 000; the next wait of 800 would end at 1 200 ≥ 1 000.
    expect(waits).toEqual([400]);
    expect(server.sent).toBe(2);
    expect(error.message).toBe('Test service answered HTTP 503 (Service Unavailable) to each of 2 attempts');
  });

  it("sends nothing when the caller's signal is already aborted", async () => {
    const server = scripted(answer(200));
    const caller = new AbortController();
    const reason = new Error('user cancelled');
    caller.abort(reason);
    await expect(
      sendWithRetry({ send: server.send, read, signal: caller.signal }, POLICY, recordingClock().clock),
    ).rejects.toBe(reason);
    expect(server.sent).toBe(0);
  });

  it('stops an attempt at once when the caller aborts, with its reason, and does not retry', async () => {
    const caller = new AbortController();
    const reason = new Error('user cancelled');
    let sent = 0;
    const send = (signal: AbortSignal) => {
      sent++;
      caller.abort(reason); // while the request is out
      return untilAborted<Response>(signal);
    };
    const { waits, clock } = recordingClock();
    await expect(sendWithRetry({ send, read, signal: caller.signal }, POLICY, clock)).rejects.toBe(reason);
    expect(sent).toBe(1);
    expect(waits).toEqual([]);
  });

  it('ends a wait at once when the caller aborts during it, and sends nothing more', async () => {
    const server = scripted(answer(503), answer(200));
    const caller = new AbortController();
    const reason = new Error('user cancelled');
    setTimeout(() => caller.abort(reason), 10);
    // The real timer: a wait of a minute that only the abort can end before the test's own time limit.
    const policy = { ...POLICY, backoffMs: 60_000 };
    await expect(sendWithRetry({ send: server.send, read, signal: caller.signal }, policy)).rejects.toBe(
      reason,
    );
    expect(server.sent).toBe(1);
  });

  describe('a policy that sends a POST once unless it can ask whether the POST was taken', () => {
    /** As the live brokers': a POST is resent only after `lookup` says the broker does not have it. */
    function postPolicy(lookup?: () => Promise<string | null>): RetryPolicy<string> {
      return {
        ...POLICY,
        attempts: lookup === undefined ? 1 : 4,
        beforeResend: lookup && (async () => (await lookup()) ?? undefined),
        giveUp: (last, attempts) =>
          new AetherError(
            'UPSTREAM_FAILED',
            lookup === undefined
              ? `broker answered ${last.reason} (sent once)`
              : `broker answered ${last.reason} to each of ${attempts} attempts`,
          ),
      };
    }

    it('refuses to resend a POST it cannot check: one attempt, and the failure says so', async () => {
      const server = scripted(answer(502), answer(201));
      const { waits, clock } = recordingClock();
      const error = await failure(sendWithRetry({ send: server.send, read }, postPolicy(), clock));
      expect(error.message).toBe('broker answered HTTP 502 (Bad Gateway) (sent once)');
      expect(server.sent).toBe(1);
      expect(waits).toEqual([]);
    });

    it('asks after each wait, and resends only when nothing was taken', async () => {
      const server = scripted(answer(502), answer(201, 'order'));
      const { waits, clock } = recordingClock();
      const asked: number[] = [];
      const lookup = async () => {
        asked.push(server.sent);
        return null;
      };
      await expect(sendWithRetry({ send: server.send, read }, postPolicy(lookup), clock)).resolves.toBe(
        '201 order',
      );
      expect(asked).toEqual([1]); // between the two POSTs
      expect(waits).toEqual([100]);
    });

    it('answers with what the lookup found, and does not resend', async () => {
      const server = scripted(answer(504), answer(201));
      const result = sendWithRetry(
        { send: server.send, read },
        postPolicy(async () => 'found order-1'),
        recordingClock().clock,
      );
      await expect(result).resolves.toBe('found order-1');
      expect(server.sent).toBe(1);
    });

    it('ends the call with the error of a lookup that cannot tell', async () => {
      const server = scripted(answer(503), answer(201));
      const unknown = new AetherError('UPSTREAM_FAILED', 'the order state is unknown');
      const result = sendWithRetry(
        { send: server.send, read },
        postPolicy(() => Promise.reject(unknown)),
        recordingClock().clock,
      );
      await expect(result).rejects.toBe(unknown);
      expect(server.sent).toBe(1);
    });
  });

  it('does not retry what read throws', async () => {
    const server = scripted(answer(200, 'not json'), answer(200, '{}'));
    const refusal = new AetherError('UPSTREAM_FAILED', 'a body that is not JSON');
    const refuse = () => {
      throw refusal;
    };
    await expect(
      sendWithRetry({ send: server.send, read: refuse }, POLICY, recordingClock().clock),
    ).rejects.toBe(refusal);
    expect(server.sent).toBe(1);
  });

  it('refuses a policy without an attempt', async () => {
    const error = await failure(
      sendWithRetry({ send: scripted().send, read }, { ...POLICY, attempts: 0 }, recordingClock().clock),
    );
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toBe('attempts must be a whole number at least 1 (got 0)');
  });
});
