import { counterNormal, counterUniform, CounterRandom, hashText } from './counter-random';

/**
 * Statistical checks over N = 100,000 draws. Each tolerance is 5 standard errors of the statistic (a
 * correct generator fails one with probability below 10⁻⁶), with the standard error derived beside it.
 */
const N = 100_000;
const ROOT_N = Math.sqrt(N); // ≈ 316.2

function draws(fill: (i: number) => number, count = N): Float64Array {
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) values[i] = fill(i);
  return values;
}

const mean = (values: Float64Array) => values.reduce((sum, value) => sum + value, 0) / values.length;
/** Sample variance, ddof = 1. */
function variance(values: Float64Array): number {
  const m = mean(values);
  return values.reduce((sum, value) => sum + (value - m) ** 2, 0) / (values.length - 1);
}
function correlation(x: Float64Array, y: Float64Array): number {
  const [mx, my] = [mean(x), mean(y)];
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const [dx, dy] = [(x[i] as number) - mx, (y[i] as number) - my];
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('hashText', () => {
  // The published MurmurHash3_x86_32 test vectors (SMHasher; also on Wikipedia's MurmurHash page).
  it.each([
    ['', 0, 0],
    ['', 1, 0x514e28b7],
    ['', 0xffffffff, 0x81f16f39],
    ['test', 0, 0xba6bd213],
    ['Hello, world!', 0x9747b28c, 0x24884cba],
    ['aaaa', 0x9747b28c, 0x5a97808a],
    ['The quick brown fox jumps over the lazy dog', 0x9747b28c, 0x2fa826cd],
  ])('hashes %j with seed %d to the reference MurmurHash3 value', (text, seed, expected) => {
    expect(hashText(text, seed)).toBe(expected);
  });
});

describe('CounterRandom', () => {
  it('draws each word as MurmurHash3 of the message (seed low, seed high, stream, counter, lane)', () => {
    // Words whose little-endian bytes are printable ASCII, so the message can be written as text.
    const word = (text: string) => Buffer.from(text, 'latin1').readUInt32LE(0);
    const random = new CounterRandom(word('abcd'), word('efgh'));
    expect(random.word(word('ijkl'), word('mnop'))).toBe(hashText('abcd\0\0\0\0efghijklmnop'));
    // The seed's high word counts: seeds 2^32 apart hash different messages.
    const high = new CounterRandom(word('abcd') + 2 ** 32 * word('AB\0\0'), word('efgh'));
    expect(high.word(word('ijkl'), word('mnop'))).toBe(hashText('abcdAB\0\0efghijklmnop'));
  });

  it('is a pure function of its inputs: any order, any instance, the same draws', () => {
    const first = new CounterRandom(7, 99);
    const forward = draws((i) => first.uniform(i));
    const second = new CounterRandom(7, 99);
    for (let i = N - 1; i >= 0; i -= 997) expect(second.uniform(i)).toBe(forward[i]);
    expect(counterUniform(7, 99, 12_345)).toBe(forward[12_345]);
    expect(counterNormal(7, 99, 12_345)).toBe(new CounterRandom(7, 99).normal(12_345));
  });

  it('gives different draws for a different seed, stream, counter or lane', () => {
    const base = counterUniform(7, 99, 1000, 0);
    expect(counterUniform(8, 99, 1000, 0)).not.toBe(base);
    expect(counterUniform(7 + 2 ** 32, 99, 1000, 0)).not.toBe(base);
    expect(counterUniform(7, 100, 1000, 0)).not.toBe(base);
    expect(counterUniform(7, 99, 1001, 0)).not.toBe(base);
    expect(counterUniform(7, 99, 1000, 1)).not.toBe(base);
  });

  it('rejects a seed or stream outside its range', () => {
    expect(() => new CounterRandom(-1, 0)).toThrow(RangeError);
    expect(() => new CounterRandom(1.5, 0)).toThrow(RangeError);
    expect(() => new CounterRandom(2 ** 53, 0)).toThrow(RangeError);
    expect(() => new CounterRandom(0, 2 ** 32)).toThrow(RangeError);
    expect(() => new CounterRandom(Number.MAX_SAFE_INTEGER, 2 ** 32 - 1)).not.toThrow();
  });

  describe('uniforms', () => {
    const random = new CounterRandom(42, 1);
    const values = draws((i) => random.uniform(i));

    it('lie strictly inside (0, 1), on odd multiples of 2^-53 (52 random bits)', () => {
      let lowBitsSet = 0;
      const offGrid: number[] = [];
      for (const value of values) {
        const scaled = value * 2 ** 53;
        if (!(value > 0 && value < 1 && Number.isInteger(scaled) && scaled % 2 === 1)) offGrid.push(value);
        if ((scaled / 2) % 2 >= 1) lowBitsSet++; // bit 1 of the 53: the lowest random bit
      }
      expect(offGrid).toEqual([]);
      // The lowest random bit is a fair coin: 50% ± 5 SE, SE = √(0.25 / N) ≈ 0.00158.
      expect(Math.abs(lowBitsSet / N - 0.5)).toBeLessThan(5 * 0.00158);
    });

    it('have mean 1/2 and variance 1/12', () => {
      // SE of the mean: √(1/12) / √N ≈ 0.000913.
      expect(Math.abs(mean(values) - 0.5)).toBeLessThan(5 * 0.000913);
      // SE of the variance: √(Var[(U − ½)²]) / √N = √(1/80 − 1/144) / √N = √(1/180) / √N ≈ 0.000236.
      expect(Math.abs(variance(values) - 1 / 12)).toBeLessThan(5 * 0.000236);
    });

    it('fill each tenth of (0, 1) equally', () => {
      const deciles = new Array<number>(10).fill(0);
      for (const value of values) deciles[Math.floor(value * 10)]++;
      // Each count is binomial(N, 0.1): SE = √(N · 0.1 · 0.9) ≈ 94.9.
      for (const count of deciles) expect(Math.abs(count - N / 10)).toBeLessThan(5 * 94.9);
    });

    it('are uncorrelated with the next counter and with the next lane', () => {
      const next = draws((i) => random.uniform(i + 1));
      const lane = draws((i) => random.uniform(i, 1));
      // SE of a sample correlation of independent variables: 1 / √N ≈ 0.00316.
      expect(Math.abs(correlation(values, next))).toBeLessThan(5 / ROOT_N);
      expect(Math.abs(correlation(values, lane))).toBeLessThan(5 / ROOT_N);
    });
  });

  describe('normals', () => {
    const random = new CounterRandom(42, 2);
    const values = new Float64Array(N);
    random.fillNormals(0, values, 0, N);

    it('fill pairs from consecutive counters, the first of each pair being normal(counter)', () => {
      const pair = new Float64Array(2);
      random.normalPair(10, pair, 0);
      expect([values[20], values[21]]).toEqual([pair[0], pair[1]]);
      expect(random.normal(10)).toBe(values[20]);
      const odd = new Float64Array(3);
      random.fillNormals(5, odd, 0, 3);
      expect(Array.from(odd)).toEqual([values[10], values[11], values[12]]);
    });

    it('have mean 0, variance 1 and the kurtosis of a normal', () => {
      // SE of the mean: 1 / √N ≈ 0.00316.
      expect(Math.abs(mean(values))).toBeLessThan(5 / ROOT_N);
      // SE of the variance: √(E[Z⁴] − 1) / √N = √2 / √N ≈ 0.00447.
      expect(Math.abs(variance(values) - 1)).toBeLessThan((5 * Math.SQRT2) / ROOT_N);
      // E[Z⁴] = 3; SE: √(E[Z⁸] − 9) / √N = √(105 − 9) / √N ≈ 0.031.
      const fourth = values.reduce((sum, value) => sum + value ** 4, 0) / N;
      expect(Math.abs(fourth - 3)).toBeLessThan((5 * Math.sqrt(96)) / ROOT_N);
    });

    it('put 5% of draws beyond ±1.96 and 0.27% beyond ±3', () => {
      const beyond = (limit: number) => values.filter((value) => Math.abs(value) > limit).length / N;
      // Binomial SEs: √(0.05 · 0.95 / N) ≈ 0.000689 and √(0.0027 · 0.9973 / N) ≈ 0.000164.
      expect(Math.abs(beyond(1.959964) - 0.05)).toBeLessThan(5 * 0.000689);
      expect(Math.abs(beyond(3) - 0.0026998)).toBeLessThan(5 * 0.000164);
    });

    it('pair two independent values', () => {
      const firsts = values.filter((_, i) => i % 2 === 0);
      const seconds = values.filter((_, i) => i % 2 === 1);
      // N / 2 pairs: SE ≈ 1 / √(N / 2) ≈ 0.00447.
      expect(Math.abs(correlation(firsts, seconds))).toBeLessThan(5 / Math.sqrt(N / 2));
    });
  });
});
