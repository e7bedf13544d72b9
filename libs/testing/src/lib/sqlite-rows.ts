import sqlite3 from 'sqlite3';

/**
 * The rows `sql` selects from the SQLite `file`, on a short-lived connection of its own: what another process
 * would read, past the store under test.
 */
export function sqliteRows(file: string, sql: string): Promise<Array<Record<string, unknown>>> {
  return new Promise((resolve, reject) => {
    const connection = new sqlite3.Database(file, (error) => {
      if (error) return reject(error);
      connection.all(sql, (queryError, rows) => {
        connection.close();
        if (queryError) reject(queryError);
        else resolve(rows as Array<Record<string, unknown>>);
      });
    });
  });
}
