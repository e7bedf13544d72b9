import { redactServerDetails } from './server-detail-redaction';

describe('redactServerDetails', () => {
  it.each([
    [
      'no data for NOPE: the data folder has no NOPE.csv (/srv/aetherquant/data)',
      'no data for NOPE: the data folder has no NOPE.csv ([path])',
    ],
    [
      'cannot read runs from PostgreSQL 10.0.0.5:5432/aq (schema api): connect ECONNREFUSED 10.0.0.5:5432',
      'cannot read runs from PostgreSQL [host] (schema api): connect ECONNREFUSED [host]',
    ],
    ['cannot open PostgreSQL db.internal:5432/prod: timeout', 'cannot open PostgreSQL [host]: timeout'],
    ['connect ECONNREFUSED [::1]:5432', 'connect ECONNREFUSED [host]'],
    ['getaddrinfo ENOTFOUND postgres:5432/aq', 'getaddrinfo ENOTFOUND [host]'],
    ['cannot open SQLite data/aq.sqlite: SQLITE_CANTOPEN', 'cannot open SQLite [path]: SQLITE_CANTOPEN'],
    ['broker at https://user:pw@broker.example/v2 refused', 'broker at [url] refused'],
    ['file C:\\Users\\ops\\data\\SPY.csv is empty', 'file [path] is empty'],
  ])('%s', (message, expected) => {
    expect(redactServerDetails(message)).toBe(expected);
  });

  it.each([
    'no route GET /api/nothing',
    'symbol must match ^[A-Z.^=-]{1,12}$ (got "a/b")',
    'Content-Type must be application/json',
    'interval 1d does not match the file, which holds intraday bars (timestamps)',
    'too many requests: at most 60 per minute per caller; retry after the time in Retry-After',
    'start must be before end (got 2024-01-02T10:30:00Z)',
    'SQLite (in memory) is closed',
    'the market opens at 09:30 and closes at 16:00',
  ])('leaves what the caller needs: %s', (message) => {
    expect(redactServerDetails(message)).toBe(message);
  });
});
