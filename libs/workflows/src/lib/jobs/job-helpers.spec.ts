import { AetherError } from '@aetherquant/core';
import { decodeFailure, encodeFailure, failureOf } from './job-failure';
import { canonicalJson, identifyJob } from './job-identity';
import { jobProgress, throttledProgress } from './job-progress';

describe('job progress', () => {
  it('estimates the seconds left from the rate so far', () => {
    // 25 of 100 cells in 10 s: 75 more at 2.5 cells/s is 30 s.
    expect(jobProgress(25, 100, 1_000, 11_000)).toEqual({ done: 25, total: 100, eta_seconds: 30 });
    expect(jobProgress(100, 100, 1_000, 11_000)).toEqual({ done: 100, total: 100, eta_seconds: 0 });
  });

  it('has no estimate before any work is done or before it started', () => {
    expect(jobProgress(0, 100, 1_000, 11_000).eta_seconds).toBeNull();
    expect(jobProgress(5, 100, null, 11_000).eta_seconds).toBeNull();
  });

  it('reports at most once per interval, and always the last unit', () => {
    let now = 0;
    const reported: number[] = [];
    const progress = throttledProgress(
      (done) => reported.push(done),
      100,
      () => now,
    );
    for (let done = 1; done <= 10; done++) {
      now += 30;
      progress(done, 10);
    }
    // t = 30 (first), 150 (≥ 100 later), 270, and done = 10 at t = 300.
    expect(reported).toEqual([1, 5, 9, 10]);
  });
});

describe('job identity', () => {
  it('writes equal values as equal text, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });

  it('gives one id to one work: the same owner, request (defaults resolved) and data version', async () => {
    const version = async () => 'v1';
    const one = await identifyJob({ use_case: 'sweep', request: { symbol: 'SPY' } }, 'alice', version);
    const same = await identifyJob(
      { use_case: 'sweep', request: { top: 20, symbol: 'SPY' } },
      'alice',
      version,
    );
    expect(same.jobId).toBe(one.jobId);
    const otherOwner = await identifyJob(
      { use_case: 'backtest', request: { symbol: 'SPY' } },
      'bob',
      version,
    );
    const otherData = await identifyJob(
      { use_case: 'backtest', request: { symbol: 'SPY' } },
      'alice',
      async () => 'v2',
    );
    expect(new Set([one.jobId, otherOwner.jobId, otherData.jobId]).size).toBe(3);
  });
});

describe('job failures', () => {
  it("keeps an AetherError's code and message, and hides anything else's", () => {
    expect(failureOf(new AetherError('DATA_UNAVAILABLE', 'no bars for XYZ'))).toEqual({
      code: 'DATA_UNAVAILABLE',
      message: 'no bars for XYZ',
    });
    expect(failureOf(new Error('ENOENT /home/alice/secret.csv'))).toEqual({
      code: 'INTERNAL',
      message: 'the job stopped on an internal error',
    });
  });

  it('reads back the reason it wrote, and treats any other reason as internal', () => {
    const failure = { code: 'INFEASIBLE' as const, message: 'weights: no solution: a: b' };
    expect(decodeFailure(encodeFailure(failure))).toEqual(failure);
    expect(decodeFailure('job stalled more than allowable limit').code).toBe('INTERNAL');
    expect(decodeFailure('').code).toBe('INTERNAL');
  });
});
