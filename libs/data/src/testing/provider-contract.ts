import {
  AetherError,
  type BarSeries,
  DAY_MS,
  parseIsoTime,
  parsePeriod,
  periodWindow,
} from '@aetherquant/core';
import { type MarketDataProvider } from '../lib/provider/market-data-provider';
import { rejection } from '@aetherquant/testing';

export interface ProviderContractSetup {
  provider: MarketDataProvider;
  /** What `provenance.provider` must say. */
  providerName: string;
  /** An upper-case symbol with daily bars throughout `knownStart`..`knownEnd`. */
  symbol: string;
  /** Inclusive ISO dates of a span of at least three months; both are trading days with a bar. */
  knownStart: string;
  knownEnd: string;
  /** A weekend (or other span) inside the known span with no bars: inclusive ISO dates. */
  emptySpan: { start: string; end: string };
  /** Whether raw and adjusted prices of `symbol` differ within the known span (it paid dividends). */
  adjustsPrices: boolean;
  /** A well-formed symbol the provider has no data for; omitted where every symbol has data (synthetic). */
  missingSymbol?: string;
}

const fields = (error: AetherError) => error.details?.violations?.map((violation) => violation.field);

/**
 * The behaviour every `MarketDataProvider` shares (GUIDE §5: one contract suite per interface). Call it
 * from each provider's spec with a setup that builds the provider over its own test data.
 */
export function describeProviderContract(name: string, setup: () => Promise<ProviderContractSetup>): void {
  describe(`${name} satisfies the MarketDataProvider contract`, () => {
    let context: ProviderContractSetup;
    let known: BarSeries;

    beforeAll(async () => {
      context = await setup();
      known = await context.provider.getBars({
        symbol: context.symbol,
        start: context.knownStart,
        end: context.knownEnd,
      });
    });

    it('normalises the symbol and says where the bars come from', async () => {
      const series = await context.provider.getBars({
        symbol: `  ${context.symbol.toLowerCase()} `,
        start: context.knownStart,
        end: context.knownEnd,
      });
      expect(series.symbol).toBe(context.symbol);
      expect(series.interval.name).toBe('1d');
      expect(series.provenance).toEqual({ provider: context.providerName, adjusted: true });
    });

    it('returns the bars of inclusive start and end dates, both ends included', () => {
      const start = parseIsoTime(context.knownStart);
      const end = parseIsoTime(context.knownEnd);
      expect(known.time[0]).toBe(start);
      expect(known.time[known.length - 1]).toBe(end);
      for (const time of known.time) {
        expect(time).toBeGreaterThanOrEqual(start);
        expect(time).toBeLessThan(end + DAY_MS);
      }
      // About 21 trading days a month: a three-month span holds at least 60 bars.
      expect(known.length).toBeGreaterThanOrEqual(60);
    });

    it('counts a period back from the latest available bar', async () => {
      const series = await context.provider.getBars({ symbol: context.symbol, period: '1mo' });
      const last = series.time[series.length - 1] as number;
      const window = periodWindow(parsePeriod('1mo'), last + 1);
      expect(series.time[0]).toBeGreaterThanOrEqual(window.start as number);
      // One month holds 19 to 23 weekdays.
      expect(series.length).toBeGreaterThanOrEqual(15);
      expect(series.length).toBeLessThanOrEqual(23);
    });

    it('serves raw prices on request, scaled from adjusted ones by one factor per bar', async () => {
      const raw = await context.provider.getBars({
        symbol: context.symbol,
        start: context.knownStart,
        end: context.knownEnd,
        adjusted: false,
      });
      expect(raw.provenance).toEqual({ provider: context.providerName, adjusted: false });
      expect(Array.from(raw.time)).toEqual(Array.from(known.time));
      let differs = false;
      for (let i = 0; i < raw.length; i++) {
        const factor = (known.close[i] as number) / (raw.close[i] as number);
        expect((known.open[i] as number) / (raw.open[i] as number)).toBeCloseTo(factor, 12);
        expect((known.high[i] as number) / (raw.high[i] as number)).toBeCloseTo(factor, 12);
        expect((known.low[i] as number) / (raw.low[i] as number)).toBeCloseTo(factor, 12);
        expect(known.volume[i]).toBe(raw.volume[i]);
        if (Math.abs(factor - 1) > 1e-9) differs = true;
      }
      expect(differs).toBe(context.adjustsPrices);
    });

    it('keeps every bar consistent: low ≤ open, close ≤ high, volume ≥ 0', () => {
      const tolerance = 1 + 1e-12;
      for (let i = 0; i < known.length; i++) {
        const [open, high, low, close] = [
          known.open[i],
          known.high[i],
          known.low[i],
          known.close[i],
        ] as number[];
        expect(low).toBeLessThanOrEqual(Math.min(open as number, close as number) * tolerance);
        expect((high as number) * tolerance).toBeGreaterThanOrEqual(
          Math.max(open as number, close as number),
        );
        expect(known.volume[i]).toBeGreaterThanOrEqual(0);
      }
    });

    it('answers the same request with the same bars', async () => {
      const again = await context.provider.getBars({
        symbol: context.symbol,
        start: context.knownStart,
        end: context.knownEnd,
      });
      for (const column of ['time', 'open', 'high', 'low', 'close', 'volume'] as const) {
        expect(Array.from(again[column])).toEqual(Array.from(known[column]));
      }
    });

    it('rejects bad requests, naming every bad field', async () => {
      const error = await rejection(
        context.provider.getBars({ symbol: '$$$', interval: '7d', start: '2020-02-01', end: '2020-01-01' }),
        'INVALID_ARGUMENT',
      );
      expect(fields(error)).toEqual(['symbol', 'interval', 'end']);
      const mixed = await rejection(
        context.provider.getBars({ symbol: context.symbol, period: '1y', start: context.knownStart }),
        'INVALID_ARGUMENT',
      );
      expect(fields(mixed)).toEqual(['period']);
    });

    it('reports a span without bars as DATA_UNAVAILABLE, naming symbol, dates and interval', async () => {
      const { start, end } = context.emptySpan;
      const error = await rejection(
        context.provider.getBars({ symbol: context.symbol, start, end }),
        'DATA_UNAVAILABLE',
      );
      expect(error.message).toContain(context.symbol);
      expect(error.message).toContain('1d');
      expect(error.message).toContain(start);
    });

    it('reports a symbol it has no data for as DATA_UNAVAILABLE', async () => {
      if (context.missingSymbol === undefined) {
        // Providers that invent data for any symbol have nothing to report here; the others must.
        expect(context.providerName).toBe('synthetic');
        return;
      }
      const error = await rejection(
        context.provider.getBars({ symbol: context.missingSymbol, period: '1y' }),
        'DATA_UNAVAILABLE',
      );
      expect(error.message).toContain(context.missingSymbol);
    });
  });
}
