import { AetherError, ERROR_CODES, isAetherError } from './aether-error';

describe('AetherError', () => {
  it('carries a code, a message and details, and is an Error', () => {
    const details = { violations: [{ field: 'threshold', rule: 'must be at least 0' }] };
    const error = new AetherError('INVALID_ARGUMENT', 'threshold must be at least 0', details);

    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AetherError');
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toBe('threshold must be at least 0');
    expect(error.details).toBe(details);
  });

  it('has no details unless given some', () => {
    expect(new AetherError('NOT_FOUND', 'no such run').details).toBeUndefined();
  });

  it('offers every code the transports map', () => {
    expect(ERROR_CODES).toEqual(
      expect.arrayContaining([
        'INVALID_ARGUMENT',
        'NOT_FOUND',
        'DATA_UNAVAILABLE',
        'INFEASIBLE',
        'UNAUTHORIZED',
        'FORBIDDEN',
        'RATE_LIMITED',
        'UPSTREAM_FAILED',
      ]),
    );
  });

  describe('toJSON', () => {
    it('gives { code, message, details }', () => {
      const error = new AetherError('RATE_LIMITED', 'slow down', { retryAfterSeconds: 30 });
      expect(error.toJSON()).toEqual({
        code: 'RATE_LIMITED',
        message: 'slow down',
        details: { retryAfterSeconds: 30 },
      });
    });

    it('leaves the details key out when there are none', () => {
      const json = new AetherError('NOT_FOUND', 'no such run').toJSON();
      expect(json).toEqual({ code: 'NOT_FOUND', message: 'no such run' });
      expect('details' in json).toBe(false);
    });

    it('is what JSON.stringify writes', () => {
      const error = new AetherError('FORBIDDEN', 'admins only');
      expect(JSON.parse(JSON.stringify(error))).toEqual({ code: 'FORBIDDEN', message: 'admins only' });
    });
  });

  describe('AetherError.invalid', () => {
    const violations = [
      { field: 'threshold', rule: 'must be at least 0' },
      { field: 'symbols[2]', rule: 'is required' },
    ];

    it('builds one INVALID_ARGUMENT listing every violation, joined by "; "', () => {
      const error = AetherError.invalid(violations);
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toBe('threshold must be at least 0; symbols[2] is required');
      expect(error.details).toEqual({ violations });
    });

    it('prefixes the context when given', () => {
      const error = AetherError.invalid(violations, 'backtest request');
      expect(error.message).toBe('backtest request: threshold must be at least 0; symbols[2] is required');
    });

    it('adds further details beside the violations', () => {
      const error = AetherError.invalid(violations, 'invalid settings', {
        warnings: ['AETHERQ_X is not a setting'],
      });
      expect(error.details).toEqual({ warnings: ['AETHERQ_X is not a setting'], violations });
    });

    it('reads naturally with a single violation', () => {
      expect(AetherError.invalid([{ field: 'interval', rule: 'must be one of 1d, 1wk' }]).message).toBe(
        'interval must be one of 1d, 1wk',
      );
    });
  });
});

describe('isAetherError', () => {
  it('is true for an AetherError', () => {
    expect(isAetherError(new AetherError('INTERNAL', 'oops'))).toBe(true);
    expect(isAetherError(AetherError.invalid([{ field: 'x', rule: 'is required' }]))).toBe(true);
  });

  it('is false for other errors and look-alikes', () => {
    expect(isAetherError(new Error('oops'))).toBe(false);
    expect(isAetherError({ name: 'AetherError', code: 'INTERNAL', message: 'oops' })).toBe(false);
    expect(isAetherError(undefined)).toBe(false);
    expect(isAetherError('INVALID_ARGUMENT')).toBe(false);
  });
});

describe('AetherError.withFieldNames', () => {
  it('renames the fields of every violation, in the details and the message', () => {
    const error = AetherError.invalid(
      [
        { field: 'data_dir', rule: 'is not a directory: /x' },
        { field: 'symbol', rule: 'must be 1 to 15 letters' },
      ],
      'bar request',
      { provider: 'csv' },
    ).withFieldNames((field) => `--${field.replace(/_/g, '-')}`);
    expect(error.message).toBe(
      'bar request: --data-dir is not a directory: /x; --symbol must be 1 to 15 letters',
    );
    expect(error.details).toEqual({
      provider: 'csv',
      violations: [
        { field: '--data-dir', rule: 'is not a directory: /x' },
        { field: '--symbol', rule: 'must be 1 to 15 letters' },
      ],
    });
  });

  it('returns an error without violations as it is', () => {
    const error = new AetherError('UPSTREAM_FAILED', 'Yahoo Finance could not be reached');
    expect(error.withFieldNames((field) => field.toUpperCase())).toBe(error);
  });
});
