import { AetherError } from '@aetherquant/core';
import { describeTarget, parseDatabaseUrl, redactSecrets } from './database-url';

function rejection(url: string): AetherError {
  try {
    parseDatabaseUrl(url);
  } catch (error) {
    expect(error).toBeInstanceOf(AetherError);
    expect((error as AetherError).code).toBe('INVALID_ARGUMENT');
    return error as AetherError;
  }
  throw new Error(`expected ${url} to be refused`);
}

describe('parseDatabaseUrl', () => {
  it.each([
    ['sqlite:///data/aetherquant.sqlite', { dialect: 'sqlite', path: 'data/aetherquant.sqlite' }],
    ['sqlite:////srv/aq/aq.sqlite', { dialect: 'sqlite', path: '/srv/aq/aq.sqlite' }],
    ['sqlite::memory:', { dialect: 'sqlite', path: ':memory:' }],
    [
      'postgresql://aq:s%40cret@db.internal:6543/aetherquant?schema=prod&sslmode=require',
      {
        dialect: 'postgres',
        host: 'db.internal',
        port: 6543,
        database: 'aetherquant',
        user: 'aq',
        password: 's@cret',
        schema: 'prod',
        ssl: true,
      },
    ],
    [
      'postgres://postgres@127.0.0.1/test',
      {
        dialect: 'postgres',
        host: '127.0.0.1',
        port: 5432,
        database: 'test',
        user: 'postgres',
        password: undefined,
        schema: undefined,
        ssl: false,
      },
    ],
  ])('reads %s', (url, target) => {
    expect(parseDatabaseUrl(url)).toEqual(target);
  });

  it.each([
    [
      'mysql://root:hunter2@db/x',
      'database_url must be one of sqlite:///relative/or/absolute/path.sqlite, sqlite::memory:, postgresql://… or postgres://…',
    ],
    ['sqlite://data.sqlite', 'database_url must be one of'],
    ['sqlite:///', 'database_url names no file after sqlite:///'],
    ['postgresql://u:hunter2@host', 'database_url must name one database after the host (…/dbname)'],
    [
      'postgresql://u:hunter2@host/db?pool=5',
      'database_url has unknown parameters pool (accepted: schema, sslmode)',
    ],
    [
      'postgresql://u:hunter2@host/db?schema=drop;table',
      'database_url has a schema that is not a plain identifier',
    ],
    [
      'postgresql://u:hunter2@host/db?sslmode=verify-full',
      'database_url has sslmode other than disable or require',
    ],
  ])('refuses %s, naming the accepted forms, without the password', (url, message) => {
    const error = rejection(url);
    expect(error.message).toContain(message);
    expect(JSON.stringify(error.toJSON())).not.toContain('hunter2');
  });
});

describe('describeTarget and redactSecrets', () => {
  const target = parseDatabaseUrl('postgresql://aq:hunter2@db.internal:5432/prod?schema=live');

  it('names host, port, database and schema, never the password', () => {
    expect(describeTarget(target)).toBe('PostgreSQL db.internal:5432/prod (schema live)');
    expect(describeTarget(parseDatabaseUrl('sqlite:///data/a.sqlite'))).toBe('SQLite data/a.sqlite');
    expect(describeTarget(parseDatabaseUrl('sqlite::memory:'))).toBe('SQLite (in memory)');
  });

  it('masks the password wherever a driver message repeats it, and any URL password', () => {
    expect(redactSecrets('auth failed for aq with hunter2 at postgres://aq:hunter2@db/prod', target)).toBe(
      'auth failed for aq with *** at postgres://aq:***@db/prod',
    );
  });
});
