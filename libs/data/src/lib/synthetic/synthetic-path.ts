import { parseIsoTime, TRADING_DAYS_PER_YEAR } from '@aetherquant/core';
import { CounterRandom } from './counter-random';
import { ANCHOR_DATE } from './known-profiles';
import { marketShocks } from './market-factor';
import { firstBusinessDayAtOrAfter, SESSION_MINUTES } from './synthetic-calendar';
import { type SymbolProfile } from './symbol-profile';

/**
 * Math's functions held in module constants: under Jest's sandbox every `Math.x` is a global lookup through
 * the context's interceptor (~200 ns each, 100× a local), which turns hot loops into slow tests.
 */
const { abs, exp, log, max, round, sqrt } = Math;

/** The business-day index of {@link ANCHOR_DATE} (a Tuesday): the session whose close each path meets. */
export const ANCHOR_DAY = firstBusinessDayAtOrAfter(parseIsoTime(ANCHOR_DATE));

/**
 * Counters of a symbol's stream: business day `d` owns `[d · 256, d · 256 + 256)`, so a day's draws never
 * depend on which other days were asked for. With 32-bit counters this lasts 2^24 business days.
 */
const SLOTS_PER_DAY = 256;
const SLOT_OWN_SHOCK = 0;
const SLOT_OVERNIGHT = 1;
const SLOT_VOLUME = 2;
/** Slots 3 … 197: 195 normal pairs, the day's 390 minute shocks. */
const SLOT_FIRST_MINUTE_PAIR = 3;

/** Δt of one session, in years. */
const DAY_FRACTION = 1 / TRADING_DAYS_PER_YEAR;
/**
 * The share of a day's close-to-close variance that accrues overnight (close to next open). Studies of US
 * stocks find a fifth to a third; a fifth keeps the open near the previous close.
 */
export const OVERNIGHT_VARIANCE_SHARE = 0.2;
/** Standard deviation of the log of the daily volume's lognormal factor. */
const VOLUME_LOG_SPREAD = 0.35;
/** How much volume rises per standard deviation of the day's move: a 2σ day trades ~(1 + 1.5)/1.6 ≈ 1.6×. */
const VOLUME_MOVE_SENSITIVITY = 0.75;
/** E|Z| for a standard normal Z: √(2/π). */
const MEAN_ABSOLUTE_NORMAL = sqrt(2 / Math.PI);

/**
 * The intraday volume profile: a U over the session, three times as heavy at the open and close as at
 * midday, `1 + 2·(2t − 1)²` at the middle `t` of each minute. Cumulative weights are scaled per day.
 */
const MINUTE_PROFILE = (() => {
  const weights = new Float64Array(SESSION_MINUTES);
  for (let minute = 0; minute < SESSION_MINUTES; minute++) {
    const t = (minute + 0.5) / SESSION_MINUTES;
    weights[minute] = 1 + 2 * (2 * t - 1) ** 2;
  }
  return weights;
})();

/**
 * One symbol's synthetic price path under one seed: a geometric Brownian motion with a common market factor,
 * observed as daily closes and, within each session, as 390 one-minute prices.
 *
 * **Daily closes.** The log return of business day `d` is
 * `r_d = (μ − σ²/2)·Δt + σ·√Δt·x_d` with `x_d = ρ·m_d + √(1 − ρ²)·e_d` and `Δt = 1/252`, where `m_d` is the
 * market shock (seed and `d` only, shared by all symbols; a Brownian bridge over each five-year block, see
 * {@link marketShocks}) and `e_d` the symbol's own; both are standard normals, independent of each other,
 * so for any ρ in [−1, 1] `x_d` is one too (variance ρ² + 1 − ρ² = 1) and two symbols' daily returns
 * correlate `ρ₁·ρ₂` (negative for a bond fund against a stock). The log close is
 * `c + Σ_{k ≤ d} r_k`, summed from 1990-01-01 in one fixed order, so every window sees the same values.
 *
 * **Anchoring.** The constant `c` is chosen so that the close on {@link ANCHOR_DATE} is the profile's
 * `anchorPrice` under every seed: `c = log(anchorPrice) − Σ_{k ≤ A} r_k`, A the anchor's business day. So
 * SPY trades near $586 at the end of 2024 whatever the seed, and recent years look like the real ones;
 * the seed decides the path to and from that point, so the further from 2024, the wider the possible prices
 * (for SPY, whose market part is pinned every five years, hardly at all). Days up to the anchor are drawn
 * even when the clock ends history before it.
 *
 * **Open and minutes.** The day is one Brownian motion from the previous close to the close, of variance
 * `σ²·Δt`, of which the share `f` = {@link OVERNIGHT_VARIANCE_SHARE} passes overnight. The open is that
 * motion at `f`, given both ends (a Brownian bridge point): `log O = log C₋₁ + f·r_d + √(f(1 − f))·σ√Δt·z`.
 * The session is the rest of the bridge, from the open to the close, sampled at 390 minutes: with
 * `s = σ·√((1 − f)·Δt / 390)` and minute shocks `z_j`, `W_k = s·Σ_{j<k} z_j` and
 * `log P_k = log O + W_k + (k/390)·(log C − log O − W_390)`. Summed squared minute returns plus the
 * overnight one then estimate `σ²·Δt`, as realised variance should. Prices inside a minute are not
 * simulated: a one-minute bar's high and low are the higher and lower of its open and close.
 *
 * **Volume.** `V_d = round(V̄ · exp(0.35·z − 0.35²/2) · (1 + 0.75·|x_d|) / (1 + 0.75·√(2/π)))`: lognormal
 * noise of mean 1 and more trading on big moves, with mean `V̄` (the profile's typical volume). Minute
 * weights are the U-shaped profile times `(1 + √(π/2)·|z_j|)/2` (minutes that move more trade more); the volume
 * traded by the end of minute `k` is `round(V_d · weight so far / day's weight)`, so bars of any length are
 * whole shares and a day's bars sum to `V_d` exactly.
 */
export class SyntheticPath {
  /** `logClose[d + 1]` is the log close of day `d`; `logClose[0]` is the close before 1990-01-01. */
  private readonly logClose: Float64Array;
  /** The standardised daily shock `x_d`. */
  private readonly dailyShock: Float64Array;
  private readonly own: CounterRandom;
  private readonly overnightScale: number;
  private readonly minuteScale: number;

  /** Log prices at minutes 0 … 390 of the last day simulated: 0 is the open, 390 the close. */
  readonly minutePath = new Float64Array(SESSION_MINUTES + 1);
  /** The day's 390 minute shocks. */
  private readonly minuteShocks = new Float64Array(SESSION_MINUTES);
  /** `cumulativeWeight[k]`: the day's volume weight of minutes before `k` (see {@link volumeTraded}). */
  private readonly cumulativeWeight = new Float64Array(SESSION_MINUTES + 1);
  open = Number.NaN;
  high = Number.NaN;
  low = Number.NaN;
  close = Number.NaN;
  volume = Number.NaN;

  /** Draws the daily closes of days `0 … lastDay` (and on to the anchor day, to place the path). */
  constructor(
    seed: number,
    private readonly profile: SymbolProfile,
    lastDay: number,
  ) {
    const { drift, volatility, marketLoading } = profile;
    this.own = new CounterRandom(seed, profile.stream);
    const dailyVolatility = volatility * sqrt(DAY_FRACTION);
    this.overnightScale = sqrt(OVERNIGHT_VARIANCE_SHARE * (1 - OVERNIGHT_VARIANCE_SHARE)) * dailyVolatility;
    this.minuteScale = volatility * sqrt(((1 - OVERNIGHT_VARIANCE_SHARE) * DAY_FRACTION) / SESSION_MINUTES);

    const days = max(lastDay, ANCHOR_DAY) + 1;
    const market = marketShocks(seed, days - 1);
    this.logClose = new Float64Array(days + 1);
    this.dailyShock = new Float64Array(days);
    const meanReturn = (drift - (volatility * volatility) / 2) * DAY_FRACTION;
    const idiosyncratic = sqrt(1 - marketLoading * marketLoading);
    // The sum from 0, in one order whatever the clock; then shifted as a whole onto the anchor.
    let logPrice = 0;
    for (let d = 0; d < days; d++) {
      const shock =
        marketLoading * (market[d] as number) +
        idiosyncratic * this.own.normal(d * SLOTS_PER_DAY + SLOT_OWN_SHOCK);
      this.dailyShock[d] = shock;
      logPrice += meanReturn + dailyVolatility * shock;
      this.logClose[d + 1] = logPrice;
    }
    const shift = log(profile.anchorPrice) - (this.logClose[ANCHOR_DAY + 1] as number);
    for (let i = 0; i <= days; i++) this.logClose[i] = (this.logClose[i] as number) + shift;
  }

  /**
   * The close of business day `d` (at most the constructor's `lastDay`, or the anchor day) without simulating
   * its session: the value {@link simulateDay} sets as `close`.
   */
  closeOf(d: number): number {
    return exp(this.logClose[d + 1] as number);
  }

  /**
   * Simulates business day `d` (at most the constructor's `lastDay`, or the anchor day): sets `open`, `high`,
   * `low`, `close` and `volume`, and fills {@link minutePath}. With `minuteVolumes`, also prepares
   * {@link volumeTraded}.
   */
  simulateDay(d: number, minuteVolumes: boolean): void {
    const own = this.own;
    const base = d * SLOTS_PER_DAY;
    const logPrevious = this.logClose[d] as number;
    const logClose = this.logClose[d + 1] as number;
    const dayReturn = logClose - logPrevious;
    const logOpen =
      logPrevious +
      OVERNIGHT_VARIANCE_SHARE * dayReturn +
      this.overnightScale * own.normal(base + SLOT_OVERNIGHT);

    // The Brownian bridge from the open to the close (see the class comment).
    const shocks = this.minuteShocks;
    const path = this.minutePath;
    own.fillNormals(base + SLOT_FIRST_MINUTE_PAIR, shocks, 0, SESSION_MINUTES);
    let walk = 0;
    for (let j = 0; j < SESSION_MINUTES; j++) walk += shocks[j] as number;
    const scale = this.minuteScale;
    const pull = (logClose - logOpen - scale * walk) / SESSION_MINUTES;
    path[0] = logOpen;
    let high = logOpen;
    let low = logOpen;
    walk = 0;
    for (let k = 1; k < SESSION_MINUTES; k++) {
      walk += shocks[k - 1] as number;
      const value = logOpen + scale * walk + k * pull;
      path[k] = value;
      if (value > high) high = value;
      if (value < low) low = value;
    }
    // Pinned exactly, not as the bridge's rounded sum: the last minute closes at the day's close.
    path[SESSION_MINUTES] = logClose;
    if (logClose > high) high = logClose;
    if (logClose < low) low = logClose;

    this.open = exp(logOpen);
    this.high = exp(high);
    this.low = exp(low);
    this.close = exp(logClose);
    const volumeNoise = exp(
      VOLUME_LOG_SPREAD * own.normal(base + SLOT_VOLUME) - (VOLUME_LOG_SPREAD * VOLUME_LOG_SPREAD) / 2,
    );
    const moveFactor =
      (1 + VOLUME_MOVE_SENSITIVITY * abs(this.dailyShock[d] as number)) /
      (1 + VOLUME_MOVE_SENSITIVITY * MEAN_ABSOLUTE_NORMAL);
    this.volume = round(this.profile.typicalVolume * volumeNoise * moveFactor);

    if (minuteVolumes) {
      const cumulative = this.cumulativeWeight;
      let total = 0;
      for (let j = 0; j < SESSION_MINUTES; j++) {
        const busyness = 0.5 + (0.5 * abs(shocks[j] as number)) / MEAN_ABSOLUTE_NORMAL;
        total += (MINUTE_PROFILE[j] as number) * busyness;
        cumulative[j + 1] = total;
      }
    }
  }

  /**
   * Shares traded in the first `minutes` minutes of the day last simulated with `minuteVolumes`: whole
   * shares, non-decreasing, 0 at 0 and the day's volume at 390. A bar's volume is the difference at its ends.
   */
  volumeTraded(minutes: number): number {
    const cumulative = this.cumulativeWeight;
    return round((this.volume * (cumulative[minutes] as number)) / (cumulative[SESSION_MINUTES] as number));
  }
}
