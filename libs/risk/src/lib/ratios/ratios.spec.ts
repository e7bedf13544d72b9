import { invalidArgumentOf } from '../../testing/error-of';
import {
  FALLING_EQUITY,
  FLAT_EQUITY,
  GOLDEN_EQUITY,
  GOLDEN_RETURNS,
  HALVING_EQUITY,
  ONE_BAR_EQUITY,
} from '../../testing/risk-fixtures';
import { equityReturns } from '../returns/returns';
import { calmar, sharpe, sortino } from './ratios';

describe('sharpe', () => {
  it('is mean / std (ddof 1) × √periodsPerYear', () => {
    // mean = 0.3 / 4 = 0.075; std = √(0.0475 / 3) = 0.1258305739… (see annualVolatility)
    // 0.075 / 0.1258305739 = 0.5960395607…; × √4 = 1.1920791214…
    expect(sharpe(GOLDEN_RETURNS, 4)).toBeCloseTo(1.1920791213585402, 12);
    // × √252 = 0.5960395607 × 15.874507866 = 9.4618…
    expect(sharpe(GOLDEN_RETURNS, 252)).toBeCloseTo(0.5960395606792701 * Math.sqrt(252), 12);
  });

  it('is 0 for flat equity, for one bar and for one return (no deviation to divide by)', () => {
    expect(sharpe(equityReturns(FLAT_EQUITY), 252)).toBe(0);
    expect(sharpe(equityReturns(ONE_BAR_EQUITY), 252)).toBe(0);
    expect(sharpe([0.05], 252)).toBe(0);
  });

  it('is 0 for constant losses (std 0) and negative for varying losses', () => {
    // Halving: four returns of −0.5 exactly, std 0.
    expect(sharpe(equityReturns(HALVING_EQUITY), 252)).toBe(0);
    // −0.1, −0.2, −0.5: mean −0.2666…, std 0.2081665999…; −0.2666…/0.2081665999 × √1 = −1.2810252…
    expect(sharpe(equityReturns(FALLING_EQUITY), 1)).toBeCloseTo(-1.2810252304406968, 12);
  });
});

describe('sortino', () => {
  it('divides by the downside deviation over ALL returns, as empyrical', () => {
    // Σ min(r, 0)² = (−0.1)² = 0.01; / k = 4 → 0.0025; √ = 0.05
    // mean × √4 / 0.05 = 0.075 × 2 / 0.05 = 3
    expect(sortino(GOLDEN_RETURNS, 4)).toBeCloseTo(3, 12);
    // Dividing by the count of negative returns (1) instead would give 0.075 × 2 / 0.1 = 1.5.
    expect(sortino(GOLDEN_RETURNS, 4)).not.toBeCloseTo(1.5, 3);
  });

  it('is null without any downside: flat equity, one bar, only gains', () => {
    expect(sortino(equityReturns(FLAT_EQUITY), 252)).toBeNull();
    expect(sortino(equityReturns(ONE_BAR_EQUITY), 252)).toBeNull();
    expect(sortino([0.01, 0.02, 0], 252)).toBeNull();
  });

  it('is negative and finite when every return is a loss', () => {
    // Halving: mean −0.5; Σ r² / 4 = 4 × 0.25 / 4 = 0.25, √ = 0.5; −0.5 × √4 / 0.5 = −2
    expect(sortino(equityReturns(HALVING_EQUITY), 4)).toBe(-2);
    // −0.1, −0.2, −0.5: mean −0.8/3; Σ r² / 3 = (0.01 + 0.04 + 0.25) / 3 = 0.1, √ = 0.316227766…
    // −0.2666… / 0.316227766 × √1 = −0.843274042…
    expect(sortino(equityReturns(FALLING_EQUITY), 1)).toBeCloseTo(-0.8432740427115678, 12);
  });

  it('refuses a return that is not finite', () => {
    expect(invalidArgumentOf(() => sortino([0.1, Number.POSITIVE_INFINITY], 252)).message).toBe(
      'sortino: returns[1] must be a finite number (got Infinity)',
    );
  });
});

describe('calmar', () => {
  it('is the annual return over the absolute maximum drawdown', () => {
    // annual return with n = 5, periodsPerYear = 10: 1.3068² − 1 = 0.70772624
    // max drawdown: 99 / 110 − 1 = −0.1; 0.70772624 / 0.1 = 7.0772624
    expect(calmar(GOLDEN_EQUITY, 10)).toBeCloseTo(7.0772624, 10);
  });

  it('is null when there is no drawdown: flat equity, one bar, only gains', () => {
    expect(calmar(FLAT_EQUITY, 252)).toBeNull();
    expect(calmar(ONE_BAR_EQUITY, 252)).toBeNull();
    expect(calmar([100, 101, 102], 252)).toBeNull();
  });

  it('is negative when equity only falls', () => {
    // Halving, n = 5, periodsPerYear = 5: annual return −0.9375; drawdown 6.25/100 − 1 = −0.9375; −0.9375/0.9375 = −1
    expect(calmar(HALVING_EQUITY, 5)).toBe(-1);
    // 100 → 36, n = 4, periodsPerYear = 2: 0.36^(1/2) − 1 = −0.4; drawdown −0.64; −0.4 / 0.64 = −0.625
    expect(calmar(FALLING_EQUITY, 2)).toBeCloseTo(-0.625, 14);
  });

  it('refuses empty equity and a non-positive point, naming them', () => {
    expect(invalidArgumentOf(() => calmar([], 252)).message).toBe(
      'calmar: equity must have at least one point',
    );
    expect(invalidArgumentOf(() => calmar([100, 0, 50], -1)).details?.violations).toEqual([
      { field: 'equity[1]', rule: 'must be a finite number above 0 (got 0)' },
      { field: 'periodsPerYear', rule: 'must be a finite number above 0 (got -1)' },
    ]);
  });
});
