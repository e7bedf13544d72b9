import fc from 'fast-check';
import { alpha, beta } from '../benchmark/benchmark';
import { maxDrawdown, maxDrawdownDuration } from '../drawdown/drawdown';
import { exposure, turnover } from '../exposure/exposure';
import { calmar, sharpe, sortino } from '../ratios/ratios';
import { annualReturn, annualVolatility, equityReturns, totalReturn } from '../returns/returns';
import { conditionalValueAtRisk, valueAtRisk } from '../tail-risk/tail-risk';
import { profitFactor, winRate } from '../trades/trades';
import { summary, type RiskSummaryInput } from './summary';

/** An equity curve from its returns: 1 to 201 points, with flat stretches, new peaks and deep falls. */
const equityOf = (returns: number[], start: number): number[] => {
  const equity = [start];
  for (const value of returns) equity.push((equity[equity.length - 1] as number) * (1 + value));
  return equity;
};
const periodReturn = fc.oneof(
  fc.integer({ min: -10, max: 10 }).map((step) => step / 50), // a coarse grid: ties and repeated peaks
  // Rounded to 1e-9: a trade losing 5e-324 would make the profit factor overflow to Infinity, as it should.
  fc.double({ min: -0.5, max: 0.5, noNaN: true }).map((value) => Math.round(value * 1e9) / 1e9),
);
const position = fc.oneof(fc.constantFrom(-1, 0, 1), fc.double({ min: -1, max: 1, noNaN: true }));

const inputs: fc.Arbitrary<RiskSummaryInput> = fc
  .array(periodReturn, { maxLength: 200 })
  .chain((returns) => {
    const bars = returns.length + 1;
    return fc.record({
      equity: fc.constantFrom(100, 1e5).map((start) => equityOf(returns, start)),
      periodsPerYear: fc.constantFrom(252, 52, 12, 1, 0.5, 78 * 252),
      benchmarkEquity: fc.option(
        fc.array(periodReturn, { minLength: bars - 1, maxLength: bars - 1 }).map((b) => equityOf(b, 50)),
        { nil: undefined },
      ),
      tradeReturns: fc.option(fc.array(periodReturn, { maxLength: 30 }), { nil: undefined }),
      positions: fc.option(fc.array(position, { minLength: bars, maxLength: bars }), { nil: undefined }),
      targets: fc.option(fc.array(position, { minLength: bars, maxLength: bars }), { nil: undefined }),
    });
  })
  .chain((input) =>
    fc.boolean().map((typed) => (typed ? { ...input, equity: Float64Array.from(input.equity) } : input)),
  );

describe('summary', () => {
  it('equals the individual functions, to the bit', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const { equity, periodsPerYear, benchmarkEquity, tradeReturns, positions, targets } = input;
        const returns = equityReturns(equity);
        const benchmarkReturns = benchmarkEquity === undefined ? undefined : equityReturns(benchmarkEquity);
        expect(summary(input)).toEqual({
          totalReturn: totalReturn(equity),
          annualReturn: annualReturn(equity, periodsPerYear),
          volatility: annualVolatility(returns, periodsPerYear),
          sharpe: sharpe(returns, periodsPerYear),
          sortino: sortino(returns, periodsPerYear),
          calmar: calmar(equity, periodsPerYear),
          maxDrawdown: maxDrawdown(equity),
          maxDrawdownDuration: maxDrawdownDuration(equity),
          var95: valueAtRisk(returns, 0.95),
          cvar95: conditionalValueAtRisk(returns, 0.95),
          beta: benchmarkReturns === undefined ? null : beta(returns, benchmarkReturns),
          alpha: benchmarkReturns === undefined ? null : alpha(returns, benchmarkReturns, periodsPerYear),
          winRate: tradeReturns === undefined ? null : winRate(tradeReturns),
          profitFactor: tradeReturns === undefined ? null : profitFactor(tradeReturns),
          // Without positions, the targets held one bar later.
          exposure:
            positions !== undefined
              ? exposure(positions)
              : targets === undefined
                ? null
                : exposure(Array.from(targets).slice(0, -1)),
          turnover: targets === undefined ? null : turnover(targets, periodsPerYear),
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps its invariants: drawdown in [−1, 0], duration below n, CVaR ≤ VaR, finite figures', () => {
    fc.assert(
      // Daily bars or coarser: with 78 × 252 bars a year, a 50% gain over two bars annualises beyond 1e308.
      fc.property(
        inputs.filter((input) => input.periodsPerYear <= 252),
        (input) => {
          const result = summary(input);
          expect(result.maxDrawdown).toBeLessThanOrEqual(0);
          expect(result.maxDrawdown).toBeGreaterThanOrEqual(-1);
          expect(result.maxDrawdownDuration).toBeLessThan(input.equity.length);
          expect(result.cvar95).toBeLessThanOrEqual(result.var95 + 1e-12);
          expect(result.volatility).toBeGreaterThanOrEqual(0);
          for (const value of Object.values(result)) {
            if (value !== null) expect(Number.isFinite(value)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
