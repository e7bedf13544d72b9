import fc from 'fast-check';
import { rejectionOf } from '../../testing/rejection-of';
import { parseSettings } from '../settings/settings-schema';
import { isSecretParameterName, redactUrlCredentials, urlCredentials } from './url-credentials';

describe('redactUrlCredentials by hand', () => {
  it.each([
    // userinfo passwords
    ['postgres://u:pw@h/db', 'postgres://u:***@h/db'],
    [
      'postgresql://aq:s3cr%40t@db.internal:5432/aq?sslmode=require',
      'postgresql://aq:***@db.internal:5432/aq?sslmode=require',
    ],
    ['postgres://u:@h/db', 'postgres://u:***@h/db'],
    ['redis://:redis-pw@cache:6379/0', 'redis://:***@cache:6379/0'],
    ['jdbc:postgresql://u:pw@h/db', 'jdbc:postgresql://u:***@h/db'],
    // URL parsers take the last @ before the host as the end of the credentials: the password is "p@ss".
    ['postgres://u:p@ss@h/db', 'postgres://u:***@h/db'],
    // A password with an unescaped delimiter, which a parser would cut short, is still masked whole.
    ['postgres://u:pa/ss@h/db', 'postgres://u:***@h/db'],
    ['postgres://u:pa?s#s@h/db', 'postgres://u:***@h/db'],
    // userinfo without a password: a token for many schemes
    ['https://ghp_token123@github.com/org/repo.git', 'https://***@github.com/org/repo.git'],
    ['redis://legacy-password@cache:6379', 'redis://***@cache:6379'],
    // query, fragment and matrix parameters
    ['postgres://h/db?password=pw&sslmode=require', 'postgres://h/db?password=***&sslmode=require'],
    ['postgres://h/db?sslmode=require&PassWord=pw', 'postgres://h/db?sslmode=require&PassWord=***'],
    ['https://h/x?pass%77ord=pw', 'https://h/x?pass%77ord=***'],
    ['https://h/x?pass%2577ord=pw', 'https://h/x?pass%2577ord=***'],
    ['https://h/x?api%5Fkey=k1&apikey=k2&key=k3', 'https://h/x?api%5Fkey=***&apikey=***&key=***'],
    ['https://h/cb#access_token=t1&state=s', 'https://h/cb#access_token=***&state=s'],
    ['https://h/a;jsessionid=x;token=t2', 'https://h/a;jsessionid=x;token=***'],
    ['postgres://h/db?sslpassword=p1&pwd=p2&passwd=p3', 'postgres://h/db?sslpassword=***&pwd=***&passwd=***'],
    ['https://h/?client_secret=s&X-Amz-Signature=sig', 'https://h/?client_secret=***&X-Amz-Signature=***'],
    ['https://h/?next=/a/token=t3', 'https://h/?next=/a/token=***'],
    // both forms at once, and URLs inside a message
    ['postgres://u:pw@h/db?password=pw2', 'postgres://u:***@h/db?password=***'],
    [
      'cannot reach "postgres://u:pw@db:5432/aq"; tried https://tok@mirror/x too',
      'cannot reach "postgres://u:***@db:5432/aq"; tried https://***@mirror/x too',
    ],
    // libpq key=value connection strings
    ['host=db user=aq password=secret dbname=aq', 'host=db user=aq password=*** dbname=aq'],
    ["host=db password = 'se cr\\'et' port=5432", 'host=db password = *** port=5432'],
    ['password=secret', 'password=***'],
  ])('%s → %s', (text, redacted) => {
    expect(redactUrlCredentials(text)).toBe(redacted);
  });

  it.each([
    'postgres://h:5432/db',
    // a user name, by the scheme's definition, not a token
    'postgres://aq@h:5432/db',
    'jdbc:postgresql://admin@h/db',
    'postgres://h/db?sslmode=require&application_name=aq&connect_timeout=5',
    'sqlite:///data/aetherquant.sqlite',
    'sqlite::memory:',
    'none',
    'https://[::1]:8080/x?email=a@b.example',
    'https://h:8080/@scope/package',
    'https://medium.com/@someone',
    'host=db user=aq dbname=aq sslmode=require',
    'https://h/x?password=',
    '',
  ])('leaves %s, which holds no credential, unchanged', (text) => {
    expect(redactUrlCredentials(text)).toBe(text);
  });
});

describe('urlCredentials', () => {
  it('lists each secret as written, unquoted and decoded, for a logger to mask', () => {
    expect(urlCredentials('postgres://u:s3cr%40t@h/db?token=t%2Bk')).toEqual([
      's3cr%40t',
      's3cr@t',
      't%2Bk',
      't+k',
    ]);
    expect(urlCredentials("host=h password='a b\\'c'")).toEqual(["'a b\\'c'", "a b'c"]);
    expect(urlCredentials('postgres://h:5432/db?sslmode=require')).toEqual([]);
  });
});

describe('isSecretParameterName', () => {
  it.each([
    'password',
    'passwd',
    'pwd',
    'secret',
    'token',
    'access_token',
    'api_key',
    'apikey',
    'key',
    'sslpassword',
    'API-KEY',
    'Pass%77ord',
    'client_secret',
    'refresh_token',
    'auth',
    'sig',
    'X-Amz-Credential',
  ])('%s is secret', (name) => expect(isSecretParameterName(name)).toBe(true));

  it.each(['sslmode', 'host', 'user', 'dbname', 'application_name', 'state', 'next', 'keyid', '%zz'])(
    '%s is not',
    (name) => expect(isSecretParameterName(name)).toBe(false),
  );
});

/** A URL assembled from parts, with the text it must redact to. */
interface Generated {
  url: string;
  redacted: string;
  secrets: string[];
}

const SECRET_NAMES = [
  'password',
  'passwd',
  'pwd',
  'secret',
  'token',
  'access_token',
  'api_key',
  'apikey',
  'key',
  'sslpassword',
];
const TOKEN_SCHEMES = ['https', 'http', 'redis', 'rediss', 'git+https'];
const USER_NAME_SCHEMES = ['postgres', 'postgresql', 'mysql', 'jdbc:postgresql', 'mongodb+srv'];
const PLAIN_NAMES = ['sslmode', 'application_name', 'connect_timeout', 'host', 'user', 'dbname', 'state'];

/** A secret: any text, but never empty (an empty value hides nothing) and marked so it cannot occur by chance. */
const secretText = fc.string({ unit: 'binary', maxLength: 24 }).map((text) => `§${text}`);

/** A parameter name written as a client might: any case, and optionally percent-encoded in part or whole. */
const secretName = fc
  .tuple(
    fc.constantFrom(...SECRET_NAMES),
    fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
    fc.nat(3),
  )
  .map(([name, upper, encoding]) => {
    const cased = [...name].map((char, i) => (upper[i] ? char.toUpperCase() : char)).join('');
    if (encoding === 0) return cased;
    // Encode one letter (or all with 3) as %XX, as `pass%77ord` does.
    return [...cased]
      .map((char, i) =>
        encoding === 3 || i === encoding ? `%${char.charCodeAt(0).toString(16).toUpperCase()}` : char,
      )
      .join('');
  });

const userinfo = fc.oneof(
  fc.constant({ written: '', redacted: '', secrets: [] as string[], token: false }),
  fc
    .tuple(fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/), secretText, fc.boolean())
    .map(([user, password, raw]) => {
      // Raw: as an operator might paste it (`@` and `:` included), minus what no URL can hold unescaped.
      const usable = raw && !/[/?#\s"<>%]/.test(password);
      const written = usable ? password : encodeURIComponent(password);
      return {
        written: `${user}:${written}@`,
        redacted: `${user}:***@`,
        secrets: [password, written],
        token: false,
      };
    }),
  secretText.map((token) => ({
    written: `${encodeURIComponent(token)}@`,
    redacted: '***@',
    secrets: [token, encodeURIComponent(token)],
    token: true,
  })),
);

const parameter = fc.oneof(
  fc.tuple(secretName, secretText).map(([name, value]) => ({
    written: `${name}=${encodeURIComponent(value)}`,
    redacted: `${name}=***`,
    secrets: [value, encodeURIComponent(value)],
  })),
  fc
    .tuple(fc.constantFrom(...PLAIN_NAMES), fc.stringMatching(/^[A-Za-z0-9._-]{0,10}$/))
    .map(([name, value]) => ({
      written: `${name}=${value}`,
      redacted: `${name}=${value}`,
      secrets: [] as string[],
    })),
);

// A token in userinfo goes with a scheme that uses one; a password with any scheme.
const schemeAndUserinfo = userinfo.chain((info) =>
  fc
    .constantFrom(...(info.token ? TOKEN_SCHEMES : [...TOKEN_SCHEMES, ...USER_NAME_SCHEMES]))
    .map((scheme) => ({ scheme, userinfo: info })),
);

const generatedUrl: fc.Arbitrary<Generated> = fc
  .record({
    schemeAndUserinfo,
    userinfo,
    host: fc.constantFrom('db.internal', '127.0.0.1', '[::1]', 'h'),
    port: fc.constantFrom('', ':5432', ':8080'),
    path: fc.constantFrom('', '/', '/aq', '/a/b'),
    query: fc.array(parameter, { maxLength: 4 }),
    fragment: fc.array(parameter, { maxLength: 2 }),
  })
  .map(({ schemeAndUserinfo: { scheme, userinfo }, host, port, path, query, fragment }) => {
    const join = (
      parts: { written: string; redacted: string }[],
      key: 'written' | 'redacted',
      mark: string,
    ) => (parts.length === 0 ? '' : mark + parts.map((part) => part[key]).join('&'));
    const build = (key: 'written' | 'redacted') =>
      `${scheme}://${userinfo[key]}${host}${port}${path}${join(query, key, '?')}${join(fragment, key, '#')}`;
    return {
      url: build('written'),
      redacted: build('redacted'),
      secrets: [userinfo, ...query, ...fragment].flatMap((part) => part.secrets),
    };
  });

describe('redactUrlCredentials, generated', () => {
  it('masks a secret in userinfo, query and fragment, and nothing else', () => {
    fc.assert(
      fc.property(generatedUrl, ({ url, redacted, secrets }) => {
        const result = redactUrlCredentials(url);
        expect(result).toBe(redacted);
        for (const secret of secrets) expect(result).not.toContain(secret);
      }),
      { numRuns: 2000 },
    );
  });

  it('masks a password in a libpq connection string, quoted or not', () => {
    const libpqValue = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }).map((text) => `§${text.replace(/[\s'"\\<>&;#]/g, '')}`),
      secretText.map((text) => `'${text.replace(/[\\']/g, (char) => `\\${char}`)}'`),
    );
    fc.assert(
      fc.property(secretName, libpqValue, fc.constantFrom('=', ' = '), (name, value, equals) => {
        const text = `host=db user=aq ${name}${equals}${value} dbname=aq`;
        const result = redactUrlCredentials(text);
        expect(result).toBe(`host=db user=aq ${name}${equals}*** dbname=aq`);
      }),
      { numRuns: 1000 },
    );
  });

  it('lists every secret it masks', () => {
    fc.assert(
      fc.property(generatedUrl, ({ url, secrets }) => {
        const listed = urlCredentials(url);
        for (const secret of secrets) expect(listed).toContain(secret);
      }),
      { numRuns: 500 },
    );
  });
});

describe('a rejected URL setting', () => {
  it('is quoted in the error with its credentials masked', () => {
    const error = rejectionOf(() =>
      parseSettings({ AETHERQ_API_URL: 'ftp://aq:url-password@api.example.com/?token=url-token' }),
    );
    expect(error.message).toContain('AETHERQ_API_URL must be an http:// or https:// URL');
    expect(error.message).toContain('ftp://aq:***@api.example.com/?token=***');
    expect(error.message).not.toMatch(/url-password|url-token/);
  });
});
