import { rejectionOf } from '../../testing/rejection-of';
import { AetherError } from '../errors/aether-error';
import { normalizeSymbol } from './symbol';

const rejection = (text: string, field?: string): AetherError =>
  rejectionOf(() => normalizeSymbol(text, field));

describe('normalizeSymbol', () => {
  it.each([
    ['SPY', 'SPY'],
    ['spy ', 'SPY'],
    ['  qqq\t', 'QQQ'],
    ['brk.b', 'BRK.B'],
    ['brk-b', 'BRK-B'],
    ['eurusd=x', 'EURUSD=X'],
    ['7203.T', '7203.T'],
    ['A', 'A'],
    ['ABCDEFGHIJKLMNO', 'ABCDEFGHIJKLMNO'], // 15 characters, the most allowed
  ])('normalises %p to %p', (text, symbol) => {
    expect(normalizeSymbol(text)).toBe(symbol);
  });

  it('refuses a leading caret, as the symbol rule requires a letter or digit first', () => {
    expect(() => normalizeSymbol('^gspc')).toThrow('symbol must be 1 to 15 letters');
  });

  it.each([
    '',
    '   ',
    '.SPY',
    '-SPY',
    '=X',
    'ABCDEFGHIJKLMNOP', // 16 characters
    'SP Y',
    'SPY$',
    'SPY/USD',
    'spy,qqq',
    'ÄBC',
  ])('rejects %p, naming the field and the rule', (text) => {
    const error = rejection(text);
    expect(error.message).toBe(
      `symbol must be 1 to 15 letters, digits or . - ^ =, starting with a letter or digit (got ${JSON.stringify(text)})`,
    );
    expect(error.details?.violations?.[0]?.field).toBe('symbol');
  });

  it('names the given field', () => {
    expect(rejection('SPY$', 'symbols[1]').message).toMatch(/^symbols\[1\] must be 1 to 15 letters/);
  });
});
