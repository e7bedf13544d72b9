import { AetherError } from '@aetherquant/core';
import { type Database, openDatabase } from '@aetherquant/workflows/server';
import { type JsonLogger } from '../common/logging/json-logger';

export interface DatabaseConnectionOptions {
  url: string;
  logger: JsonLogger;
  /** How a connection is made (tests pass a wrapper); defaults to `openDatabase`. */
  open?: (url: string) => Promise<Database>;
  /** First and longest wait between attempts to connect. */
  retryMs?: { first: number; max: number };
  /** How long a readiness ping may take before the database counts as down. */
  pingTimeoutMs?: number;
}

/**
 * The API's one database, kept open for its whole life and usable before it is: the API starts even when
 * the database does not answer, retries the connection in the background, and meanwhile every store call
 * fails fast with UNAVAILABLE (so recordings degrade, audit events wait in their buffer, and `/readyz`
 * says why). Once connected, the driver's pool reconnects on its own after an outage.
 */
export class DatabaseConnection implements Database {
  readonly #options: Required<Omit<DatabaseConnectionOptions, 'logger' | 'url'>>;
  #database: Database | undefined;
  #lastError: string | undefined;
  #retry: NodeJS.Timeout | undefined;
  #wait: number;
  #closed = false;
  #connecting: Promise<void> | undefined;

  constructor(private readonly connection: DatabaseConnectionOptions) {
    this.#options = {
      open: connection.open ?? ((url) => openDatabase(url)),
      retryMs: connection.retryMs ?? { first: 500, max: 10_000 },
      pingTimeoutMs: connection.pingTimeoutMs ?? 2_000,
    };
    this.#wait = this.#options.retryMs.first;
  }

  get dialect(): Database['dialect'] {
    return this.connection.url.startsWith('sqlite') ? 'sqlite' : 'postgres';
  }

  get description(): string {
    return this.#database?.description ?? 'the database (not connected yet)';
  }

  get connected(): boolean {
    return this.#database !== undefined;
  }

  /** Connects once, now; on failure keeps retrying in the background. Resolves either way. */
  start(): Promise<void> {
    this.#connecting ??= this.#attempt();
    return this.#connecting;
  }

  async #attempt(): Promise<void> {
    try {
      const database = await this.#options.open(this.connection.url);
      if (this.#closed) {
        await database.close();
        return;
      }
      this.#database = database;
      this.#lastError = undefined;
      this.connection.logger.write('info', 'database connected', { database: database.description });
    } catch (error) {
      this.#lastError = error instanceof Error ? error.message : String(error);
      this.connection.logger.write('error', 'database unavailable; retrying', {
        error: this.#lastError,
        retry_in_ms: this.#wait,
      });
      if (this.#closed) return;
      this.#retry = setTimeout(() => {
        this.#connecting = this.#attempt();
      }, this.#wait);
      this.#retry.unref();
      this.#wait = Math.min(this.#wait * 2, this.#options.retryMs.max);
    }
  }

  #current(): Database {
    if (this.#database) return this.#database;
    throw new AetherError(
      'UNAVAILABLE',
      `the database is not connected${this.#lastError ? `: ${this.#lastError}` : ''}`,
    );
  }

  readonly runs: Database['runs'] = {
    record: (run) => this.#current().runs.record(run),
    recordMany: (runs) => this.#current().runs.recordMany(runs),
    list: (query) => this.#current().runs.list(query),
    get: (id) => this.#current().runs.get(id),
  };

  readonly audit: Database['audit'] = {
    record: (event) => this.#current().audit.record(event),
    recordMany: (events) => this.#current().audit.recordMany(events),
    list: (query) => this.#current().audit.list(query),
    prune: (query) => this.#current().audit.prune(query),
  };

  /** Resolves when the database answers within the ping timeout; UNAVAILABLE otherwise. */
  async ping(): Promise<void> {
    const database = this.#current();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new AetherError(
              'UNAVAILABLE',
              `the database did not answer within ${this.#options.pingTimeoutMs} ms`,
            ),
          ),
        this.#options.pingTimeoutMs,
      );
    });
    try {
      await Promise.race([database.ping(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    await this.#connecting?.catch(() => undefined);
    const database = this.#database;
    this.#database = undefined;
    await database?.close();
  }
}
