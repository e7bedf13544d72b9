import { AetherError } from '@aetherquant/core';
import { toQueryString } from './query-string';

describe('toQueryString', () => {
  it('writes numbers and booleans as text, joins lists with commas and leaves out what is unset', () => {
    const query = toQueryString({
      limit: 5,
      long_only: false,
      symbols: ['SPY', 'QQQ'],
      type: undefined,
      before: null,
      symbol: 'BRK.B & co',
    });
    expect(new URLSearchParams(query).toString()).toBe(query);
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({
      limit: '5',
      long_only: 'false',
      symbols: 'SPY,QQQ',
      symbol: 'BRK.B & co',
    });
  });

  it('is empty for no fields', () => {
    expect(toQueryString({})).toBe('');
  });

  it('refuses an object, naming the field', () => {
    expect(() => toQueryString({ params: { fast: 5 } })).toThrow(
      new AetherError('INVALID_ARGUMENT', 'params must be text, a number, a boolean or a list of them'),
    );
  });
});
