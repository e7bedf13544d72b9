import { AetherError } from '@aetherquant/core';
import { describeBaseUrl, parseBaseUrl, resolveApiUrl } from './base-url';

function failure(text: string): AetherError {
  try {
    parseBaseUrl(text);
  } catch (error) {
    if (error instanceof AetherError) return error;
    throw error;
  }
  throw new Error(`${text} was accepted`);
}

describe('parseBaseUrl', () => {
  it('keeps a path prefix whether or not it ends with a slash', () => {
    for (const text of ['https://host.example/aq', 'https://host.example/aq/', ' https://host.example/aq ']) {
      expect(resolveApiUrl(parseBaseUrl(text), '/api/runs').href).toBe('https://host.example/aq/api/runs');
    }
    expect(resolveApiUrl(parseBaseUrl('http://127.0.0.1:8080'), '/healthz').href).toBe(
      'http://127.0.0.1:8080/healthz',
    );
  });

  it('sets the query it is given', () => {
    const base = parseBaseUrl('http://localhost:3000/');
    expect(resolveApiUrl(base, '/api/runs', 'limit=5').href).toBe('http://localhost:3000/api/runs?limit=5');
  });

  it.each([
    ['not a url', 'must be an http:// or https:// URL'],
    ['ftp://host.example/', 'must be an http:// or https:// URL'],
    ['https://user:hunter2@host.example/', 'must not carry credentials (pass the API key as a key)'],
    ['https://host.example/?key=1', 'must not have a query or a fragment'],
  ])('refuses %s as INVALID_ARGUMENT naming api_url, without quoting it', (text, rule) => {
    const error = failure(text);
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.details?.violations).toEqual([{ field: 'api_url', rule }]);
    expect(error.message).not.toContain('hunter2');
  });

  it('describes the base without its trailing slash', () => {
    expect(describeBaseUrl(parseBaseUrl('https://host.example/aq/'))).toBe('https://host.example/aq');
  });
});
