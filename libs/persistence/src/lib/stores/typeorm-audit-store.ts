import { type DataSource } from 'typeorm';
import { type OperationLock } from '../database/exclusive-lock';
import { columnTypes } from '../schema/column-types';
import { type AuditEventRow, type Entities } from '../schema/entities';
import {
  type AuditEvent,
  type AuditStore,
  type ListAuditQuery,
  type NewAuditEvent,
  type PruneAuditQuery,
  type ValidAuditEvent,
  validateAuditEvent,
  validateAuditEvents,
  validateListAudit,
  validatePruneAudit,
} from './records';

/** Events per INSERT statement: 11 columns each stays well under SQLite's 999 bound parameters. */
const AUDIT_EVENTS_PER_INSERT = 80;
/**
 * Rows one prune statement deletes. Each chunk holds the write lock briefly, so requests' audit events and
 * runs are written between chunks rather than after a prune of a million rows.
 */
const PRUNE_CHUNK_ROWS = 5_000;

function auditRow(event: ValidAuditEvent): AuditEventRow {
  const createdAt = event.createdAt ?? event.lastAt ?? new Date();
  return {
    createdAt,
    lastAt: event.lastAt ?? createdAt,
    count: event.count,
    method: event.method,
    path: event.path,
    statusCode: event.statusCode,
    requestId: event.requestId,
    actorRole: event.actorRole ?? null,
    keyName: event.keyName ?? null,
    durationMs: event.durationMs,
    clientIp: event.clientIp ?? null,
  };
}

function auditEvent(row: AuditEventRow): AuditEvent {
  return {
    ...row,
    id: Number(row.id),
    // Rows from before the coalescing migration were backfilled; null only if written by an older binary.
    lastAt: row.lastAt ?? row.createdAt,
    count: Number(row.count),
    statusCode: Number(row.statusCode),
    durationMs: Number(row.durationMs),
  };
}

export class TypeormAuditStore implements AuditStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entities: Entities,
    private readonly lock: OperationLock,
  ) {}

  async record(newEvent: NewAuditEvent): Promise<AuditEvent> {
    const row = auditRow(validateAuditEvent(newEvent));
    const result = await this.lock.run(() => this.dataSource.manager.insert(this.entities.auditEvent, row));
    return auditEvent({ ...row, id: Number(result.identifiers[0]?.['id']) });
  }

  async recordMany(newEvents: NewAuditEvent[]): Promise<number> {
    const rows = validateAuditEvents(newEvents).map(auditRow);
    if (rows.length === 0) return 0;
    await this.lock.run(() =>
      this.dataSource.transaction(async (manager) => {
        for (let i = 0; i < rows.length; i += AUDIT_EVENTS_PER_INSERT) {
          // One multi-row INSERT per chunk; the ids are not read back (callers only need the count).
          await manager
            .createQueryBuilder()
            .insert()
            .into(this.entities.auditEvent)
            .values(rows.slice(i, i + AUDIT_EVENTS_PER_INSERT))
            .updateEntity(false)
            .execute();
        }
      }),
    );
    return rows.length;
  }

  async list(query: ListAuditQuery = {}): Promise<AuditEvent[]> {
    const { limit, before } = validateListAudit(query);
    return this.lock.run(async () => {
      const builder = this.dataSource
        .getRepository(this.entities.auditEvent)
        .createQueryBuilder('event')
        .orderBy('event.id', 'DESC')
        .limit(limit);
      if (before !== undefined) builder.andWhere('event.id < :before', { before });
      return (await builder.getMany()).map(auditEvent);
    });
  }

  async prune(query: PruneAuditQuery): Promise<{ deleted: number }> {
    const { olderThan, keepRows } = validatePruneAudit(query);
    let deleted = 0;
    if (olderThan !== undefined) {
      // created_at is indexed; a coalesced row goes with its first request (its window is seconds long).
      deleted += await this.#deleteInChunks('created_at < :olderThan', {
        olderThan: this.#timestampParameter(olderThan),
      });
    }
    if (keepRows !== undefined) {
      const newestGone = await this.#idAfterNewest(keepRows);
      if (newestGone !== undefined)
        deleted += await this.#deleteInChunks('id <= :newestGone', { newestGone });
    }
    return { deleted };
  }

  /** A date as the timestamp column stores it (query parameters skip the entity's transformer). */
  #timestampParameter(date: Date): unknown {
    const dialect = this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
    return columnTypes(dialect).timestamp.transformer?.to(date) ?? date;
  }

  /** The id of the newest event beyond the newest `keepRows`: it and every older one go. */
  async #idAfterNewest(keepRows: number): Promise<number | undefined> {
    const row = await this.lock.run(() =>
      this.dataSource
        .getRepository(this.entities.auditEvent)
        .createQueryBuilder('event')
        .select('event.id', 'id')
        .orderBy('event.id', 'DESC')
        .offset(keepRows)
        .limit(1)
        .getRawOne<{ id: number | string }>(),
    );
    return row === undefined ? undefined : Number(row.id);
  }

  /** Deletes the rows matching `condition` (on bare column names), oldest first, one chunk (and one lock hold) at a time. */
  async #deleteInChunks(condition: string, parameters: Record<string, unknown>): Promise<number> {
    const repository = this.dataSource.getRepository(this.entities.auditEvent);
    let deleted = 0;
    for (;;) {
      const chunk = await this.lock.run(async () => {
        // The last id of the oldest chunk that matches, then one range delete up to it: portable (no
        // DELETE … LIMIT on PostgreSQL) and index-driven on both dialects.
        const last = await repository
          .createQueryBuilder('event')
          .select('event.id', 'id')
          .where(condition, parameters)
          .orderBy('event.id', 'ASC')
          .offset(PRUNE_CHUNK_ROWS - 1)
          .limit(1)
          .getRawOne<{ id: number | string }>();
        const builder = repository.createQueryBuilder().delete().where(condition, parameters);
        if (last !== undefined) builder.andWhere('id <= :last', { last: Number(last.id) });
        const result = await builder.execute();
        return { rows: result.affected ?? 0, more: last !== undefined };
      });
      deleted += chunk.rows;
      if (!chunk.more || chunk.rows === 0) return deleted;
    }
  }
}
