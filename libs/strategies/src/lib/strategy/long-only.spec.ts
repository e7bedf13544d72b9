import { clipLongOnly } from './long-only';

describe('clipLongOnly', () => {
  it('turns shorts flat in place and keeps longs and flats', () => {
    const targets = Float64Array.of(-1, -0.5, 0, 0.25, 1);
    expect(clipLongOnly(targets)).toBe(targets);
    expect(Array.from(targets)).toEqual([0, 0, 0, 0.25, 1]);
  });
});
