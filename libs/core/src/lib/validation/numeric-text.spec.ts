import { parseBoolean, parseDecimal, parseInteger } from './numeric-text';

describe('parseDecimal', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    ['1.5', 1.5],
    ['+1.5', 1.5],
    ['-.5', -0.5],
    ['.25', 0.25],
    ['1e-2', 0.01],
    ['2.5E3', 2500],
    ['-1e+2', -100],
    [' 3 ', 3],
    ['\t100000\n', 100000],
  ])('reads %p as %p', (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });

  it.each([
    [''],
    [' '],
    ['0x10'], // Number() reads 16
    ['0b1'], // Number() reads 1
    ['1_000'],
    ['Infinity'], // Number() reads Infinity
    ['-Infinity'],
    ['NaN'],
    ['1e999'], // matches the notation, but overflows to Infinity
    ['-1e999'],
    ['1,5'],
    ['1.2.3'],
    ['abc'],
    ['12abc'],
    ['1 000'],
    ['e5'],
    ['.'],
    ['+'],
    ['--1'],
  ])('rejects %p', (text) => {
    expect(parseDecimal(text)).toBeUndefined();
  });
});

describe('parseInteger', () => {
  it.each([
    ['0', 0],
    ['120', 120],
    ['+7', 7],
    ['-3', -3],
    [' 60 ', 60],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
    ['-9007199254740991', Number.MIN_SAFE_INTEGER],
  ])('reads %p as %p', (text, value) => {
    expect(parseInteger(text)).toBe(value);
  });

  it.each([
    [''],
    [' '],
    ['1.0'],
    ['1.5'],
    ['1e3'],
    ['0x10'],
    ['1_000'],
    ['Infinity'],
    ['NaN'],
    ['9007199254740992'], // MAX_SAFE_INTEGER + 1: no longer exact
    ['-9007199254740992'],
    ['99999999999999999999'],
    ['12abc'],
  ])('rejects %p', (text) => {
    expect(parseInteger(text)).toBeUndefined();
  });
});

describe('parseBoolean', () => {
  it.each(['true', 'TRUE', 'True', '1', 'yes', 'YES', 'Yes', 'on', 'ON', 'On', ' true ', '\tyes\n'])(
    'reads %p as true',
    (text) => {
      expect(parseBoolean(text)).toBe(true);
    },
  );

  it.each(['false', 'FALSE', 'False', '0', 'no', 'NO', 'No', 'off', 'OFF', 'Off', ' off '])(
    'reads %p as false',
    (text) => {
      expect(parseBoolean(text)).toBe(false);
    },
  );

  it.each(['', ' ', 'y', 'n', 't', 'f', '2', '-1', '01', 'enabled', 'disabled', 'maybe', 'truee', 'null'])(
    'rejects %p',
    (text) => {
      expect(parseBoolean(text)).toBeUndefined();
    },
  );
});
