import { AetherError } from '@aetherquant/core';
import { checkBarLimit, checkSweepLimit, checkSymbolLimit } from './request-limits';

function violations(task: () => void) {
  try {
    task();
  } catch (error) {
    expect(error).toBeInstanceOf(AetherError);
    expect((error as AetherError).code).toBe('INVALID_ARGUMENT');
    return (error as AetherError).details?.violations;
  }
  throw new Error('expected an INVALID_ARGUMENT error');
}

describe('request limits', () => {
  it('refuses more symbols than the limit, naming symbols', () => {
    expect(violations(() => checkSymbolLimit(51, { maxSymbols: 50 }))).toEqual([
      { field: 'symbols', rule: "must have at most 50 items (this server's limit per request)" },
    ]);
    expect(() => checkSymbolLimit(50, { maxSymbols: 50 })).not.toThrow();
  });

  it('refuses more bars than the limit, naming the period, or start when dates chose them', () => {
    const rule =
      'selects 250000 bars, more than the 100000 this server loads per request; narrow the period or use a coarser interval';
    const limits = { maxBars: 100000 };
    expect(violations(() => checkBarLimit(250000, { period: 'max' }, limits))).toEqual([
      { field: 'period', rule },
    ]);
    expect(violations(() => checkBarLimit(250000, { start: '1990-01-01' }, limits))).toEqual([
      { field: 'start', rule },
    ]);
    // Neither given: the default period chose them.
    expect(violations(() => checkBarLimit(250000, {}, limits))).toEqual([{ field: 'period', rule }]);
    expect(() => checkBarLimit(100000, { period: 'max' }, limits)).not.toThrow();
  });

  it('refuses a sweep grid larger than the limit, naming grid', () => {
    expect(violations(() => checkSweepLimit(30000, { maxSweepCombinations: 20000 }))).toEqual([
      { field: 'grid', rule: 'has 30000 combinations, more than the 20000 this server runs per request' },
    ]);
    expect(() => checkSweepLimit(20000, { maxSweepCombinations: 20000 })).not.toThrow();
  });

  it('allows anything without limits, or without the limit in question', () => {
    for (const limits of [undefined, {}, { maxBars: 1 }]) {
      expect(() => checkSymbolLimit(10_000, limits)).not.toThrow();
      expect(() => checkSweepLimit(1_000_000, limits)).not.toThrow();
    }
    expect(() => checkBarLimit(1_000_000, { period: 'max' }, undefined)).not.toThrow();
    expect(() => checkBarLimit(1_000_000, { period: 'max' }, { maxSymbols: 1 })).not.toThrow();
  });
});
