import { type z } from 'zod';

/**
 * A response schema with what the OpenAPI document shows of it: a description and one realistic example.
 * The example is typed as the schema's output, so the compiler checks it; `response-schemas.spec.ts` parses it.
 */
export function withResponseMeta<Schema extends z.ZodType>(
  schema: Schema,
  description: string,
  example: z.output<Schema>,
): Schema {
  return schema.meta({ description, examples: [example] });
}
