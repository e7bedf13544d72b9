import { histogram } from '../analytics/series-analytics';
import { formatPrice } from '@aetherquant/core';
import { formatFigure } from '@aetherquant/core';
import { html, type Html } from '../format/html';
import { barChart } from '../svg/bar-chart';
import { type ChartLine, type ChartMarker, legend, lineChart } from '../svg/line-chart';
import { section, type SectionContext } from './section';

/** Equity against the benchmark, on a linear and a log scale (a radio button switches them, without script). */
export function equitySection(context: SectionContext): Html {
  const { input } = context;
  const series = input.series;
  if (series === undefined) return html``;
  const lines: ChartLine[] = [{ label: input.strategyLabel, values: series.equity, className: 'strategy' }];
  if (series.benchmark && input.benchmarkLabel)
    lines.push({ label: input.benchmarkLabel, values: series.benchmark, className: 'benchmark' });
  const money = (value: number) => compactMoney(value, input.currency);
  const chart = (log: boolean) =>
    lineChart({
      time: series.time,
      lines,
      format: money,
      log,
      title: `Equity, ${log ? 'log' : 'linear'} scale`,
    });
  return section(
    'equity',
    'Equity',
    html`<div class="scale-switch"><input type="radio" name="equity-scale" id="equity-linear" checked /><label for="equity-linear" >Linear</label ><input type="radio" name="equity-scale" id="equity-log" /><label for="equity-log">Log</label >${legend(lines)}<div class="chart linear-chart">${chart(false)}</div><div class="chart log-chart">${chart(true)}</div></div>`,
  );
}

/** The traded instrument's closes, with a marker at every entry (▲ bought) and exit (▼ sold). */
export function priceSection(context: SectionContext): Html {
  const { input } = context;
  const price = input.series?.price;
  const time = input.series?.time;
  if (price === undefined || time === undefined) return html``;
  const index = barIndex(time);
  const markers: ChartMarker[] = [];
  for (const trade of input.trades ?? []) {
    if (trade.symbol !== price.symbol) continue;
    const entry = index.get(trade.entryTime);
    const exit = index.get(trade.exitTime);
    const long = trade.side === 'long';
    const describe = (what: string, at: number, value: number) =>
      `${what} ${trade.side} ${context.time(at)} at ${formatPrice(value, input.currency)}`;
    if (entry !== undefined)
      markers.push({
        index: entry,
        kind: long ? 'buy' : 'sell',
        title: describe('Open', trade.entryTime, trade.entryPrice),
      });
    if (exit !== undefined && !trade.open)
      markers.push({
        index: exit,
        kind: long ? 'sell' : 'buy',
        title: describe('Close', trade.exitTime, trade.exitPrice),
      });
  }
  const lines = [{ label: `${price.symbol} close`, values: price.close, className: 'price' }];
  return section(
    'price',
    `${price.symbol} and the trades`,
    html`${legend([...lines, { label: 'Buy', className: 'buy' }, { label: 'Sell', className: 'sell' }])}<div class="chart">${lineChart(
      {
        time,
        lines,
        format: (value) => formatPrice(value, input.currency),
        markers,
        title: `${price.symbol} closes with trade markers`,
      },
    )}</div>`,
    input.trades !== undefined && markers.length === 0 ? 'No trade in this window.' : undefined,
  );
}

/** The underwater curve and the deepest drawdown periods. */
export function drawdownSection(context: SectionContext): Html {
  const { input, analytics } = context;
  const time = input.series?.time;
  if (analytics === null || time === undefined) return html``;
  const rows = analytics.drawdowns.map((period, i) => {
    const recovered = period.recovery === null ? 'not yet' : context.time(time[period.recovery] as number);
    const length = (period.recovery ?? time.length - 1) - period.peak;
    return html`<tr><td>${i + 1}</td><td>${context.signed(period.depth, 'percent')}</td><td>${context.time(time[period.peak] as number)}</td><td>${context.time(time[period.trough] as number)}</td><td>${recovered}</td><td class="num">${formatFigure(length, 'count')}</td></tr>`;
  });
  return section(
    'drawdowns',
    'Drawdowns',
    html`<div class="chart">${lineChart({
      time,
      lines: [{ label: 'Drawdown', values: analytics.drawdown, className: 'drawdown' }],
      format: (value) => formatFigure(value, 'percent'),
      baseline: 0,
      fill: true,
      height: 200,
      title: 'Drawdown from the running peak',
    })}</div>${
      rows.length === 0
        ? html`<p class="note">Never below a previous peak.</p>`
        : html`<div class="table-wrap"><table><thead><tr><th>#</th><th>Depth</th><th>Peak</th><th>Trough</th><th>Recovered</th><th>Bars</th></tr></thead><tbody>${rows}</tbody></table></div>`
    }`,
    'Underwater periods: from a peak to the first bar back at it, deepest first.',
  );
}

/** Rolling Sharpe ratio and volatility over half a year of bars. */
export function rollingSection(context: SectionContext): Html {
  const { input, analytics } = context;
  const time = input.series?.time;
  if (analytics === null || time === undefined || analytics.returns.length < analytics.rollingWindow)
    return html``;
  const pair = (strategy: Float64Array, benchmark: Float64Array | null): ChartLine[] => [
    { label: input.strategyLabel, values: strategy, className: 'strategy' },
    ...(benchmark && input.benchmarkLabel
      ? [{ label: input.benchmarkLabel, values: benchmark, className: 'benchmark' }]
      : []),
  ];
  const sharpeLines = pair(analytics.rollingSharpe, analytics.benchmarkRollingSharpe);
  const volatilityLines = pair(analytics.rollingVolatility, analytics.benchmarkRollingVolatility);
  return section(
    'rolling',
    'Rolling Sharpe ratio and volatility',
    html`${legend(sharpeLines)}<h3>Sharpe ratio</h3><div class="chart">${lineChart({
      time,
      lines: sharpeLines,
      format: (value) => formatFigure(value, 'decimal'),
      baseline: 0,
      height: 220,
      title: 'Rolling Sharpe ratio',
    })}</div><h3>Volatility</h3><div class="chart">${lineChart({
      time,
      lines: volatilityLines,
      format: (value) => formatFigure(value, 'percent'),
      baseline: 0,
      height: 220,
      title: 'Rolling annualised volatility',
    })}</div>`,
    `Over the last ${formatFigure(analytics.rollingWindow, 'count')} bars at each bar, annualised (zero risk-free rate), as the figures above.`,
  );
}

/** The distribution of per-bar returns, with its extremes. */
export function distributionSection(context: SectionContext): Html {
  const { analytics } = context;
  if (analytics === null || analytics.returns.length < 2) return html``;
  const returns = analytics.returns;
  const { edges, counts } = histogram(returns);
  const bars = counts.map((count, i) => {
    const low = edges[i] as number;
    const high = edges[i + 1] as number;
    const middle = (low + high) / 2;
    return {
      label: formatFigure(middle, 'percent').replace(' %', '%'),
      value: count,
      title: `${formatFigure(low, 'percent')} to ${formatFigure(high, 'percent')}: ${count} bars`,
      middle,
    };
  });
  let best = -Infinity;
  let worst = Infinity;
  let positive = 0;
  for (const value of returns) {
    if (value > best) best = value;
    if (value < worst) worst = value;
    if (value > 0) positive++;
  }
  return section(
    'distribution',
    'Return distribution',
    html`<div class="chart">${barChart({
      bars,
      format: (value) => formatFigure(value, 'count'),
      title: 'Histogram of per-bar returns',
      colourBy: (bar) => (bar as (typeof bars)[number]).middle,
    })}</div><dl class="facts"><dt>Best bar</dt><dd>${context.signed(best, 'percent')}</dd><dt>Worst bar</dt><dd>${context.signed(worst, 'percent')}</dd><dt>Bars up</dt><dd>${formatFigure(positive / returns.length, 'percent')}</dd></dl>`,
    `${formatFigure(returns.length, 'count')} per-bar returns of the strategy.`,
  );
}

/** Index of each bar time, for placing trades on the chart. */
function barIndex(time: ArrayLike<number>): Map<number, number> {
  const index = new Map<number, number>();
  for (let i = 0; i < time.length; i++) index.set(time[i] as number, i);
  return index;
}

/** Money on an axis: whole units, with thousands separators ($100,000). */
function compactMoney(value: number, currency: string): string {
  if (Math.abs(value) < 100) return formatFigure(value, 'money', currency);
  return formatFigure(Math.round(value), 'money', currency).replace(/\.00$/, '');
}
