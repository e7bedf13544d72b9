// The public API of @aetherquant/risk: risk and performance metrics over equity and return arrays.

export { equityReturns, totalReturn, annualReturn, annualVolatility } from './lib/returns/returns';
export { sharpe, sortino, calmar } from './lib/ratios/ratios';
export { maxDrawdown, maxDrawdownDuration } from './lib/drawdown/drawdown';
export { valueAtRisk, conditionalValueAtRisk } from './lib/tail-risk/tail-risk';
export { beta, alpha } from './lib/benchmark/benchmark';
export { winRate, profitFactor } from './lib/trades/trades';
export { exposure, turnover } from './lib/exposure/exposure';
export { summary, type RiskSummary, type RiskSummaryInput } from './lib/summary/summary';
export { drawdownCurve, drawdownPeriods, type DrawdownPeriod } from './lib/drawdown/drawdown-periods';
export { calendarReturns, type CalendarPeriod, type CalendarReturn } from './lib/calendar/calendar-returns';
export { rollingSharpe, rollingVolatility } from './lib/rolling/rolling-ratios';
