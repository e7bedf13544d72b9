import { AetherError, type Permission, validate, type ValidateOptions } from '@aetherquant/core';
import { type z } from 'zod';
import { type WorkflowContext } from './workflow-context';

/**
 * A use case both apps share: its request schema, the permission it needs, and what it does. Apps parse
 * their own input format, then call {@link runWorkflow}; neither re-implements validation nor policy.
 */
export interface Workflow<Schema extends z.ZodType, Output> {
  readonly name: string;
  readonly permission: Permission;
  readonly request: Schema;
  run(request: z.output<Schema>, context: WorkflowContext): Promise<Output>;
}

export function defineWorkflow<Schema extends z.ZodType, Output>(
  workflow: Workflow<Schema, Output>,
): Workflow<Schema, Output> {
  return workflow;
}

export interface RunOptions extends Pick<ValidateOptions, 'fieldName'> {
  context: WorkflowContext;
}

/**
 * Validates `input` against the workflow's schema and runs it. Every INVALID_ARGUMENT, from the schema or
 * from deeper checks (a symbol, a date range, a folder), names its fields as the caller spells them
 * through `fieldName`.
 */
export async function runWorkflow<Schema extends z.ZodType, Output>(
  workflow: Workflow<Schema, Output>,
  input: unknown,
  options: RunOptions,
): Promise<Output> {
  const request = validate(workflow.request, input, {
    context: `${workflow.name} request`,
    fieldName: options.fieldName,
  });
  try {
    return await workflow.run(request, options.context);
  } catch (error) {
    if (error instanceof AetherError && options.fieldName) throw error.withFieldNames(options.fieldName);
    throw error;
  }
}
