import { classifySignal } from './classify-signal';

describe('classifySignal', () => {
  it.each([
    [0.015, 0.01, 'buy'],
    [0.0100001, 0.01, 'buy'],
    [0.01, 0.01, 'hold'], // the band's edge is inside: strictly greater is needed to buy
    [0, 0.01, 'hold'],
    [-0.01, 0.01, 'hold'],
    [-0.0100001, 0.01, 'sell'],
    [-0.5, 0.01, 'sell'],
    [0, 0, 'hold'],
    [1e-12, 0, 'buy'],
    [-1e-12, 0, 'sell'],
  ] as const)('return %p with threshold %p is %s', (latestReturn, threshold, expected) => {
    expect(classifySignal(latestReturn, threshold)).toBe(expected);
  });
});
