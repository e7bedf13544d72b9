import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { type Dialect } from '../database/database-url';
import { columnTypes } from '../schema/column-types';
import { qualifiedTable } from './qualified-table';

/**
 * Audit rows that stand for more than one request, and name the key that made them:
 * - `count` and `last_at`: the API coalesces a burst of identical refused requests from one client (same
 *   caller, status, method and path) into one row, with how many there were and when the last arrived.
 *   Existing rows are single requests: count 1, last_at = created_at.
 * - `key_name`: the name of the API key presented (`trader`, `admin`, or a name from the keys file).
 * Plain `ADD COLUMN` on both dialects: cheap on a large log (SQLite does not rebuild the table for it).
 */
export class AuditCoalescingAndKeyName1763769600000 implements MigrationInterface {
  readonly name = 'AuditCoalescingAndKeyName1763769600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect: Dialect = queryRunner.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const table = qualifiedTable(queryRunner, 'audit_events');
    const timestamp = columnTypes(dialect).timestamp.type;
    await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN "last_at" ${timestamp} NULL`);
    await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN "count" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN "key_name" varchar(64) NULL`);
    await queryRunner.query(`UPDATE ${table} SET "last_at" = "created_at"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const table = qualifiedTable(queryRunner, 'audit_events');
    for (const column of ['key_name', 'count', 'last_at']) {
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN "${column}"`);
    }
  }
}
