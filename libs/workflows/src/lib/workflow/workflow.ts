import { type Permission, validate, type ValidateOptions } from '@aetherquant/core';
import { type z } from 'zod';

/**
 * A use case both apps share: its request schema, the permission it needs, and what it does. Apps parse
 * their own input format, then call {@link runWorkflow}; neither re-implements validation nor policy.
 */
export interface Workflow<Schema extends z.ZodType, Output> {
  readonly name: string;
  readonly permission: Permission;
  readonly request: Schema;
  run(request: z.output<Schema>): Promise<Output>;
}

export function defineWorkflow<Schema extends z.ZodType, Output>(
  workflow: Workflow<Schema, Output>,
): Workflow<Schema, Output> {
  return workflow;
}

/**
 * Validates `input` against the workflow's schema (throwing INVALID_ARGUMENT naming each bad field, as the
 * caller spells it through `fieldName`) and runs it.
 */
export async function runWorkflow<Schema extends z.ZodType, Output>(
  workflow: Workflow<Schema, Output>,
  input: unknown,
  options: Pick<ValidateOptions, 'fieldName'> = {},
): Promise<Output> {
  const request = validate(workflow.request, input, { context: `${workflow.name} request`, ...options });
  return workflow.run(request);
}
