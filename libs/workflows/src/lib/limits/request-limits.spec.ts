import { AetherError } from '@aetherquant/core';
import {
  checkBarLimit,
  checkPortfolioBarLimit,
  checkSweepLimit,
  checkSymbolLimit,
  checkWalkForwardLimit,
} from './request-limits';

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

  it('says "up to" for an upper bound, and lets an unknown count through until the bars are loaded', () => {
    const limits = { maxBars: 100000 };
    expect(
      violations(() => checkBarLimit({ bars: 100001, exact: false }, { period: 'max' }, limits)),
    ).toEqual([
      {
        field: 'period',
        rule: 'selects up to 100001 bars, more than the 100000 this server loads per request; narrow the period or use a coarser interval',
      },
    ]);
    expect(() => checkBarLimit({ bars: Infinity, exact: false }, { period: 'max' }, limits)).not.toThrow();
  });

  it('refuses symbols × bars over the portfolio limit, naming symbols', () => {
    const limits = { maxPortfolioBars: 1000 };
    // 4 symbols of up to 251 bars: 1,004.
    expect(violations(() => checkPortfolioBarLimit(4, { bars: 1004, exact: false }, limits))).toEqual([
      {
        field: 'symbols',
        rule: '4 symbols select up to 1004 bars together, more than the 1000 this server loads per request; use fewer symbols, a shorter period or a coarser interval',
      },
    ]);
    expect(() => checkPortfolioBarLimit(4, 1000, limits)).not.toThrow();
    expect(() => checkPortfolioBarLimit(4, { bars: Infinity, exact: false }, limits)).not.toThrow();
  });

  it('refuses more walk-forward windows than the limit, naming test', () => {
    expect(violations(() => checkWalkForwardLimit(501, { maxWalkForwardWindows: 500 }))).toEqual([
      {
        field: 'test',
        rule: 'makes 501 walk-forward windows, more than the 500 this server runs per request; use a longer test period or a shorter history',
      },
    ]);
    expect(() => checkWalkForwardLimit(500, { maxWalkForwardWindows: 500 })).not.toThrow();
  });

  it('refuses a sweep grid larger than the limit, naming grid', () => {
    expect(violations(() => checkSweepLimit(30000, { maxSweepCombinations: 20000 }, 'sweep'))).toEqual([
      { field: 'grid', rule: 'has 30000 combinations, more than the 20000 this server runs per request' },
    ]);
    expect(() => checkSweepLimit(20000, { maxSweepCombinations: 20000 }, 'sweep')).not.toThrow();
  });

  it('points a grid over the limit to the job queue where jobs take it, and only then', () => {
    const limits = { maxSweepCombinations: 20000, maxJobSweepCombinations: 1_000_000 };
    expect(violations(() => checkSweepLimit(30000, limits, 'walkForward'))).toEqual([
      {
        field: 'grid',
        rule: 'has 30000 combinations, more than the 20000 this server runs per request; submit it as a job instead (POST /api/jobs with use_case walkForward), which takes up to 1000000',
      },
    ]);
    expect(violations(() => checkSweepLimit(1_000_001, limits, 'sweep'))).toEqual([
      { field: 'grid', rule: 'has 1000001 combinations, more than the 20000 this server runs per request' },
    ]);
  });

  it('allows anything without limits, or without the limit in question', () => {
    for (const limits of [undefined, {}, { maxBars: 1 }]) {
      expect(() => checkSymbolLimit(10_000, limits)).not.toThrow();
      expect(() => checkSweepLimit(1_000_000, limits, 'sweep')).not.toThrow();
      expect(() => checkWalkForwardLimit(1_000_000, limits)).not.toThrow();
      expect(() => checkPortfolioBarLimit(50, 1e9, limits)).not.toThrow();
    }
    expect(() => checkBarLimit(1_000_000, { period: 'max' }, undefined)).not.toThrow();
    expect(() => checkBarLimit(1_000_000, { period: 'max' }, { maxSymbols: 1 })).not.toThrow();
  });
});
