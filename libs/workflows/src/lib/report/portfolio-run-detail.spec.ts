import { assetContributions } from './portfolio-run-detail';

describe('assetContributions', () => {
  const time = new Float64Array([1, 2, 3]);
  const closes = [
    [10, 11, 12],
    [20, 20, 18],
  ];

  it('adds up what each holding gained bar by bar, over the first equity', () => {
    // 500 in each at bar 0; A: +50, +50; B: 0, −50. Equity 1000, 1050, 1050.
    const contributions = assetContributions(
      {
        symbols: ['A', 'B'],
        time,
        equity: new Float64Array([1000, 1050, 1050]),
        rebalances: [{ index: 7, time: 1, weights: [0.5, 0.5], turnover: 1 }],
      },
      closes,
    );
    expect(contributions.map((c) => c.symbol)).toEqual(['A', 'B', 'Costs']);
    expect(contributions[0]?.contribution).toBeCloseTo(0.1, 12);
    expect(contributions[1]?.contribution).toBeCloseTo(-0.05, 12);
    expect(contributions[2]?.contribution).toBeCloseTo(0, 12);
  });

  it('follows each rebalance, and leaves the costs paid as their own line so the lines sum to the total return', () => {
    // At bar 1 all into A, paying $1: equity 1049, A holds 1049 and gains 1049 · (12/11 − 1) on bar 2.
    const last = 1049 * (12 / 11);
    const contributions = assetContributions(
      {
        symbols: ['A', 'B'],
        time,
        equity: new Float64Array([1000, 1049, last]),
        rebalances: [
          { index: 7, time: 1, weights: [0.5, 0.5], turnover: 1 },
          { index: 8, time: 2, weights: [1, 0], turnover: 0.95 },
        ],
      },
      closes,
    );
    expect(contributions[0]?.contribution).toBeCloseTo((50 + 1049 * (12 / 11 - 1)) / 1000, 12);
    expect(contributions[1]?.contribution).toBeCloseTo(0, 12);
    expect(contributions[2]?.contribution).toBeCloseTo(-0.001, 12);
    const total = contributions.reduce((sum, c) => sum + c.contribution, 0);
    expect(total).toBeCloseTo(last / 1000 - 1, 12);
  });
});
