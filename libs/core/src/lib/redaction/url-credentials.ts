// Credentials in URLs and connection strings: found in one place, so every printer and logger masks the
// same forms. Pure string work (no URL parser): it must also cope with text a parser rejects, such as a
// password with an unescaped `@` or `/`, since that is exactly the text an error message or a log quotes.

/** What a secret is replaced by. */
export const REDACTED = '***';

/** Where a credential sits in the text: `[start, end)`. */
interface Span {
  start: number;
  end: number;
}

/**
 * Masks every credential in `text`, which may be a URL, a libpq `key=value` connection string, or a message
 * quoting either:
 * - the password of userinfo, `scheme://user:secret@host` → `scheme://user:***@host` (all of it, even with
 *   an unescaped `@`, `/`, `?` or `#` in it);
 * - userinfo without a password, which many schemes use for a token: `https://token@host` → `https://***@host`
 *   (except where the scheme defines it as a user name, {@link USER_NAME_SCHEMES}: `postgres://aq@db` stays);
 * - the value of every query, fragment, matrix (`;name=`) or libpq `name=value` parameter whose name looks
 *   secret (password, passwd, pwd, pass…, secret, token, access_token, api_key, apikey, key, sslpassword,
 *   auth, credential, signature, sig), case-insensitively and after percent-decoding the name;
 *   libpq's quoted values (`password='a b\'c'`) are masked whole.
 * Other text is unchanged.
 */
export function redactUrlCredentials(text: string): string {
  let redacted = '';
  let from = 0;
  for (const span of credentialSpans(text)) {
    redacted += text.slice(from, span.start) + REDACTED;
    from = span.end;
  }
  return redacted + text.slice(from);
}

/**
 * The credentials {@link redactUrlCredentials} masks in `text`, each as written and, where different,
 * unquoted and percent-decoded: what a logger must also mask when a driver echoes one in its own words.
 */
export function urlCredentials(text: string): string[] {
  const found = new Set<string>();
  for (const { start, end } of credentialSpans(text)) {
    const written = text.slice(start, end);
    if (written === '') continue;
    found.add(written);
    const unquoted = /^'(.*)'$/s.exec(written)?.[1]?.replace(/\\(.)/g, '$1') ?? written;
    found.add(unquoted);
    found.add(percentDecode(unquoted));
  }
  return [...found].filter((secret) => secret !== '');
}

/** Characters that cannot be part of a URL written in text: they end one (quotes of JSON, `<…>`, spaces). */
const OUTSIDE_URL = /[\s"<>]/;

/** `scheme://`, anywhere in the text (`jdbc:postgresql://` too); the scheme is captured. */
const SCHEME_AND_SLASHES = /([a-z][a-z0-9+.-]*):\/\//gi;

/**
 * Schemes whose userinfo without a password is by definition a user name, never a token: kept, so printed
 * settings still say which database user connects (and a logger does not mask a user name such as `admin`).
 */
const USER_NAME_SCHEMES = new Set([
  'postgres',
  'postgresql',
  'mysql',
  'mariadb',
  'mongodb',
  'mongodb+srv',
  'sqlserver',
  'ftp',
  'sftp',
  'ssh',
  'amqp',
  'amqps',
]);

/**
 * `name=` after a separator of a query (`?`, `&`), a fragment (`#`), a path (`/`, `;`) or a libpq connection
 * string (start or white space; libpq also allows spaces around `=`). Only the name is consumed, so a value
 * that is not a parameter's (`?next=/a/token=x`) cannot hide one inside it.
 */
const PARAMETER_NAME = /(?<=^|[?&;#/\s])([^=&;#?/\s"<>]+)(\s*=\s*)/g;

function credentialSpans(text: string): Span[] {
  const userinfo = userinfoSpans(text);
  const spans = [...userinfo];
  for (const match of text.matchAll(PARAMETER_NAME)) {
    const [whole, name] = match as unknown as [string, string];
    if (!isSecretParameterName(name)) continue;
    const start = match.index + whole.length;
    // A password in userinfo may itself read `…&password=…`: that part is already masked.
    if (userinfo.some((span) => start >= span.start && start < span.end)) continue;
    const libpq = match.index === 0 || /\s/.test(text[match.index - 1] as string);
    const end = libpq && text[start] === "'" ? quotedValueEnd(text, start) : plainValueEnd(text, start);
    if (end > start) spans.push({ start, end });
  }
  return mergeOverlapping(spans);
}

/** The end of a parameter's value written plainly: the next separator, or a character outside a URL. */
function plainValueEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && !/[&;#]/.test(text[end] as string) && !OUTSIDE_URL.test(text[end] as string))
    end++;
  return end;
}

/** The end of libpq's `'quoted value'` starting at `start`, backslash escapes included (or the text's end). */
function quotedValueEnd(text: string, start: number): number {
  let end = start + 1;
  while (end < text.length && text[end] !== "'") end += text[end] === '\\' ? 2 : 1;
  return Math.min(end + 1, text.length);
}

/** Spans in order, overlapping or touching ones joined, so each masked stretch is one `***`. */
function mergeOverlapping(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The userinfo secret after every `scheme://` in `text`: the password, or the whole userinfo without one. */
function userinfoSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(SCHEME_AND_SLASHES)) {
    const start = match.index + match[0].length;
    const end = authorityEnd(text, start);
    const at = text.lastIndexOf('@', end - 1);
    if (at >= start) {
      const colon = text.indexOf(':', start);
      if (colon >= 0 && colon < at) spans.push({ start: colon + 1, end: at });
      else if (at > start && !USER_NAME_SCHEMES.has((match[1] as string).toLowerCase())) {
        spans.push({ start, end: at });
      }
      continue;
    }
    const unescaped = passwordWithDelimiter(text, start, end);
    if (unescaped) spans.push(unescaped);
  }
  return spans;
}

/** Where the authority starting at `start` ends: the first `/`, `?`, `#` or character outside a URL. */
function authorityEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && !/[/?#]/.test(text[end] as string) && !OUTSIDE_URL.test(text[end] as string))
    end++;
  return end;
}

/**
 * `user:pa/ss@host`: a password with an unescaped `/`, `?` or `#`, which a URL parser would cut short. Told
 * from `host:port/…` by what follows the colon, which is not a port number; the password then runs to the
 * last `@` of the authority that follows the first `@` after it.
 */
function passwordWithDelimiter(text: string, start: number, end: number): Span | undefined {
  if (text[start] === '[') return undefined; // an IPv6 host: its colons are not a password's
  const colon = text.indexOf(':', start);
  if (colon < 0 || colon >= end || /^\d*$/.test(text.slice(colon + 1, end))) return undefined;
  let at = colon + 1;
  while (at < text.length && text[at] !== '@' && !OUTSIDE_URL.test(text[at] as string)) at++;
  if (text[at] !== '@') return undefined;
  const hostEnd = authorityEnd(text, at + 1);
  const lastAt = text.lastIndexOf('@', hostEnd - 1);
  return { start: colon + 1, end: lastAt };
}

/**
 * Whether a parameter named `name` carries a secret. The name is percent-decoded (`pass%77ord`), lower-cased
 * and stripped of separators (`API-Key`, `access_token`), then compared by the words secrets are named with.
 * Masking a harmless value costs a little detail in a log; missing a secret costs the secret.
 */
export function isSecretParameterName(name: string): boolean {
  // Decoded up to three times: a name can arrive encoded twice (`pass%2577ord`).
  let decoded = name;
  for (let round = 0; round < 3; round++) decoded = percentDecode(decoded);
  const bare = decoded.toLowerCase().replace(/[^a-z0-9]/g, '');
  return (
    /pass|pwd|secret|token|credential|signature/.test(bare) ||
    bare.endsWith('key') ||
    bare === 'auth' ||
    bare === 'authorization' ||
    bare === 'sig'
  );
}

/** `%XX` escapes decoded once; on a malformed escape (a lone `%`, broken UTF-8), only the ASCII ones. */
function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/%([0-7][0-9a-f])/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}
