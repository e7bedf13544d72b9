import { type AuditStore } from '@aetherquant/workflows/server';
import { type JsonLogger } from '../common/logging/json-logger';

const DAY_MS = 86_400_000;

export interface AuditRetentionOptions {
  store: Pick<AuditStore, 'prune'>;
  /** Events older than this many days are deleted; 0 keeps them whatever their age. */
  retentionDays: number;
  /** At most this many events are kept, the newest; 0 means no cap. */
  maxRows: number;
  logger: JsonLogger;
  /** How often to prune: hourly. */
  intervalMs?: number;
}

export interface AuditRetention {
  /** Prunes now (what the timer does); resolves when done, failures logged, never thrown. */
  pruneNow(): Promise<void>;
  /** Stops the timer and waits for a prune in progress. */
  stop(): Promise<void>;
}

/**
 * Enforces `AETHERQ_AUDIT_RETENTION_DAYS` and `AETHERQ_AUDIT_MAX_ROWS` from inside the server: a prune
 * at start and then hourly, so the audit log stays bounded without an operator's cron job. A prune that
 * fails (the database is down) is logged and tried again at the next hour; one never overlaps another.
 */
export function startAuditRetention(options: AuditRetentionOptions): AuditRetention {
  const { store, retentionDays, maxRows, logger } = options;
  if (retentionDays === 0 && maxRows === 0) {
    logger.write('info', 'audit retention is off: audit events are kept forever');
    return { pruneNow: async () => undefined, stop: async () => undefined };
  }
  let running: Promise<void> | undefined;
  const pruneNow = (): Promise<void> => {
    running ??= (async () => {
      try {
        const { deleted } = await store.prune({
          ...(retentionDays > 0 ? { olderThan: new Date(Date.now() - retentionDays * DAY_MS) } : {}),
          ...(maxRows > 0 ? { keepRows: maxRows } : {}),
        });
        if (deleted > 0) {
          logger.write('info', 'audit events pruned', {
            deleted,
            retention_days: retentionDays,
            max_rows: maxRows,
          });
        }
      } catch (error) {
        logger.write('warn', 'audit events not pruned; trying again at the next interval', {
          error: error instanceof Error ? error.message : String(error),
        });
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void pruneNow(), options.intervalMs ?? 3_600_000);
  timer.unref();
  void pruneNow();
  return {
    pruneNow,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
