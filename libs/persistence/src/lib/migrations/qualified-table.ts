import { type QueryRunner } from 'typeorm';

/**
 * A table's quoted name for raw SQL in a migration: schema-qualified on PostgreSQL when the URL names a
 * schema (`?schema=`), bare otherwise (SQLite has one namespace per file).
 */
export function qualifiedTable(queryRunner: QueryRunner, table: string): string {
  const options = queryRunner.connection.options;
  return options.type === 'postgres' && options.schema ? `"${options.schema}"."${table}"` : `"${table}"`;
}
