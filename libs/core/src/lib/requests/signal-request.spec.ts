import { rejectionOf } from '../../testing/rejection-of';
import { AetherError } from '../errors/aether-error';
import { validate } from '../validation/validate';
import { DEFAULT_SIGNAL_THRESHOLD, signalRequestSchema } from './signal-request';

const rejection = (input: unknown): AetherError => rejectionOf(() => validate(signalRequestSchema, input));

describe('signalRequestSchema', () => {
  it('defaults the threshold to 0.01 (a ±1% hold band)', () => {
    expect(DEFAULT_SIGNAL_THRESHOLD).toBe(0.01);
    expect(validate(signalRequestSchema, { latest_return: 0.015 })).toEqual({
      latest_return: 0.015,
      threshold: 0.01,
    });
  });

  it('keeps a given threshold, including 0', () => {
    expect(validate(signalRequestSchema, { latest_return: -0.02, threshold: 0.05 })).toEqual({
      latest_return: -0.02,
      threshold: 0.05,
    });
    expect(validate(signalRequestSchema, { latest_return: 0, threshold: 0 }).threshold).toBe(0);
  });

  it('rejects a negative threshold, naming threshold and the rule', () => {
    const error = rejection({ latest_return: 0.01, threshold: -0.001 });
    expect(error.message).toBe('threshold must be at least 0 (got -0.001)');
    expect(error.details?.violations).toEqual([
      { field: 'threshold', rule: 'must be at least 0 (got -0.001)' },
    ]);
  });

  it('requires latest_return', () => {
    expect(rejection({ threshold: 0.01 }).message).toBe('latest_return is required');
  });

  it('rejects a latest_return that is not a number, even numeric text', () => {
    expect(rejection({ latest_return: '0.02' }).message).toBe('latest_return must be a number (got "0.02")');
    expect(rejection({ latest_return: null }).message).toBe('latest_return must be a number (got null)');
  });

  it('rejects a threshold that is not a number', () => {
    expect(rejection({ latest_return: 0.02, threshold: 'wide' }).message).toBe(
      'threshold must be a number (got "wide")',
    );
  });

  it.each([NaN, Infinity, -Infinity])('rejects latest_return %p', (value) => {
    const error = rejection({ latest_return: value });
    expect(error.details?.violations).toHaveLength(1);
    expect(error.details?.violations?.[0]?.field).toBe('latest_return');
    expect(error.message).toMatch(/^latest_return must be a number/);
  });

  it('rejects a NaN threshold', () => {
    expect(rejection({ latest_return: 0.02, threshold: NaN }).details?.violations?.[0]?.field).toBe(
      'threshold',
    );
  });

  it('rejects unknown keys, reporting them with the other problems at once', () => {
    const error = rejection({ latestReturn: 0.02 });
    expect(error.details?.violations).toHaveLength(2);
    expect(error.details?.violations).toEqual(
      expect.arrayContaining([
        { field: 'latest_return', rule: 'is required' },
        { field: 'latestReturn', rule: 'is not a known field' },
      ]),
    );
  });

  it('rejects a body that is not an object', () => {
    expect(rejection(null).message).toBe('input must be an object (got null)');
    expect(rejection([0.02]).message).toBe('input must be an object (got [0.02])');
  });
});
