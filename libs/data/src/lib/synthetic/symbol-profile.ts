import { CounterRandom, hashText } from './counter-random';
import { knownProfile } from './known-profiles';

/**
 * The character of one synthetic symbol: fixed by the symbol alone (not by the seed), so `SPY` trends and
 * swings alike under every seed and only its path changes. Well-known symbols take theirs from a table
 * (`KNOWN_PROFILES`); any other symbol draws one from a hash of its name, as a plausible stock.
 */
export interface SymbolProfile {
  readonly symbol: string;
  /** Annual drift μ of the price's expectation: E[S_t] = S_0·e^(μt). */
  readonly drift: number;
  /** Annual volatility σ of daily log returns. */
  readonly volatility: number;
  /**
   * Loading ρ on the common market factor, in [−1, 1]: two symbols' daily returns correlate ρ₁·ρ₂ (a bond
   * fund's negative loading makes it fall a little when stocks rise).
   */
  readonly marketLoading: number;
  /** The close on the anchor date (2024-12-31) under every seed: the path is shifted to meet it. */
  readonly anchorPrice: number;
  /** Mean daily volume in shares. */
  readonly typicalVolume: number;
  /** The symbol's random stream id, separate from the stream that draws its profile. */
  readonly stream: number;
  /** Whether the profile comes from the table of well-known symbols (else it is drawn from the name). */
  readonly known: boolean;
}

/** Salts of MurmurHash3 over the symbol: one for the profile, one for the price path, so they are unrelated. */
const PROFILE_SALT = 0x50524f46; // 'PROF'
const PATH_SALT = 0x50415448; // 'PATH'
/** The profile draws use this seed under the profile stream; user seeds pick paths, not characters. */
const PROFILE_SEED = 0;

/**
 * Ranges of a drawn profile, those of a typical listed stock. The drift is drawn as the growth of the
 * median path, `g = μ − σ²/2` (2 % to 10 % a year), so a volatile stock's expectation rises with its risk
 * and its median path never shrinks (a 40 %-volatility stock gets μ from 10 % to 18 %).
 */
export const DRAWN_PROFILE_RANGES = {
  growth: [0.02, 0.1],
  volatility: [0.18, 0.4],
  marketLoading: [0.35, 0.8],
  anchorPrice: [20, 500],
  typicalVolume: [1e5, 5e7],
} as const;

const linear = ([low, high]: readonly [number, number], u: number) => low + (high - low) * u;
/** Log-uniform: prices and volumes spread over orders of magnitude, as listed stocks' do. */
const logarithmic = ([low, high]: readonly [number, number], u: number) => low * (high / low) ** u;

/**
 * The profile of an (already normalised) symbol: the table's row for a well-known symbol (an alias such as
 * `BRK.B` shares `BRK-B`'s row and path); otherwise growth, volatility and market loading uniform in
 * {@link DRAWN_PROFILE_RANGES}, anchor price and typical volume log-uniform, so a $25 stock is as likely as
 * a $250 one.
 */
export function symbolProfile(symbol: string): SymbolProfile {
  const known = knownProfile(symbol);
  if (known) {
    const { drift, volatility, marketLoading, anchorPrice, typicalVolume } = known.row;
    return {
      symbol,
      drift,
      volatility,
      marketLoading,
      anchorPrice,
      typicalVolume,
      stream: hashText(known.pathSymbol, PATH_SALT),
      known: true,
    };
  }
  const random = new CounterRandom(PROFILE_SEED, hashText(symbol, PROFILE_SALT));
  const ranges = DRAWN_PROFILE_RANGES;
  const volatility = linear(ranges.volatility, random.uniform(1));
  return {
    symbol,
    drift: linear(ranges.growth, random.uniform(0)) + (volatility * volatility) / 2,
    volatility,
    marketLoading: linear(ranges.marketLoading, random.uniform(2)),
    anchorPrice: logarithmic(ranges.anchorPrice, random.uniform(3)),
    typicalVolume: logarithmic(ranges.typicalVolume, random.uniform(4)),
    stream: hashText(symbol, PATH_SALT),
    known: false,
  };
}
