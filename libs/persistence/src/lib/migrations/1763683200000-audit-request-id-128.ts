import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Audit request ids up to 128 characters: the API echoes a caller's `X-Request-ID` of up to 128, and the
 * audit row must carry it whole to be found by it. SQLite does not enforce varchar lengths, so only
 * PostgreSQL's column changes.
 */
export class AuditRequestId1281763683200000 implements MigrationInterface {
  readonly name = 'AuditRequestId1281763683200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const table = auditTable(queryRunner);
    if (table) await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN "request_id" TYPE varchar(128)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const table = auditTable(queryRunner);
    if (table) {
      await queryRunner.query(
        `ALTER TABLE ${table} ALTER COLUMN "request_id" TYPE varchar(64) USING left("request_id", 64)`,
      );
    }
  }
}

/** The audit table's qualified name on PostgreSQL (in the URL's `?schema=` when there is one); none on SQLite. */
function auditTable(queryRunner: QueryRunner): string | undefined {
  const options = queryRunner.connection.options;
  if (options.type !== 'postgres') return undefined;
  return options.schema ? `"${options.schema}"."audit_events"` : '"audit_events"';
}
