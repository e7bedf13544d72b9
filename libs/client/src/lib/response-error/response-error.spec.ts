import { AetherError, apiErrorBody } from '@aetherquant/core';
import { errorCodeForStatus, errorFromResponse } from './response-error';

const request = { method: 'POST', url: 'https://host.example/aq/api/backtest' };

describe('errorFromResponse', () => {
  it('rebuilds the AetherError of an API error body, with its violations and request id', () => {
    const body = apiErrorBody(AetherError.invalid([{ field: 'fast', rule: 'must be at least 1' }]), 'req-1');
    const error = errorFromResponse({ ...request, status: 400, headers: new Headers(), body });
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toBe('fast must be at least 1');
    expect(error.details).toEqual({
      violations: [{ field: 'fast', rule: 'must be at least 1' }],
      requestId: 'req-1',
    });
  });

  it('keeps the seconds to wait of a 429', () => {
    const body = apiErrorBody(new AetherError('RATE_LIMITED', 'too many requests'), 'req-2');
    const headers = new Headers({ 'Retry-After': '17', 'X-Request-ID': 'req-2' });
    const error = errorFromResponse({ ...request, status: 429, headers, body });
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.details).toEqual({ requestId: 'req-2', retryAfterSeconds: 17 });
  });

  it('keeps no seconds to wait from a Retry-After that is a date (the API sends seconds)', () => {
    const body = apiErrorBody(new AetherError('RATE_LIMITED', 'too many requests'), 'req-4');
    const headers = new Headers({ 'Retry-After': 'Tue, 02 Jan 2024 12:00:02 GMT' });
    const error = errorFromResponse({ ...request, status: 429, headers, body });
    expect(error.details).toEqual({ requestId: 'req-4' });
  });

  it('names the method, URL and status when the body is not an API error body', () => {
    const headers = new Headers({ 'X-Request-ID': 'req-3' });
    const error = errorFromResponse({ ...request, status: 502, headers, body: undefined });
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(error.message).toBe('POST https://host.example/aq/api/backtest failed with HTTP 502');
    expect(error.details).toEqual({ requestId: 'req-3' });
  });

  it('leaves out details it does not have', () => {
    expect(
      errorFromResponse({ ...request, status: 404, headers: new Headers(), body: '' }).details,
    ).toBeUndefined();
  });
});

describe('errorCodeForStatus', () => {
  it.each([
    [400, 'INVALID_ARGUMENT'],
    [401, 'UNAUTHORIZED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [413, 'INVALID_ARGUMENT'],
    [422, 'INFEASIBLE'],
    [429, 'RATE_LIMITED'],
    [500, 'UPSTREAM_FAILED'],
    [502, 'UPSTREAM_FAILED'],
    [503, 'UNAVAILABLE'],
    [504, 'UPSTREAM_FAILED'],
  ])('maps %i to %s', (status, code) => {
    expect(errorCodeForStatus(status)).toBe(code);
  });
});
