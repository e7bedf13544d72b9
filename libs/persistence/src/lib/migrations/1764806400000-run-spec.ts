import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { qualifiedTable } from './qualified-table';

/**
 * Every recorded run keeps its full spec (`spec`): the use case and its request with everything the run
 * resolved pinned (the window's dates, provider, costs, cash, every strategy parameter), so `aetherquant runs
 * spec RUN_ID` gives a file that reruns it to the same figures. JSON (jsonb on PostgreSQL, text on SQLite);
 * null for runs recorded before it. Plain `ADD COLUMN` on both dialects.
 */
export class RunSpec1764806400000 implements MigrationInterface {
  readonly name = 'RunSpec1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const table = qualifiedTable(queryRunner, 'runs');
    const json = queryRunner.connection.options.type === 'postgres' ? 'jsonb' : 'text';
    await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN "spec" ${json} NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE ${qualifiedTable(queryRunner, 'runs')} DROP COLUMN "spec"`);
  }
}
