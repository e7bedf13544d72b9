import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { qualifiedTable } from './qualified-table';

/**
 * Runs that record a job's result say which job (`job_id`, as the job queue names it) and which data it read
 * (`data_hash`, sha256 of the data version the job's id was derived from: csv files' size and time, or the
 * clock's bar for live providers). Null for runs not made by a job. Plain `ADD COLUMN` on both dialects.
 */
export class RunJobAndDataHash1764720000000 implements MigrationInterface {
  readonly name = 'RunJobAndDataHash1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const table = qualifiedTable(queryRunner, 'runs');
    await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN "job_id" varchar(64) NULL`);
    await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN "data_hash" varchar(64) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const table = qualifiedTable(queryRunner, 'runs');
    for (const column of ['data_hash', 'job_id']) {
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN "${column}"`);
    }
  }
}
