import { apiError, fakeApi } from '../testing/fake-api';
import { createDashboardClient, normalizeApiKey } from './api-client';
import { describeError } from './error-message';

/** What the screen would say for the API's answer to one backtest request. */
async function messageFor(answer: Parameters<typeof fakeApi>[0][string]) {
  const api = fakeApi({ 'POST /api/backtest': answer });
  const failure = await createDashboardClient('k-1', api.fetch)
    .call('backtest', { symbol: 'SPY' })
    .catch((error: unknown) => error);
  return describeError(failure);
}

describe('describeError', () => {
  it('turns a 401 into the troubleshooting of a rejected key', async () => {
    const error = await messageFor(apiError(401, 'UNAUTHORIZED', 'invalid API key'));
    expect(error.kind).toBe('key');
    expect(error.title).toMatch(/^That key was not accepted/);
    expect(error.hint).toMatch(/spaces at either end/);
    expect(error.hint).toMatch(/operator for a new key/);
    expect(error.retryable).toBe(false);
  });

  it('says a 403 is about the role, not the key', async () => {
    const error = await messageFor(
      apiError(403, 'FORBIDDEN', 'the trader role does not hold the runs permission'),
    );
    expect(error.title).toBe('Your role cannot do this.');
  });

  it('gives the retry time of a 429 in seconds', async () => {
    const error = await messageFor({
      ...apiError(429, 'RATE_LIMITED', 'too many requests'),
      headers: { 'Retry-After': '17' },
    });
    expect(error.kind).toBe('rate-limit');
    expect(error.retryAfterSeconds).toBe(17);
    expect(error.hint).toBe('Try again in 17 seconds.');
  });

  it("says which job quota a 429 refusal hit and what to do, rather than 'wait a minute'", async () => {
    const active = await messageFor(
      apiError(
        429,
        'RATE_LIMITED',
        'trader has 8 jobs queued or running, the most one key may (AETHERQ_JOB_MAX_ACTIVE_PER_KEY=8); wait for one to finish or cancel one',
      ),
    );
    expect(active).toMatchObject({
      kind: 'rate-limit',
      title: 'You have 8 jobs queued or running, the most your key may.',
      hint: 'Wait for one to finish, or cancel one, then submit again.',
      retryable: true,
    });
    const cells = await messageFor(
      apiError(
        429,
        'RATE_LIMITED',
        "this job's 22500 cells with the 3990000 of trader's queued or running jobs would exceed the 4000000 one key may have at once (AETHERQ_JOB_MAX_CELLS_PER_KEY); wait for some to finish or submit a smaller grid",
      ),
    );
    expect(cells.title).toBe(
      "This job's 22,500 combinations, with the 3,990,000 of your jobs queued or running, would pass the 4,000,000 your key may have at once.",
    );
    expect(cells.hint).toMatch(/smaller grid/);
  });

  it('says a 503 of the job queue is the queue, not the connection', async () => {
    const error = await messageFor(
      apiError(503, 'UNAVAILABLE', 'the job queue at redis://queue:6379 is not reachable; retry shortly'),
    );
    expect(error).toMatchObject({ title: 'The job queue is not reachable right now.', retryable: true });
    expect(error.hint).toMatch(/^Nothing was submitted/);
    expect(error.requestId).toBe('req-1');
  });

  it('lists a 400 by field, and summarises every violation', async () => {
    const error = await messageFor(
      apiError(400, 'INVALID_ARGUMENT', 'bad', [
        { field: 'params.fast', rule: 'must be at least 1 (got 0)' },
        { field: 'symbol', rule: 'must be 1 to 15 letters' },
      ]),
    );
    expect(error.fieldErrors).toEqual({
      'params.fast': 'Must be at least 1 (got 0)',
      symbol: 'Must be 1 to 15 letters',
    });
    expect(error.hint).toBe('params.fast must be at least 1 (got 0); symbol must be 1 to 15 letters');
    expect(error.requestId).toBe('req-1');
  });

  it('offers a retry when the server cannot be reached or fails', async () => {
    const down = await messageFor(new TypeError('Failed to fetch'));
    expect(down).toMatchObject({ kind: 'unreachable', retryable: true });
    const failed = await messageFor({ status: 502, body: '<html>Bad gateway</html>' });
    expect(failed).toMatchObject({ kind: 'server', retryable: true });
    expect(failed.title).not.toMatch(/html/i);
  });
});

describe('normalizeApiKey', () => {
  it.each([
    ['  t-key-123456 \n', 't-key-123456'],
    ['"t-key-123456"', 't-key-123456'],
    [" 't-key-123456' ", 't-key-123456'],
    ['“t-key-123456”', 't-key-123456'],
  ])('reads %j as %j', (pasted, key) => {
    expect(normalizeApiKey(pasted)).toBe(key);
  });
});
