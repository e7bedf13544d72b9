import fc from 'fast-check';
import { AetherError } from '@aetherquant/core';
import { CsvBarParser, type ParsedBarFile } from './csv-bar-parser';

/** Parses `text`, fed to the parser in pieces of `chunkSize` characters (default: all at once). */
function parse(text: string, chunkSize = text.length || 1): ParsedBarFile {
  const parser = new CsvBarParser('bars.csv');
  for (let i = 0; i < text.length; i += chunkSize) parser.push(text.slice(i, i + chunkSize));
  return parser.finish();
}

function failure(text: string): AetherError {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AetherError);
    expect((error as AetherError).code).toBe('INVALID_ARGUMENT');
    return error as AetherError;
  }
  throw new Error('expected the file to be rejected');
}

const rows = (file: ParsedBarFile) =>
  Array.from({ length: file.bars.length }, (_, i) => [
    file.bars.time[i],
    file.bars.open[i],
    file.bars.high[i],
    file.bars.low[i],
    file.bars.close[i],
    file.bars.adjClose[i],
    file.bars.volume[i],
  ]);

const JAN_2 = Date.UTC(2019, 0, 2);
const JAN_3 = Date.UTC(2019, 0, 3);

describe('CsvBarParser', () => {
  it("reads Yahoo's layout", () => {
    const file = parse(
      'Date,Open,High,Low,Close,Adj Close,Volume\n2019-01-02,245.98,251.21,245.95,250.18,236.27,126925200\n',
    );
    expect(file.hasAdjustedClose).toBe(true);
    expect(file.intraday).toBe(false);
    expect(rows(file)).toEqual([[JAN_2, 245.98, 251.21, 245.95, 250.18, 236.27, 126925200]]);
  });

  it('reads the lower-case layout in any column order, with extra columns ignored', () => {
    const file = parse('volume,close,MA_21,date,adj_close,low,high,open\n100,10.5,,2019-01-02,10,9,11,9.5\n');
    expect(rows(file)).toEqual([[JAN_2, 9.5, 11, 9, 10.5, 10, 100]]);
  });

  it('makes adj_close optional (NaN where absent) and tolerates a BOM, CRLF and blank lines', () => {
    const file = parse(
      '\uFEFFDATE,OPEN,HIGH,LOW,CLOSE,VOLUME\r\n2019-01-02,1,2,0.5,1.5,10\r\n\r\n2019-01-03,1.5,2,1,1.75,20\r\n',
    );
    expect(file.hasAdjustedClose).toBe(false);
    expect(rows(file)).toEqual([
      [JAN_2, 1, 2, 0.5, 1.5, NaN, 10],
      [JAN_3, 1.5, 2, 1, 1.75, NaN, 20],
    ]);
  });

  it('reads timestamps as intraday bars', () => {
    const file = parse(
      'date,open,high,low,close,volume\n2019-01-02T14:30:00Z,1,2,0.5,1.5,10\n2019-01-02T15:30:00Z,1,2,0.5,1.5,10\n',
    );
    expect(file.intraday).toBe(true);
    expect(Array.from(file.bars.time.subarray(0, 2))).toEqual([
      Date.UTC(2019, 0, 2, 14, 30),
      Date.UTC(2019, 0, 2, 15, 30),
    ]);
  });

  it('parses numbers exactly as Number() does, whatever their digits', () => {
    const decimal = fc
      .tuple(
        fc.integer({ min: 1, max: 999_999 }),
        fc.integer({ min: 0, max: 99_999_999_999 }),
        fc.integer({ min: 0, max: 11 }),
      )
      .map(([whole, fraction, places]) =>
        places === 0 ? `${whole}` : `${whole}.${String(fraction).padStart(11, '0').slice(0, places)}`,
      );
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 5, maxLength: 5 }), ([open, high, low, close, adj]) => {
        const file = parse(
          `date,open,high,low,close,adj_close,volume\n2019-01-02,${open},${high},${low},${close},${adj},7\n`,
        );
        expect(rows(file)[0]).toEqual([
          JAN_2,
          Number(open),
          Number(high),
          Number(low),
          Number(close),
          Number(adj),
          7,
        ]);
      }),
    );
    // Long mantissas and exponents take the strict slow path, with the same result.
    const file = parse(
      'date,open,high,low,close,adj_close,volume\n2019-01-02,93.60910034179688,1e2,0.5,1.5E0,146.84375,3172700\n',
    );
    expect(rows(file)[0]).toEqual([JAN_2, 93.60910034179688, 100, 0.5, 1.5, 146.84375, 3172700]);
  });

  it('gives the same bars however the text is split into chunks', () => {
    const text =
      'date,open,high,low,close,adj_close,volume\r\n' +
      Array.from(
        { length: 40 },
        (_, i) => `2019-02-${String((i % 28) + 1).padStart(2, '0')},1.${i},2,0.5,1.25,1.2,${i}`,
      )
        .slice(0, 28)
        .join('\r\n');
    const whole = rows(parse(text));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), (chunkSize) =>
        expect(rows(parse(text, chunkSize))).toEqual(whole),
      ),
    );
  });

  describe('names the file, the line and the problem', () => {
    it.each([
      ['date,open,high,low,volume\n', 'bars.csv:1 is missing the column close'],
      ['Datum,Open,High,Low,Close\n', 'bars.csv:1 is missing the columns date, volume'],
      ['', 'bars.csv:1 is empty'],
      [
        'date,open,high,low,close,volume\n2019-01-02,1,2,0.5,abc,10\n',
        'bars.csv:2 close "abc" is not a number',
      ],
      ['date,open,high,low,close,volume\n2019-01-02,1,2,0.5,,10\n', 'bars.csv:2 close "" is not a number'],
      [
        'date,open,high,low,close,volume\n2019-01-02,1,2,0.5,null,10\n',
        'bars.csv:2 close "null" is not a number',
      ],
      [
        'date,open,high,low,close,volume\n2019-01-02,0,2,0.5,1,10\n',
        'bars.csv:2 open must be a positive price (got 0)',
      ],
      [
        'date,open,high,low,close,volume\n2019-01-02,1,2,-0.5,1,10\n',
        'bars.csv:2 low must be a positive price (got -0.5)',
      ],
      [
        'date,open,high,low,close,volume\n2019-01-02,1,2,0.5,1,-10\n',
        'bars.csv:2 volume must not be negative (got -10)',
      ],
      [
        'date,open,high,low,close,volume\n2019-01-02,1,2,0.5,1\n',
        'bars.csv:2 has 5 fields, the header has 6',
      ],
      [
        'date,open,high,low,close,volume\n2019-02-30,1,2,0.5,1,10\n',
        'bars.csv:2 date "2019-02-30" is not an ISO date',
      ],
      [
        'date,open,high,low,close,volume\n02/01/2019,1,2,0.5,1,10\n',
        'bars.csv:2 date "02/01/2019" is not an ISO date',
      ],
      [
        'date,open,high,low,close,volume\n2019-01-02,1,2,0.5,1,10\n\n2019-01-02,1,2,0.5,1,10\n',
        'bars.csv:4 duplicate date: 2019-01-02',
      ],
      [
        'date,open,high,low,close,volume\n2019-01-03,1,2,0.5,1,10\n2019-01-02,1,2,0.5,1,10\n',
        'bars.csv:3 date out of order (dates must ascend): 2019-01-02',
      ],
      [
        'date,open,high,low,close,volume\n2019-01-02,1,2,0.5,1,10\n2019-01-03T14:30:00Z,1,2,0.5,1,10\n',
        'bars.csv:3 mixes dates and timestamps',
      ],
    ])('%j → %s', (text, message) => {
      const error = failure(text);
      expect(error.message).toContain(message);
      expect(error.details?.violations?.[0]?.field).toMatch(/^bars\.csv:\d+$/);
    });
  });
});
