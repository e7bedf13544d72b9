import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions } from 'typeorm';
import { type Dialect } from '../database/database-url';
import { columnTypes } from '../schema/column-types';

/**
 * The first schema: runs with their symbols, metrics and orders, and the audit log. Written with TypeORM's
 * table API so one migration serves SQLite and PostgreSQL; only column types differ (column-types.ts).
 * Indexes serve the list queries: newest runs (of a type, or with a symbol), a run's orders, newest events.
 */
export class InitialSchema1732147200000 implements MigrationInterface {
  readonly name = 'InitialSchema1732147200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect: Dialect = queryRunner.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const types = columnTypes(dialect);
    const timestamp = (name: string, isNullable = false): TableColumnOptions => ({
      name,
      type: types.timestamp.type,
      isNullable,
    });
    const double = (name: string, isNullable = false): TableColumnOptions => ({
      name,
      type: types.double,
      isNullable,
    });
    const text = (name: string, length: number, isNullable = false): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    const increment: TableColumnOptions = {
      name: 'id',
      type: 'integer',
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment',
    };
    const runReference = {
      columnNames: ['run_id'],
      referencedTableName: 'runs',
      referencedColumnNames: ['id'],
      onDelete: 'CASCADE',
    };

    await queryRunner.createTable(
      new Table({
        name: 'runs',
        columns: [
          { ...text('id', 36), isPrimary: true },
          timestamp('created_at'),
          text('type', 16),
          text('period', 16, true),
          text('interval', 8, true),
          timestamp('start_at', true),
          timestamp('end_at', true),
          { name: 'parameters', type: types.json.type },
          { name: 'result', type: types.json.type },
          double('final_equity', true),
          { name: 'orders_placed', type: 'integer' },
          text('status', 16),
          double('duration_ms'),
        ],
        indices: [
          { name: 'idx_runs_created_at', columnNames: ['created_at'] },
          { name: 'idx_runs_type_id', columnNames: ['type', 'id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'run_symbols',
        columns: [
          { ...text('run_id', 36), isPrimary: true },
          { name: 'position', type: 'integer', isPrimary: true },
          text('symbol', 15),
        ],
        foreignKeys: [{ ...runReference, name: 'fk_run_symbols_run' }],
        indices: [{ name: 'idx_run_symbols_symbol_run', columnNames: ['symbol', 'run_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'run_metrics',
        columns: [
          { ...text('run_id', 36), isPrimary: true },
          { ...text('name', 64), isPrimary: true },
          double('value', true),
        ],
        foreignKeys: [{ ...runReference, name: 'fk_run_metrics_run' }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'execution_orders',
        columns: [
          increment,
          text('run_id', 36),
          text('symbol', 15),
          text('side', 4),
          double('quantity'),
          double('price'),
          double('commission'),
          timestamp('timestamp'),
          text('client_order_id', 128, true),
          text('status', 16),
        ],
        foreignKeys: [{ ...runReference, name: 'fk_execution_orders_run' }],
        indices: [
          { name: 'idx_execution_orders_run', columnNames: ['run_id'] },
          { name: 'idx_execution_orders_client_order_id', columnNames: ['client_order_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          increment,
          timestamp('created_at'),
          text('method', 10),
          text('path', 2048),
          { name: 'status_code', type: 'integer' },
          text('request_id', 64),
          text('actor_role', 16, true),
          double('duration_ms'),
          text('client_ip', 64, true),
        ],
        indices: [{ name: 'idx_audit_events_created_at', columnNames: ['created_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_events', 'execution_orders', 'run_metrics', 'run_symbols', 'runs']) {
      await queryRunner.dropTable(table);
    }
  }
}
