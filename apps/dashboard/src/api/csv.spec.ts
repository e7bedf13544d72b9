import { csvNumber, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads rows by the header, quoted fields with commas, quotes and line breaks, CRLF or LF', () => {
    const text = 'symbol,side,note\r\n"BRK,B",long,"said ""hi""\non two lines"\r\n\r\nSPY,short,\n';
    expect(parseCsv(text)).toEqual([
      { symbol: 'BRK,B', side: 'long', note: 'said "hi"\non two lines' },
      { symbol: 'SPY', side: 'short', note: '' },
    ]);
  });

  it('gives nothing for an empty table, and empty cells as unknown numbers', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('time,equity\n')).toEqual([]);
    expect([csvNumber(''), csvNumber('1e-7'), csvNumber('x'), csvNumber(undefined)]).toEqual([
      null,
      1e-7,
      null,
      null,
    ]);
  });
});
