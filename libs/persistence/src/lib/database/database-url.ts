import { AetherError } from '@aetherquant/core';

export type Dialect = 'sqlite' | 'postgres';

/** Where a database lives, parsed from its URL. */
export type DatabaseTarget =
  | { dialect: 'sqlite'; /** A file path (relative to the working directory) or `:memory:`. */ path: string }
  | {
      dialect: 'postgres';
      host: string;
      port: number;
      database: string;
      user?: string;
      /** Never logged, never in a message. */
      password?: string;
      /** A schema other than `public` (created on first use). */
      schema?: string;
      ssl: boolean;
    };

const ACCEPTED_FORMS =
  'sqlite:///relative/or/absolute/path.sqlite, sqlite::memory:, postgresql://… or postgres://…';
const POSTGRES_PARAMETERS = new Set(['schema', 'sslmode']);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Parses a database URL: `sqlite:///data/aetherquant.sqlite` (a path relative to the working directory),
 * `sqlite:////srv/aq.sqlite` (absolute), `sqlite::memory:`, or `postgresql://user:password@host:5432/db`
 * (also `postgres://`; optional `?schema=name&sslmode=require`). Errors never quote the URL, which may hold
 * a password.
 */
export function parseDatabaseUrl(url: string, field = 'database_url'): DatabaseTarget {
  const text = url.trim();
  if (text === 'sqlite::memory:') return { dialect: 'sqlite', path: ':memory:' };
  if (text.startsWith('sqlite:///')) {
    const path = text.slice('sqlite:///'.length);
    if (path === '') throw invalid(field, 'names no file after sqlite:///');
    return { dialect: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(text)) return parsePostgres(text, field);
  throw invalid(field, `must be one of ${ACCEPTED_FORMS}`);
}

function parsePostgres(text: string, field: string): DatabaseTarget {
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw invalid(field, 'is not a valid postgresql:// URL');
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  const problems: string[] = [];
  if (parsed.hostname === '') problems.push('names no host');
  if (database === '' || database.includes('/'))
    problems.push('must name one database after the host (…/dbname)');
  const unknown = [...parsed.searchParams.keys()].filter((key) => !POSTGRES_PARAMETERS.has(key));
  if (unknown.length > 0)
    problems.push(`has unknown parameters ${unknown.join(', ')} (accepted: schema, sslmode)`);
  const schema = parsed.searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !IDENTIFIER.test(schema))
    problems.push('has a schema that is not a plain identifier');
  const sslmode = parsed.searchParams.get('sslmode') ?? 'disable';
  if (!['disable', 'require'].includes(sslmode)) problems.push('has sslmode other than disable or require');
  if (problems.length > 0) throw AetherError.invalid(problems.map((rule) => ({ field, rule })));
  return {
    dialect: 'postgres',
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port === '' ? 5432 : Number(parsed.port),
    database,
    user: parsed.username === '' ? undefined : decodeURIComponent(parsed.username),
    password: parsed.password === '' ? undefined : decodeURIComponent(parsed.password),
    schema,
    ssl: sslmode === 'require',
  };
}

/** The target as a message may show it: `PostgreSQL 127.0.0.1:5432/test` or `SQLite data/aq.sqlite`; no password. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.dialect === 'sqlite')
    return target.path === ':memory:' ? 'SQLite (in memory)' : `SQLite ${target.path}`;
  const schema = target.schema ? ` (schema ${target.schema})` : '';
  return `PostgreSQL ${target.host}:${target.port}/${target.database}${schema}`;
}

/** `text` with the target's password (and any URL password) replaced by `***`, for messages from drivers. */
export function redactSecrets(text: string, target: DatabaseTarget): string {
  let safe = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^/?#\s]*@/gi, '$1***@');
  if (target.dialect === 'postgres' && target.password) safe = safe.split(target.password).join('***');
  return safe;
}

function invalid(field: string, rule: string): AetherError {
  return AetherError.invalid([{ field, rule }]);
}
