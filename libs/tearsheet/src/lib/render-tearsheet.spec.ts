import { parseInterval } from '@aetherquant/core';
import { type TearsheetInput } from './model/tearsheet-input';
import { escapeHtml } from './format/html';
import { CONTENT_SECURITY_POLICY, renderTearsheet } from './render-tearsheet';

const day = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** 300 weekdays from 2023-01-02 of a gently rising, wobbling curve, a benchmark and a price. */
function sampleInput(overrides: Partial<TearsheetInput> = {}): TearsheetInput {
  const time: number[] = [];
  for (let t = day('2023-01-02'); time.length < 300; t += 86_400_000) {
    if (![0, 6].includes(new Date(t).getUTCDay())) time.push(t);
  }
  const equity = time.map((_, i) => 100_000 * (1 + 0.0004 * i + 0.03 * Math.sin(i / 9)));
  const benchmark = time.map((_, i) => 100_000 * (1 + 0.0006 * i));
  const close = time.map((_, i) => 3.14159 + 0.01 * i);
  return {
    title: 'SPY · ma-cross',
    subtitle: 'Backtest, daily bars',
    currency: 'USD',
    interval: parseInterval('1d'),
    strategyLabel: 'ma-cross (fast 20, slow 50)',
    benchmarkLabel: 'Buy and hold SPY',
    figures: [
      { label: 'Annual return', strategy: -0.023535, benchmark: 0.132669, kind: 'percent', signed: true },
      { label: 'Final equity', strategy: 78829.41, benchmark: 346875.08, kind: 'money' },
      { label: 'Sharpe ratio', strategy: null, benchmark: 0.922059, kind: 'decimal', signed: true },
      { label: 'Trades', strategy: 11, kind: 'count' },
    ],
    series: { time, equity, benchmark, price: { symbol: 'SPY', close } },
    trades: [
      {
        symbol: 'SPY',
        side: 'long',
        entryTime: time[10] as number,
        exitTime: time[40] as number,
        entryPrice: close[10] as number,
        exitPrice: close[40] as number,
        size: 31_000.5,
        pnl: -1234.5,
        return: -0.0123,
        barsHeld: 30,
        open: false,
      },
    ],
    spec: { use_case: 'backtest', request: { symbol: 'SPY', strategy: '<script>alert(1)</script>' } },
    provenance: {
      runId: '0193a1c4-7e21-7000-88aa-1eddc98f20a9',
      runType: 'backtest',
      recordedAt: '2026-12-03T10:00:00.000Z',
      provider: 'csv',
      dataHash: 'ab'.repeat(32),
      jobId: null,
      versions: { aetherquant: '0.1.0', node: 'v20.19.0' },
      generatedAt: '2026-12-03T11:00:00.000Z',
    },
    warnings: ['synthetic data: generated prices, not market data'],
    ...overrides,
  };
}

describe('renderTearsheet', () => {
  const page = renderTearsheet(sampleInput());

  it('is one HTML document that forbids every external load and has no script', () => {
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    // One document: every section inside <main>, closed once at the very end.
    expect(page.match(/<\/html>/g)).toHaveLength(1);
    expect(page.trimEnd().endsWith('</footer></main></body></html>')).toBe(true);
    expect(page.indexOf('<section id="figures">')).toBeLessThan(page.indexOf('</main>'));
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}" />`,
    );
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    // No URL at all: not in an attribute, not in the style sheet.
    expect(page).not.toMatch(/(?:https?:)?\/\/[a-z0-9]/i);
  });

  it('shows each recorded figure as recorded, coloured by its own sign', () => {
    const row = (label: string) => page.match(new RegExp(`<tr data-figure="${label}">(.*?)</tr>`))?.[1] ?? '';
    expect(row('Annual return')).toContain('<span class="num down">-2.35 %</span>');
    expect(row('Annual return')).toContain('<span class="num up">13.27 %</span>');
    expect(row('Final equity')).toContain('$78,829.41');
    expect(row('Final equity')).toContain('$346,875.08');
    expect(row('Sharpe ratio')).toContain('<span class="num zero">—</span>');
    expect(row('Trades')).toContain('>11<');
  });

  it('has every section its data allows, linked from the contents', () => {
    for (const id of [
      'figures',
      'equity',
      'price',
      'drawdowns',
      'returns',
      'rolling',
      'distribution',
      'trades',
      'provenance',
    ]) {
      expect(page).toContain(`<section id="${id}">`);
      expect(page).toContain(`<a href="#${id}">`);
    }
    expect(page).not.toContain('<section id="weights">');
    expect(page).not.toContain('<section id="grid">');
  });

  it('draws the equity twice (linear and log) and marks the trade on the price', () => {
    expect(page.match(/aria-label="Equity, linear scale"/g)).toHaveLength(1);
    expect(page.match(/aria-label="Equity, log scale"/g)).toHaveLength(1);
    expect(page).toContain('<polygon class="marker buy"');
    expect(page).toContain('<polygon class="marker sell"');
    expect(page).toContain('Open long 2023-01-16 at $3.242');
  });

  it('lists the trade with its exact price, size and P&L in currency', () => {
    const trades = page.slice(page.indexOf('<section id="trades">'));
    expect(trades).toContain('$3.242'); // 3.14159 + 0.10, four significant digits under $10
    expect(trades).toContain('31,000.5');
    expect(trades).toContain('<span class="num down">-$1,234.50</span>');
    expect(trades).toContain('<span class="num down">-1.23 %</span>');
  });

  it('escapes what users wrote: a strategy name with markup stays text', () => {
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const hostile = renderTearsheet(sampleInput({ title: '"><b>x</b>', strategyLabel: '<i>s</i>' }));
    expect(hostile).not.toContain('<b>x</b>');
    expect(hostile).not.toContain('<i>s</i>');
  });

  it('draws no NaN, for a rising curve, a flat one, and a run of two bars', () => {
    expect(page).not.toContain('NaN');
    const time = [Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3)];
    for (const equity of [
      [100_000, 100_000],
      [100_000, 101_000],
    ]) {
      const short = renderTearsheet(sampleInput({ series: { time, equity, benchmark: equity }, trades: [] }));
      expect(short).not.toContain('NaN');
      expect(short).toContain('<section id="drawdowns">');
    }
  });

  it('is the same page for the same input (the report time is an input)', () => {
    expect(renderTearsheet(sampleInput())).toBe(page);
  });

  it('leaves out the curves when the run has none, and shows weights, grid and tables when it has them', () => {
    const bare = renderTearsheet(
      sampleInput({
        series: undefined,
        trades: undefined,
        weights: {
          symbols: ['SPY', 'TLT'],
          time: [day('2024-01-02'), day('2024-02-01')],
          weights: [
            [0.6, 0.4],
            [0.55, 0.45],
          ],
        },
        contributions: [
          { symbol: 'SPY', contribution: 0.08 },
          { symbol: 'TLT', contribution: -0.01 },
        ],
        grid: {
          metric: 'Sharpe ratio',
          metricKind: 'decimal',
          x: { name: 'fast', values: [5, 10] },
          y: { name: 'slow', values: [20, 50] },
          values: [
            [0.5, -0.25],
            [null, 1],
          ],
        },
        tables: [
          {
            title: 'Walk-forward windows',
            columns: [
              { label: 'Window', kind: 'text' },
              { label: 'Return', kind: 'percent' },
            ],
            rows: [['2020', -0.05]],
          },
        ],
      }),
    );
    expect(bare).not.toContain('<section id="equity">');
    expect(bare).toContain('<section id="weights">');
    expect(bare).toContain('60.00 %'); // the first rebalance's SPY weight, in its tooltip
    expect(bare).toContain('<section id="contribution">');
    expect(bare).toContain('<section id="grid">');
    expect(bare).toContain('<td class="empty">—</td>');
    expect(bare).toContain('-0.25');
    expect(bare).toContain('<section id="table-1">');
    expect(bare).toContain('<span class="num down">-5.00 %</span>');
  });
});
