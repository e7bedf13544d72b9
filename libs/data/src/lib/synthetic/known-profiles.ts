/**
 * The characters of well-known symbols, so that synthetic `SPY` trends and swings like a broad index and
 * `TLT` like a long bond. Figures are round, plausible long-run values, not estimates to trust: the annual
 * drift μ (E[S_t] = S_0·e^(μt), total return: the synthetic market pays no dividends, so prices are
 * adjusted ones), the annual volatility σ of daily log returns, the loading ρ on the market factor (the US
 * broad market, which SPY tracks: two symbols' daily returns correlate ρ₁·ρ₂), the approximate real close
 * on {@link ANCHOR_DATE} (rounded), and a typical daily volume in shares (2024 orders of magnitude).
 *
 * Loadings follow daily correlations with the S&P 500 over the last two decades: index funds near 1, large
 * stocks 0.4–0.7, long Treasuries slightly negative (−0.25: they rallied when stocks fell in 2008 and 2020,
 * though not in 2022), gold near 0. Volatilities and drifts are of the same period, tempered: the few stocks
 * that rose a hundredfold are given drifts that a newcomer's backtest will not mistake for a law of nature.
 */

/** The date whose close each symbol's synthetic path is shifted to meet (see `SyntheticPath`). */
export const ANCHOR_DATE = '2024-12-31';

/** One row of {@link KNOWN_PROFILES}. */
export interface KnownProfile {
  /** Annual drift μ of the price's expectation (total return). */
  readonly drift: number;
  /** Annual volatility σ of daily log returns. */
  readonly volatility: number;
  /** Loading ρ on the market factor, in [−1, 1]. */
  readonly marketLoading: number;
  /** The close on {@link ANCHOR_DATE}, near the real one. */
  readonly anchorPrice: number;
  /** Mean daily volume in shares. */
  readonly typicalVolume: number;
  /** What the symbol is, for readers of the table. */
  readonly description: string;
}

const row = (
  drift: number,
  volatility: number,
  marketLoading: number,
  anchorPrice: number,
  typicalVolume: number,
  description: string,
): KnownProfile => ({ drift, volatility, marketLoading, anchorPrice, typicalVolume, description });

/* prettier-ignore */
const TABLE: Record<string, KnownProfile> = {
  // Broad equity indices and their funds. SPY is the market factor but for a sliver of tracking noise.
  SPY:     row(0.090, 0.170, 0.999, 586, 60e6, 'S&P 500 ETF'),
  IVV:     row(0.090, 0.170, 0.999, 589, 5e6, 'S&P 500 ETF'),
  VOO:     row(0.090, 0.170, 0.999, 539, 6e6, 'S&P 500 ETF'),
  VTI:     row(0.091, 0.175, 0.990, 290, 3.5e6, 'US total market ETF'),
  DIA:     row(0.088, 0.165, 0.950, 425, 3.5e6, 'Dow Jones Industrial Average ETF'),
  QQQ:     row(0.125, 0.235, 0.900, 511, 35e6, 'Nasdaq-100 ETF'),
  IWM:     row(0.085, 0.225, 0.850, 221, 30e6, 'Russell 2000 (small caps) ETF'),
  EFA:     row(0.065, 0.170, 0.800, 76, 15e6, 'developed markets ex-US ETF'),
  VEA:     row(0.065, 0.170, 0.800, 47.5, 12e6, 'developed markets ex-US ETF'),
  EEM:     row(0.070, 0.220, 0.720, 42, 30e6, 'emerging markets ETF'),
  VWO:     row(0.070, 0.215, 0.720, 44, 9e6, 'emerging markets ETF'),
  VNQ:     row(0.085, 0.220, 0.750, 89, 4e6, 'US real estate (REITs) ETF'),
  // US sector funds.
  XLK:     row(0.125, 0.230, 0.880, 233, 6e6, 'technology sector ETF'),
  XLF:     row(0.085, 0.240, 0.850, 48, 40e6, 'financials sector ETF'),
  XLE:     row(0.075, 0.270, 0.600, 86, 15e6, 'energy sector ETF'),
  XLV:     row(0.090, 0.160, 0.780, 138, 8e6, 'health care sector ETF'),
  XLY:     row(0.100, 0.210, 0.880, 224, 4e6, 'consumer discretionary sector ETF'),
  XLP:     row(0.075, 0.130, 0.650, 79, 10e6, 'consumer staples sector ETF'),
  XLI:     row(0.090, 0.190, 0.880, 132, 10e6, 'industrials sector ETF'),
  XLU:     row(0.075, 0.170, 0.550, 76, 12e6, 'utilities sector ETF'),
  // Bonds: low volatility, a loading at or below zero for Treasuries, credit leaning towards stocks.
  TLT:     row(0.045, 0.140, -0.250, 87, 35e6, '20+ year US Treasuries ETF'),
  IEF:     row(0.040, 0.070, -0.250, 93, 8e6, '7–10 year US Treasuries ETF'),
  SHY:     row(0.025, 0.015, -0.150, 82, 4e6, '1–3 year US Treasuries ETF'),
  AGG:     row(0.040, 0.050, 0.050, 97, 7e6, 'US aggregate bond ETF'),
  BND:     row(0.040, 0.050, 0.050, 72, 6e6, 'US aggregate bond ETF'),
  TIP:     row(0.038, 0.060, 0.050, 107, 2e6, 'inflation-protected Treasuries ETF'),
  LQD:     row(0.050, 0.085, 0.200, 105, 25e6, 'investment-grade corporate bond ETF'),
  HYG:     row(0.055, 0.090, 0.650, 79, 35e6, 'high-yield corporate bond ETF'),
  // Commodities: gold near zero loading, silver and oil more cyclical.
  GLD:     row(0.070, 0.160, 0.050, 242, 8e6, 'gold ETF'),
  SLV:     row(0.060, 0.290, 0.200, 26, 20e6, 'silver ETF'),
  DBC:     row(0.030, 0.190, 0.400, 22, 2e6, 'commodity index ETF'),
  USO:     row(0.020, 0.360, 0.350, 75, 4e6, 'crude oil ETF'),
  // Large US stocks.
  AAPL:    row(0.180, 0.300, 0.650, 250, 55e6, 'Apple'),
  MSFT:    row(0.150, 0.260, 0.700, 421, 21e6, 'Microsoft'),
  AMZN:    row(0.180, 0.340, 0.600, 219, 40e6, 'Amazon'),
  GOOGL:   row(0.150, 0.290, 0.650, 189, 27e6, 'Alphabet class A'),
  GOOG:    row(0.150, 0.290, 0.650, 190, 19e6, 'Alphabet class C'),
  META:    row(0.170, 0.380, 0.550, 586, 14e6, 'Meta Platforms'),
  NVDA:    row(0.280, 0.500, 0.550, 134, 250e6, 'Nvidia'),
  TSLA:    row(0.220, 0.580, 0.450, 404, 95e6, 'Tesla'),
  AVGO:    row(0.220, 0.380, 0.620, 232, 25e6, 'Broadcom'),
  'BRK-B': row(0.100, 0.200, 0.700, 453, 4e6, 'Berkshire Hathaway class B'),
  JPM:     row(0.120, 0.270, 0.700, 240, 9e6, 'JPMorgan Chase'),
  BAC:     row(0.090, 0.330, 0.680, 44, 38e6, 'Bank of America'),
  V:       row(0.140, 0.240, 0.680, 316, 7e6, 'Visa'),
  MA:      row(0.150, 0.260, 0.700, 527, 3e6, 'Mastercard'),
  XOM:     row(0.080, 0.240, 0.550, 108, 15e6, 'Exxon Mobil'),
  CVX:     row(0.080, 0.260, 0.550, 145, 8e6, 'Chevron'),
  JNJ:     row(0.080, 0.180, 0.550, 145, 7e6, 'Johnson & Johnson'),
  UNH:     row(0.130, 0.260, 0.520, 506, 4e6, 'UnitedHealth'),
  LLY:     row(0.150, 0.270, 0.400, 772, 3.5e6, 'Eli Lilly'),
  MRK:     row(0.080, 0.220, 0.450, 99, 9e6, 'Merck'),
  ABBV:    row(0.120, 0.250, 0.450, 178, 6e6, 'AbbVie'),
  PFE:     row(0.060, 0.240, 0.480, 26.5, 40e6, 'Pfizer'),
  PG:      row(0.080, 0.170, 0.520, 168, 7e6, 'Procter & Gamble'),
  KO:      row(0.070, 0.170, 0.500, 62, 15e6, 'Coca-Cola'),
  PEP:     row(0.080, 0.170, 0.500, 152, 6e6, 'PepsiCo'),
  WMT:     row(0.100, 0.210, 0.450, 90, 17e6, 'Walmart'),
  COST:    row(0.140, 0.220, 0.550, 916, 2e6, 'Costco'),
  HD:      row(0.120, 0.260, 0.650, 389, 4e6, 'Home Depot'),
  DIS:     row(0.080, 0.280, 0.620, 111, 9e6, 'Walt Disney'),
  NFLX:    row(0.220, 0.450, 0.450, 891, 3.5e6, 'Netflix'),
  AMD:     row(0.180, 0.550, 0.550, 121, 45e6, 'Advanced Micro Devices'),
  INTC:    row(0.050, 0.330, 0.600, 20, 75e6, 'Intel'),
  ORCL:    row(0.120, 0.300, 0.600, 167, 9e6, 'Oracle'),
  CSCO:    row(0.080, 0.280, 0.650, 59, 19e6, 'Cisco'),
  IBM:     row(0.060, 0.240, 0.580, 220, 4e6, 'IBM'),
  CRM:     row(0.140, 0.350, 0.620, 334, 7e6, 'Salesforce'),
  ADBE:    row(0.140, 0.320, 0.650, 445, 3.5e6, 'Adobe'),
  T:       row(0.050, 0.220, 0.450, 23, 35e6, 'AT&T'),
  VZ:      row(0.050, 0.200, 0.400, 40, 20e6, 'Verizon'),
};

/** Other spellings of a table symbol: the same profile and the same path. */
const ALIASES: Record<string, string> = { 'BRK.B': 'BRK-B' };

/**
 * The symbols with a profile in the table, each with its row: broad, sector and international equity funds,
 * bond, commodity and gold funds, the S&P 500 index and about forty large US stocks.
 */
export const KNOWN_PROFILES: Readonly<Record<string, KnownProfile>> = TABLE;

/** The table's row for `symbol` (already normalised), and the symbol its path is keyed on; or undefined. */
export function knownProfile(symbol: string): { row: KnownProfile; pathSymbol: string } | undefined {
  const pathSymbol = ALIASES[symbol] ?? symbol;
  const row = Object.hasOwn(TABLE, pathSymbol) ? TABLE[pathSymbol] : undefined;
  return row && { row, pathSymbol };
}
