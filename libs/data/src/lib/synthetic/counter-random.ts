/**
 * A counter-based random number generator: every draw is a pure function of `(seed, stream, counter, lane)`,
 * with no state carried from one draw to the next. Any draw can be computed on its own, in any order, so a
 * window of a simulated path is exactly the slice of the whole path however it was asked for (the idea of
 * Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC 2011, with a simpler mixing function).
 *
 * Each 32-bit word is MurmurHash3_x86_32 (seed 0) of the 20-byte little-endian message
 * `(seed low 32 bits, seed high 21 bits, stream, counter, lane)`. MurmurHash3 passes SMHasher's avalanche
 * and bias tests; hashing the whole key, not just finalising a Weyl sequence, keeps draws that differ in one
 * input bit unrelated. Only `Math.imul`, shifts and xors are used, so results are the same on every
 * platform.
 */

/**
 * Math's functions held in module constants: under Jest's sandbox every `Math.x` is a global lookup through
 * the context's interceptor (~200 ns each, 100× a local), which turns hot loops into slow tests.
 */
const { imul, log, sqrt } = Math;

const MURMUR_C1 = 0xcc9e2d51;
const MURMUR_C2 = 0x1b873593;
/** Five 32-bit words. */
const MESSAGE_BYTES = 20;
const TWO_POW_32 = 4_294_967_296;
const TWO_POW_26 = 67_108_864;
const TWO_POW_MINUS_52 = 2 ** -52;
const TWO_POW_MINUS_53 = 2 ** -53;

/** One MurmurHash3_x86_32 body step: folds a 32-bit word into the running hash `h`. */
function mixWord(h: number, word: number): number {
  let k = imul(word, MURMUR_C1);
  k = (k << 15) | (k >>> 17);
  k = imul(k, MURMUR_C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3_x86_32's tail: length, then the `fmix32` avalanche; an unsigned 32-bit result. */
function finish(h: number, byteLength: number): number {
  h ^= byteLength;
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const encoder = new TextEncoder();

/**
 * MurmurHash3_x86_32 of the UTF-8 bytes of `text`, as an unsigned 32-bit integer: the reference algorithm
 * (Appleby's `MurmurHash3.cpp`), so `hashText('', 1)` is `0x514e28b7` as its published test vectors say.
 */
export function hashText(text: string, seed = 0): number {
  const bytes = encoder.encode(text);
  const whole = bytes.length & ~3;
  let h = seed | 0;
  for (let i = 0; i < whole; i += 4) {
    const word =
      (bytes[i] as number) |
      ((bytes[i + 1] as number) << 8) |
      ((bytes[i + 2] as number) << 16) |
      ((bytes[i + 3] as number) << 24);
    h = mixWord(h, word);
  }
  // The last 1–3 bytes, little-endian, folded in without the body's rotation of h.
  if (whole < bytes.length) {
    let tail = 0;
    for (let i = bytes.length - 1; i >= whole; i--) tail = (tail << 8) | (bytes[i] as number);
    let k = imul(tail, MURMUR_C1);
    k = (k << 15) | (k >>> 17);
    h ^= imul(k, MURMUR_C2);
  }
  return finish(h, bytes.length);
}

/** Throws a RangeError unless `value` is an integer in `[0, max]` (a programming error, not user input). */
function checkInteger(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${name} must be an integer from 0 to ${max} (got ${value})`);
  }
}

/**
 * The draws of one `(seed, stream)` pair, with the hash of that prefix computed once. Immutable: every
 * method is a pure function of its arguments, so one instance may serve any number of callers.
 *
 * - `seed`: a non-negative safe integer (up to 2^53 − 1), hashed as two 32-bit words.
 * - `stream`: an unsigned 32-bit id that separates independent sequences under one seed (one per symbol,
 *   one for the market factor).
 * - `counter`: the position in the stream, an unsigned 32-bit integer.
 * - `lane`: independent draws at one position (a uniform uses lanes `2·lane` and `2·lane + 1` of the words).
 */
export class CounterRandom {
  /** MurmurHash3 state after the seed and stream words. */
  private readonly key: number;
  private readonly pair = new Float64Array(2);

  constructor(
    readonly seed: number,
    readonly stream: number,
  ) {
    checkInteger('seed', seed, Number.MAX_SAFE_INTEGER);
    checkInteger('stream', stream, TWO_POW_32 - 1);
    const low = seed % TWO_POW_32;
    const high = (seed - low) / TWO_POW_32;
    this.key = mixWord(mixWord(mixWord(0, low | 0), high | 0), stream | 0);
  }

  /** 32 random bits (an unsigned integer) at `(counter, lane)`. */
  word(counter: number, lane = 0): number {
    return finish(mixWord(mixWord(this.key, counter | 0), lane | 0), MESSAGE_BYTES);
  }

  /**
   * A uniform in the open interval (0, 1): 52 random bits from two words, placed on the odd multiples of
   * 2^-53. The 2^52 equally likely values are symmetric about 1/2 and never 0 or 1, so `log(u)` and
   * `log(1 - u)` are always finite.
   */
  uniform(counter: number, lane = 0): number {
    return uniformFrom(mixWord(this.key, counter | 0), lane);
  }

  /**
   * Two independent standard normals at `counter`, written to `out[offset]` and `out[offset + 1]`: the
   * Box–Muller transform in Marsaglia's polar form (no sine or cosine, which makes it about 1.6× faster).
   * A pair of uniforms is rejected when it falls outside the unit disc (21.5% of attempts); attempt `a` uses
   * uniform lanes `2a` and `2a + 1`, so the result stays a pure function of `counter`.
   */
  normalPair(counter: number, out: Float64Array, offset: number): void {
    const state = mixWord(this.key, counter | 0);
    for (let lane = 0; ; lane += 2) {
      const x = 2 * uniformFrom(state, lane) - 1;
      const y = 2 * uniformFrom(state, lane + 1) - 1;
      const radius = x * x + y * y;
      // The uniforms are odd multiples of 2^-53, so x and y are never 0 and radius > 0.
      if (radius < 1) {
        const scale = sqrt((-2 * log(radius)) / radius);
        out[offset] = x * scale;
        out[offset + 1] = y * scale;
        return;
      }
    }
  }

  /** One standard normal at `counter`: the first of {@link normalPair}'s two. */
  normal(counter: number): number {
    this.normalPair(counter, this.pair, 0);
    return this.pair[0] as number;
  }

  /**
   * `count` standard normals into `out` from `offset`, two per counter from `firstCounter` on: values
   * `2i` and `2i + 1` are the pair at `firstCounter + i` (the second of the last pair is dropped when
   * `count` is odd).
   */
  fillNormals(firstCounter: number, out: Float64Array, offset: number, count: number): void {
    const pairs = count >>> 1;
    for (let i = 0; i < pairs; i++) this.normalPair(firstCounter + i, out, offset + 2 * i);
    if (count & 1) out[offset + count - 1] = this.normal(firstCounter + pairs);
  }
}

/** The uniform of `lane` from the hash state after the counter word. */
function uniformFrom(state: number, lane: number): number {
  const high = finish(mixWord(state, 2 * lane), MESSAGE_BYTES) >>> 6;
  const low = finish(mixWord(state, 2 * lane + 1), MESSAGE_BYTES) >>> 6;
  // (high · 2^26 + low) < 2^52, so (2n + 1) · 2^-53 is exact in a double.
  return (high * TWO_POW_26 + low) * TWO_POW_MINUS_52 + TWO_POW_MINUS_53;
}

/** The uniform in (0, 1) at `(seed, stream, counter, lane)`; see {@link CounterRandom.uniform}. */
export function counterUniform(seed: number, stream: number, counter: number, lane = 0): number {
  return new CounterRandom(seed, stream).uniform(counter, lane);
}

/** The standard normal at `(seed, stream, counter)`; see {@link CounterRandom.normal}. */
export function counterNormal(seed: number, stream: number, counter: number): number {
  return new CounterRandom(seed, stream).normal(counter);
}
