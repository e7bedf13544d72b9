import { type ValueTransformer } from 'typeorm';
import { type Dialect } from '../database/database-url';

/**
 * The column types of each dialect. Timestamps are real timestamps on both: `timestamptz` on PostgreSQL,
 * and on SQLite (which has no date type, and whose `datetime` TypeORM stores as text) an INTEGER of Unix
 * milliseconds, one of the time representations SQLite's own date functions read (`unixepoch`, 'auto').
 * JSON is `jsonb` on PostgreSQL and text on SQLite.
 */
export interface ColumnTypes {
  timestamp: { type: 'timestamptz' | 'integer'; transformer?: ValueTransformer };
  json: { type: 'jsonb' | 'text'; transformer?: ValueTransformer };
  double: 'double precision' | 'real';
}

const epochMilliseconds: ValueTransformer = {
  to: (value: Date | null | undefined) => (value instanceof Date ? value.getTime() : value),
  from: (value: number | null) => (value === null ? null : new Date(Number(value))),
};

const jsonText: ValueTransformer = {
  to: (value: unknown) => (value === undefined ? undefined : JSON.stringify(value)),
  from: (value: string | null) => (value === null ? null : JSON.parse(value)),
};

export function columnTypes(dialect: Dialect): ColumnTypes {
  return dialect === 'postgres'
    ? { timestamp: { type: 'timestamptz' }, json: { type: 'jsonb' }, double: 'double precision' }
    : {
        timestamp: { type: 'integer', transformer: epochMilliseconds },
        json: { type: 'text', transformer: jsonText },
        double: 'real',
      };
}
