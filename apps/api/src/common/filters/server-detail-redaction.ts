/**
 * What an error message must not tell a caller who does not run the server: where its files live and
 * where its database is. Each pattern is replaced by a placeholder naming what was withheld, so the rest
 * of the message still says what went wrong and what the caller can do about it.
 */
const SERVER_DETAILS: readonly (readonly [RegExp, string])[] = [
  // URLs of any scheme (a database, a broker, an upstream), credentials and all.
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>()]+/gi, '[url]'],
  // `SQLite <file>` as the persistence layer describes a database; the file may be relative.
  [/\bSQLite (?!\(in memory\))[^\s:'"(),;]+/g, 'SQLite [path]'],
  // host:port, optionally with the database after it (`10.0.0.5:5432/aq`, `[::1]:5432`, `db.internal:5432`).
  // A host is an IPv4 address, a bracketed IPv6 one, or a name starting with a letter: a time (`10:30:00`)
  // is none of them.
  [
    /(?<![\w:.-])(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\]|[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*):\d{2,5}(?![:\d])(?:\/[\w.-]+)?/gi,
    '[host]',
  ],
  // Absolute file paths: POSIX with at least two segments (a route such as `/api/x` is not redacted when it
  // has a single segment, and API paths are echoed from the request elsewhere), and Windows drive paths.
  [/(?<![\w.:/])\/(?!api\/)(?:[\w.@~+-]+\/)+[\w.@~+-]*/g, '[path]'],
  [/\b[a-z]:\\(?:[^\\\s'"]+\\)*[^\\\s'"]*/gi, '[path]'],
];

/** `text` with server paths, URLs and database hosts replaced by placeholders. */
export function redactServerDetails(text: string): string {
  let redacted = text;
  for (const [pattern, placeholder] of SERVER_DETAILS) redacted = redacted.replace(pattern, placeholder);
  return redacted;
}
