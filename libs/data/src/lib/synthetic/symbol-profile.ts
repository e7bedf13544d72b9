import { CounterRandom, hashText } from './counter-random';

/**
 * The character of one synthetic symbol: fixed by the symbol alone (not by the seed), so `SPY` trends and
 * swings alike under every seed and only its path changes.
 */
export interface SymbolProfile {
  readonly symbol: string;
  /** Annual drift μ of the log price's expectation, in [0.02, 0.12]: E[S_t] = S_0·e^(μt). */
  readonly drift: number;
  /** Annual volatility σ of log returns, in [0.10, 0.40]. */
  readonly volatility: number;
  /** Loading ρ on the common market factor, in [0.3, 0.9]: two symbols' daily returns correlate ρ₁·ρ₂. */
  readonly marketLoading: number;
  /** Price at the close before the first synthetic day (1990-01-01), in [20, 500]. */
  readonly startPrice: number;
  /** Mean daily volume in shares, in [1e5, 5e7]. */
  readonly typicalVolume: number;
  /** The symbol's random stream id, separate from the stream that draws its profile. */
  readonly stream: number;
}

/** Salts of MurmurHash3 over the symbol: one for the profile, one for the price path, so they are unrelated. */
const PROFILE_SALT = 0x50524f46; // 'PROF'
const PATH_SALT = 0x50415448; // 'PATH'
/** The profile draws use this seed under the profile stream; user seeds pick paths, not characters. */
const PROFILE_SEED = 0;

const DRIFT = [0.02, 0.12] as const;
const VOLATILITY = [0.1, 0.4] as const;
const MARKET_LOADING = [0.3, 0.9] as const;
const START_PRICE = [20, 500] as const;
const TYPICAL_VOLUME = [1e5, 5e7] as const;

const linear = ([low, high]: readonly [number, number], u: number) => low + (high - low) * u;
/** Log-uniform: prices and volumes spread over orders of magnitude, as listed stocks' do. */
const logarithmic = ([low, high]: readonly [number, number], u: number) => low * (high / low) ** u;

/**
 * The profile of an (already normalised) symbol: drift, volatility and market loading uniform in their
 * ranges; start price and typical volume log-uniform, so a $25 stock is as likely as a $250 one.
 */
export function symbolProfile(symbol: string): SymbolProfile {
  const random = new CounterRandom(PROFILE_SEED, hashText(symbol, PROFILE_SALT));
  return {
    symbol,
    drift: linear(DRIFT, random.uniform(0)),
    volatility: linear(VOLATILITY, random.uniform(1)),
    marketLoading: linear(MARKET_LOADING, random.uniform(2)),
    startPrice: logarithmic(START_PRICE, random.uniform(3)),
    typicalVolume: logarithmic(TYPICAL_VOLUME, random.uniform(4)),
    stream: hashText(symbol, PATH_SALT),
  };
}
