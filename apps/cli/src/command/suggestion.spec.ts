import { closestName, editDistance } from './suggestion';

describe('editDistance', () => {
  it.each([
    ['backtest', 'backtest', 0],
    ['bactest', 'backtest', 1], // a letter left out
    ['sweeep', 'sweep', 1], // one too many
    ['symbl', 'symbol', 1],
    ['bakctest', 'backtest', 1], // two neighbours swapped count once
    ['sweep', 'signal', 5],
    ['', 'abc', 3],
  ])('%s → %s: %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('closestName', () => {
  const commands = ['backtest', 'sweep', 'signal', 'settings', 'walk-forward', 'worker'];

  it('finds what a typo meant, ignoring case', () => {
    expect(closestName('bactest', commands)).toBe('backtest');
    expect(closestName('SWEEEP', commands)).toBe('sweep');
    expect(closestName('sigal', commands)).toBe('signal');
  });

  it('takes the only name that a start of three letters or more begins', () => {
    expect(closestName('walk', commands)).toBe('walk-forward');
    expect(closestName('se', commands)).toBeUndefined();
  });

  it('guesses nothing when nothing is close: a wrong guess misleads', () => {
    expect(closestName('portfolio', commands)).toBeUndefined();
    expect(closestName('xyz', commands)).toBeUndefined();
  });

  it('allows more edits in longer names: one up to 4 letters, two up to 8', () => {
    expect(closestName('symb', ['symbol'])).toBe('symbol'); // a start it begins
    expect(closestName('sybol', ['symbol'])).toBe('symbol');
    expect(closestName('smbl', ['symbol'])).toBeUndefined(); // 2 edits in 4 letters
    expect(closestName('comision-bps', ['commission-bps'])).toBe('commission-bps');
  });
});
