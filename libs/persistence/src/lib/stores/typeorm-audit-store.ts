import { type DataSource } from 'typeorm';
import { type OperationLock } from '../database/exclusive-lock';
import { type AuditEventRow, type Entities } from '../schema/entities';
import {
  type AuditEvent,
  type AuditStore,
  type ListAuditQuery,
  type NewAuditEvent,
  type ValidAuditEvent,
  validateAuditEvent,
  validateAuditEvents,
  validateListAudit,
} from './records';

/** Events per INSERT statement: 8 columns each stays well under SQLite's 999 bound parameters. */
const AUDIT_EVENTS_PER_INSERT = 100;

function auditRow(event: ValidAuditEvent): AuditEventRow {
  return {
    createdAt: event.createdAt ?? new Date(),
    method: event.method,
    path: event.path,
    statusCode: event.statusCode,
    requestId: event.requestId,
    actorRole: event.actorRole ?? null,
    durationMs: event.durationMs,
    clientIp: event.clientIp ?? null,
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
    return { ...row, id: Number(result.identifiers[0]?.['id']) };
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
      const rows = await builder.getMany();
      return rows.map((row) => ({
        ...row,
        id: Number(row.id),
        statusCode: Number(row.statusCode),
        durationMs: Number(row.durationMs),
      }));
    });
  }
}
