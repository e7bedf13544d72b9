import { z } from 'zod';

/** What `aetherquant db init` prints: the database is at the current schema. */
export const databaseStatusSchema = z
  .strictObject({
    status: z.literal('ok'),
    database: z.string().describe('The database, credentials removed.'),
  })
  .meta({
    description: 'What `aetherquant db init` prints: the database is at the current schema.',
    examples: [{ status: 'ok', database: 'SQLite ./data/aetherquant.sqlite' }],
  });

export type DatabaseStatus = z.infer<typeof databaseStatusSchema>;
