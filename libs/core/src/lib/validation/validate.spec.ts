import { rejectionOf } from '../../testing/rejection-of';
import { z } from 'zod';
import { AetherError } from '../errors/aether-error';
import { check, validate, type ValidateOptions } from './validate';

const rejection = (schema: z.ZodType, input: unknown, options?: ValidateOptions): AetherError =>
  rejectionOf(() => validate(schema, input, options));

const request = z
  .object({
    symbols: z.array(z.string().min(1)).min(1),
    mode: z.enum(['a', 'b']),
    threshold: z.number().min(0).default(0.01),
    window: z.number().int().positive().optional(),
  })
  .strict();

describe('validate', () => {
  it('returns the parsed value, defaults applied', () => {
    expect(validate(request, { symbols: ['SPY'], mode: 'a' })).toEqual({
      symbols: ['SPY'],
      mode: 'a',
      threshold: 0.01,
    });
  });

  it('names the field and the rule for a missing field', () => {
    expect(rejection(request, { mode: 'a' }).message).toBe('symbols is required');
  });

  it('phrases a minimum as "must be at least", echoing the value', () => {
    expect(rejection(request, { symbols: ['SPY'], mode: 'a', threshold: -1 }).message).toBe(
      'threshold must be at least 0 (got -1)',
    );
  });

  it('refuses a value nested too deep to write (8,000 levels fit in a 100 KB body) without overflowing', () => {
    let deep: unknown = [];
    for (let level = 0; level < 8_000; level++) deep = [deep];
    const error = rejection(request, { symbols: ['SPY'], mode: deep });
    expect(error).toBeInstanceOf(AetherError);
    expect(error.details?.violations).toEqual([
      { field: 'mode', rule: expect.stringContaining('(got […])') },
    ]);
  });

  it('says a missing enum field is required, rather than listing its values', () => {
    expect(rejection(request, { symbols: ['SPY'] }).message).toBe('mode is required');
  });

  it('lists the allowed values of an enum', () => {
    expect(rejection(request, { symbols: ['SPY'], mode: 'c' }).message).toBe(
      'mode must be one of "a", "b" (got "c")',
    );
  });

  it('phrases a single literal as "must be"', () => {
    expect(rejection(z.object({ side: z.literal('buy') }), { side: 'sell' }).message).toBe(
      'side must be "buy" (got "sell")',
    );
  });

  it('names the wrong type with its article', () => {
    expect(rejection(request, { symbols: ['SPY'], mode: 'a', window: 2.5 }).message).toBe(
      'window must be an integer (got 2.5)',
    );
    expect(rejection(request, { symbols: 'SPY', mode: 'a' }).message).toBe(
      'symbols must be an array (got "SPY")',
    );
    expect(rejection(z.object({ n: z.number() }), { n: true }).message).toBe('n must be a number (got true)');
  });

  it('phrases strict and inclusive bounds differently', () => {
    expect(rejection(request, { symbols: ['SPY'], mode: 'a', window: 0 }).message).toBe(
      'window must be greater than 0 (got 0)',
    );
    expect(rejection(z.object({ n: z.number().max(10) }), { n: 11 }).message).toBe(
      'n must be at most 10 (got 11)',
    );
    expect(rejection(z.object({ n: z.number().lt(10) }), { n: 10 }).message).toBe(
      'n must be less than 10 (got 10)',
    );
  });

  it('phrases string lengths in characters and array sizes in items', () => {
    expect(rejection(z.object({ code: z.string().max(2) }), { code: 'abc' }).message).toBe(
      'code must be at most 2 characters long (got "abc")',
    );
    expect(rejection(request, { symbols: [], mode: 'a' }).message).toBe(
      'symbols must have at least 1 items (got [])',
    );
  });

  it('phrases a multiple-of rule', () => {
    expect(rejection(z.object({ lot: z.number().multipleOf(5) }), { lot: 3 }).message).toBe(
      'lot must be a multiple of 5 (got 3)',
    );
  });

  it('writes array paths with brackets and object paths with dots', () => {
    expect(
      rejection(request, { symbols: ['SPY', 'QQQ', ''], mode: 'a' }).details?.violations?.[0]?.field,
    ).toBe('symbols[2]');
    const nested = z.object({ legs: z.array(z.object({ weight: z.number() })) });
    expect(rejection(nested, { legs: [{ weight: 1 }, { weight: 'x' }] }).message).toBe(
      'legs[1].weight must be a number (got "x")',
    );
  });

  it('reports each unknown key as "is not a known field"', () => {
    const error = rejection(request, { symbols: ['SPY'], mode: 'a', colour: 'red', size: 2 });
    expect(error.details?.violations).toEqual([
      { field: 'colour', rule: 'is not a known field' },
      { field: 'size', rule: 'is not a known field' },
    ]);
  });

  it('lists every problem at once, in the message and in details.violations', () => {
    const error = rejection(request, { symbols: ['SPY', ''], mode: 'z', threshold: -2, extra: true });
    const fields = error.details?.violations?.map((violation) => violation.field);
    expect(fields).toHaveLength(4);
    expect(fields).toEqual(expect.arrayContaining(['symbols[1]', 'mode', 'threshold', 'extra']));
    for (const violation of error.details?.violations ?? []) {
      expect(error.message).toContain(`${violation.field} ${violation.rule}`);
    }
    expect(error.message.split('; ')).toHaveLength(4);
  });

  it('calls the whole input "input" when it is the top level that is wrong', () => {
    expect(rejection(request, null).message).toBe('input must be an object (got null)');
    expect(rejection(z.number(), 'x').message).toBe('input must be a number (got "x")');
  });

  it('shortens a long echoed value to 60 characters', () => {
    const error = rejection(z.object({ code: z.string().max(5) }), { code: 'x'.repeat(100) });
    // JSON.stringify gives 102 characters: the first 57 are kept and "..." added.
    expect(error.message).toBe(`code must be at most 5 characters long (got "${'x'.repeat(56)}...)`);
  });

  it('echoes NaN and Infinity as themselves, not as JSON null', () => {
    const schema = z.object({ latest_return: z.number() });
    expect(rejection(schema, { latest_return: NaN }).message).not.toContain('(got null)');
    expect(rejection(schema, { latest_return: NaN }).message).toContain('NaN');
    expect(rejection(schema, { latest_return: Infinity }).message).toContain('Infinity');
  });

  describe('options', () => {
    it('prefixes the context', () => {
      expect(
        rejection(request, { symbols: ['SPY'], mode: 'a', threshold: -1 }, { context: 'sweep request' })
          .message,
      ).toBe('sweep request: threshold must be at least 0 (got -1)');
    });

    it('renames fields with fieldName, unknown keys included', () => {
      const cliName = (path: string) => `--${path.replace(/_/g, '-')}`;
      const schema = z.object({ latest_return: z.number() }).strict();
      const error = rejection(schema, { bogus_flag: 1 }, { fieldName: cliName });
      expect(error.details?.violations).toEqual(
        expect.arrayContaining([
          { field: '--latest-return', rule: 'is required' },
          { field: '--bogus-flag', rule: 'is not a known field' },
        ]),
      );
    });

    it('hides the value of fields mayEcho refuses, and only those', () => {
      const schema = z.object({ password: z.string().min(12), port: z.number().int() });
      const error = rejection(
        schema,
        { password: 'hunter2', port: 'eighty' },
        { mayEcho: (path) => path !== 'password' },
      );
      expect(error.message).toContain('password must be at least 12 characters long');
      expect(error.message).toContain('port must be a number (got "eighty")');
      expect(error.message).not.toContain('hunter2');
      expect(JSON.stringify(error.details)).not.toContain('hunter2');
    });

    it('hides every value when mayEcho is always false', () => {
      const error = rejection(request, { symbols: ['SPY'], mode: 'c' }, { mayEcho: () => false });
      expect(error.message).toBe('mode must be one of "a", "b"');
      expect(error.message).not.toContain('(got');
    });
  });
});

describe('check', () => {
  it('returns the parsed value on success', () => {
    expect(check(request, { symbols: ['SPY'], mode: 'b', threshold: 0 })).toEqual({
      success: true,
      data: { symbols: ['SPY'], mode: 'b', threshold: 0 },
    });
  });

  it('returns the violations validate would throw, without throwing', () => {
    const input = { symbols: [''], mode: 'c' };
    const result = check(request, input, { fieldName: (path) => `--${path}` });
    expect(result).toEqual({
      success: false,
      violations: expect.arrayContaining([
        { field: '--symbols[0]', rule: 'must be at least 1 characters long (got "")' },
        { field: '--mode', rule: 'must be one of "a", "b" (got "c")' },
      ]),
    });
    expect(result.success ? [] : result.violations).toEqual(
      rejection(request, input, { fieldName: (path) => `--${path}` }).details?.violations,
    );
  });
});
