import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { qualifiedTable } from './qualified-table';

/**
 * Audit request ids up to 128 characters: the API echoes a caller's `X-Request-ID` of up to 128, and the
 * audit row must carry it whole to be found by it. SQLite does not enforce varchar lengths, so only
 * PostgreSQL's column changes.
 */
export class AuditRequestId1281763683200000 implements MigrationInterface {
  readonly name = 'AuditRequestId1281763683200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query(
      `ALTER TABLE ${qualifiedTable(queryRunner, 'audit_events')} ALTER COLUMN "request_id" TYPE varchar(128)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query(
      `ALTER TABLE ${qualifiedTable(queryRunner, 'audit_events')} ALTER COLUMN "request_id" TYPE varchar(64) USING left("request_id", 64)`,
    );
  }
}
