import { type DataSource } from 'typeorm';
import { type OperationLock } from '../database/exclusive-lock';
import { type Entities } from '../schema/entities';
import {
  type AuditEvent,
  type AuditStore,
  type ListAuditQuery,
  type NewAuditEvent,
  validateAuditEvent,
  validateListAudit,
} from './records';

export class TypeormAuditStore implements AuditStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entities: Entities,
    private readonly lock: OperationLock,
  ) {}

  async record(newEvent: NewAuditEvent): Promise<AuditEvent> {
    const event = validateAuditEvent(newEvent);
    const row = {
      createdAt: event.createdAt ?? new Date(),
      method: event.method,
      path: event.path,
      statusCode: event.statusCode,
      requestId: event.requestId,
      actorRole: event.actorRole ?? null,
      durationMs: event.durationMs,
      clientIp: event.clientIp ?? null,
    };
    const result = await this.lock.run(() => this.dataSource.manager.insert(this.entities.auditEvent, row));
    return { ...row, id: Number(result.identifiers[0]?.['id']) };
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
