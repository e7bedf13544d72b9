import { AetherError, DAY_MS, parseDecimal, parseIsoTime } from '@aetherquant/core';
import { BarBuffer } from '../provider/bar-buffer';

/** The columns a bar file must have, by canonical name, and the optional adjusted close. */
const REQUIRED_COLUMNS = ['date', 'open', 'high', 'low', 'close', 'volume'] as const;
type ColumnName = (typeof REQUIRED_COLUMNS)[number] | 'adj_close';

/** Header spellings, compared lower-cased with spaces and underscores removed. */
const HEADER_ALIASES: Record<string, ColumnName> = {
  date: 'date',
  datetime: 'date',
  timestamp: 'date',
  open: 'open',
  high: 'high',
  low: 'low',
  close: 'close',
  volume: 'volume',
  adjclose: 'adj_close',
};

export interface ParsedBarFile {
  bars: BarBuffer;
  /** Whether the file has an adjusted-close column. */
  hasAdjustedClose: boolean;
  /** Whether times carry a time of day (intraday bars) rather than dates. */
  intraday: boolean;
  /**
   * Minutes east of UTC written on the file's first timestamp (`-05:00` is −300, `Z` is 0), taken as the
   * exchange's clock when intraday bars are combined into days; undefined for date files.
   */
  utcOffsetMinutes?: number;
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** Beyond this, one more digit could make the mantissa inexact (2^53 − 1 is the largest exact integer). */
const MANTISSA_LIMIT = (Number.MAX_SAFE_INTEGER - 9) / 10;

/**
 * Parses a bar file incrementally from its bytes: feed chunks with {@link push}, then call {@link finish}.
 * Accepts Yahoo's layout (`Date,Open,High,Low,Close,Adj Close,Volume`) and the lower-case one
 * (`date,open,high,low,close,adj_close,volume`) in any column order, case-insensitively, with extra
 * columns ignored. Every error names the file, the line and the problem.
 *
 * It works on bytes, not decoded text: lines are found with `Buffer#indexOf`, fields and numbers by
 * scanning bytes, so a million rows cost no string per field. Only the header and error messages are decoded.
 */
export class CsvBarParser {
  private readonly bars: BarBuffer;
  private carry: Buffer = Buffer.alloc(0);
  private lineNumber = 0;
  private columnIndex: Record<ColumnName, number> | undefined;
  private fieldCount = 0;
  private intraday: boolean | undefined;
  private utcOffsetMinutes: number | undefined;
  /** Start offsets of the fields of the current line, plus one past its end. */
  private fieldStarts = new Int32Array(16);

  /** `expectedRows` sizes the columns up front (an estimate is fine: they grow as needed). */
  constructor(
    private readonly file: string,
    expectedRows = 1 << 12,
  ) {
    this.bars = new BarBuffer(expectedRows);
  }

  push(chunk: Buffer | string): void {
    const incoming = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, incoming]) : incoming;
    let lineStart = 0;
    let newline = bytes.indexOf(10, lineStart);
    while (newline !== -1) {
      this.line(bytes, lineStart, newline);
      lineStart = newline + 1;
      newline = bytes.indexOf(10, lineStart);
    }
    this.carry = Buffer.from(bytes.subarray(lineStart));
  }

  finish(): ParsedBarFile {
    if (this.carry.length > 0) this.line(this.carry, 0, this.carry.length);
    this.carry = Buffer.alloc(0);
    if (!this.columnIndex)
      throw this.error(
        1,
        'is empty: expected a header line such as date,open,high,low,close,adj_close,volume',
      );
    return {
      bars: this.bars,
      hasAdjustedClose: this.columnIndex.adj_close >= 0,
      intraday: this.intraday ?? false,
      ...(this.utcOffsetMinutes === undefined ? {} : { utcOffsetMinutes: this.utcOffsetMinutes }),
    };
  }

  private line(bytes: Buffer, start: number, end: number): void {
    this.lineNumber++;
    if (end > start && bytes[end - 1] === 13) end--; // CRLF
    if (end === start) return; // blank line
    if (!this.columnIndex) {
      this.header(bytes.toString('utf8', start, end));
      return;
    }
    const starts = this.fieldStarts;
    let fields = 1;
    starts[0] = start;
    for (let i = start; i < end; i++) {
      if (bytes[i] === 44 && fields < starts.length - 1) starts[fields++] = i + 1;
    }
    if (fields < this.fieldCount) {
      throw this.error(this.lineNumber, `has ${fields} fields, the header has ${this.fieldCount}`);
    }
    starts[fields] = end + 1; // so field i spans starts[i] .. starts[i + 1] - 1
    const column = this.columnIndex;
    const time = this.time(bytes, column.date);
    const open = this.price(bytes, column.open, 'open');
    const high = this.price(bytes, column.high, 'high');
    const low = this.price(bytes, column.low, 'low');
    const close = this.price(bytes, column.close, 'close');
    const adjClose = column.adj_close >= 0 ? this.price(bytes, column.adj_close, 'adj_close') : NaN;
    const volume = this.number(bytes, column.volume, 'volume');
    if (volume < 0) throw this.error(this.lineNumber, `volume must not be negative (got ${volume})`);
    const previous = this.bars.lastTime();
    if (time <= previous) {
      const problem = time === previous ? 'duplicate date' : 'date out of order (dates must ascend)';
      throw this.error(this.lineNumber, `${problem}: ${this.field(bytes, column.date)}`);
    }
    this.bars.push(time, open, high, low, close, adjClose, volume);
  }

  private header(line: string): void {
    const names = line.replace(/^\uFEFF/, '').split(',');
    const index = { date: -1, open: -1, high: -1, low: -1, close: -1, volume: -1, adj_close: -1 };
    names.forEach((name, i) => {
      const alias = name.trim().toLowerCase().replace(/[\s_]/g, '');
      // Own properties only: a column named `constructor` is an unknown column, not Object.
      const canonical = Object.hasOwn(HEADER_ALIASES, alias) ? HEADER_ALIASES[alias] : undefined;
      if (canonical !== undefined && index[canonical] === -1) index[canonical] = i;
    });
    const missing = REQUIRED_COLUMNS.filter((name) => index[name] === -1);
    if (missing.length > 0) {
      throw this.error(
        this.lineNumber,
        `is missing the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
          '(expected date,open,high,low,close,volume and optionally adj_close, in any order and case)',
      );
    }
    this.columnIndex = index;
    this.fieldCount = names.length;
    this.fieldStarts = new Int32Array(Math.max(names.length, ...Object.values(index)) + 2);
  }

  /** The text of field `column` of the current line (for messages and the slow paths). */
  private field(bytes: Buffer, column: number): string {
    return bytes.toString('utf8', this.fieldStarts[column], (this.fieldStarts[column + 1] as number) - 1);
  }

  private time(bytes: Buffer, column: number): number {
    const start = this.fieldStarts[column] as number;
    const length = (this.fieldStarts[column + 1] as number) - 1 - start;
    let time = length === 10 ? fastIsoDate(bytes, start) : NaN;
    if (Number.isNaN(time)) {
      const value = this.field(bytes, column);
      try {
        time = parseIsoTime(value);
      } catch {
        throw this.error(
          this.lineNumber,
          `date ${JSON.stringify(value)} is not an ISO date (YYYY-MM-DD) or timestamp`,
        );
      }
    }
    const intraday = length !== 10 || time % DAY_MS !== 0;
    if (this.intraday === undefined) {
      this.intraday = intraday;
      if (intraday) this.utcOffsetMinutes = writtenOffsetMinutes(this.field(bytes, column));
    } else if (this.intraday !== intraday) {
      throw this.error(this.lineNumber, 'mixes dates and timestamps: use one or the other for every row');
    }
    return time;
  }

  private price(bytes: Buffer, column: number, name: string): number {
    const value = this.number(bytes, column, name);
    if (!(value > 0)) throw this.error(this.lineNumber, `${name} must be a positive price (got ${value})`);
    return value;
  }

  private number(bytes: Buffer, column: number, name: string): number {
    const fast = fastDecimal(
      bytes,
      this.fieldStarts[column] as number,
      (this.fieldStarts[column + 1] as number) - 1,
    );
    if (!Number.isNaN(fast)) return fast;
    const text = this.field(bytes, column);
    const value = parseDecimal(text);
    if (value === undefined)
      throw this.error(this.lineNumber, `${name} ${JSON.stringify(text)} is not a number`);
    return value;
  }

  private error(line: number, problem: string): AetherError {
    return new AetherError('INVALID_ARGUMENT', `${this.file}:${line} ${problem}`, {
      violations: [{ field: `${this.file}:${line}`, rule: problem }],
    });
  }
}

/**
 * The bytes `YYYY-MM-DD` at `start` as epoch ms, or NaN when it is not exactly that shape or not a real date.
 * Day numbers from the civil-calendar algorithm (Howard Hinnant's days_from_civil), without Date objects.
 */
function fastIsoDate(bytes: Uint8Array, start: number): number {
  if (bytes[start + 4] !== 45 || bytes[start + 7] !== 45) return NaN;
  const year = digits(bytes, start, 4);
  const month = digits(bytes, start + 5, 2);
  const day = digits(bytes, start + 8, 2);
  if (
    Number.isNaN(year + month + day) ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  ) {
    return NaN;
  }
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return (era * 146097 + dayOfEra - 719468) * DAY_MS;
}

/** The zone written at the end of an ISO timestamp in minutes east of UTC (`Z` → 0), or undefined. */
function writtenOffsetMinutes(text: string): number | undefined {
  const zone = /(?:(Z)|([+-])(\d{2}):?(\d{2}))\s*$/i.exec(text);
  if (zone === null) return undefined;
  if (zone[1] !== undefined) return 0;
  const minutes = Number(zone[3]) * 60 + Number(zone[4]);
  return zone[2] === '-' ? -minutes : minutes;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digits(bytes: Uint8Array, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = (bytes[i] as number) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Plain decimals (`-123.456`) parsed from bytes, exactly as `Number()` would: the digits form an exact
 * integer below 2^53 and dividing it by an exact power of ten rounds correctly once (Clinger's fast path).
 * Returns NaN for anything else (exponents, long mantissas, junk), which the caller then parses strictly.
 */
function fastDecimal(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  const first = bytes[i];
  if (first === 45 || first === 43) {
    negative = first === 45;
    i++;
  }
  let mantissa = 0;
  let fractionDigits = -1;
  let digitCount = 0;
  for (; i < end; i++) {
    const code = bytes[i] as number;
    if (code === 46 && fractionDigits < 0) {
      fractionDigits = 0;
      continue;
    }
    const digit = code - 48;
    if (digit < 0 || digit > 9 || mantissa > MANTISSA_LIMIT) return NaN;
    mantissa = mantissa * 10 + digit;
    digitCount++;
    if (fractionDigits >= 0) fractionDigits++;
  }
  if (digitCount === 0 || fractionDigits > 22) return NaN;
  const value = fractionDigits > 0 ? mantissa / (POWERS_OF_TEN[fractionDigits] as number) : mantissa;
  return negative ? -value : value;
}
