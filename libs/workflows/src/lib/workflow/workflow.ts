import {
  AetherError,
  type UseCase,
  type UseCaseName,
  type UseCaseOutput,
  USE_CASES,
  validate,
  type ValidateOptions,
} from '@aetherquant/core';
import { type z } from 'zod';
import { type WorkflowContext } from './workflow-context';

/** The use cases a workflow implements: all but those an app answers itself (`keycheck`). */
export type WorkflowName = {
  [Name in UseCaseName]: (typeof USE_CASES)[Name] extends { appOnly: true } ? never : Name;
}[UseCaseName];

/** What use case `Name`'s workflow receives: its request, validated and with defaults applied. */
export type WorkflowRequest<Name extends UseCaseName> = z.output<(typeof USE_CASES)[Name]['request']>;

/**
 * The implementation of one use case of the catalog. Its name, permission and request schema are the
 * catalog's entry (so they cannot disagree with the API, the CLI or the client), and its result is typed by
 * the entry's response schema. Apps parse their own input format, then call {@link runWorkflow}.
 */
export interface Workflow<Name extends UseCaseName = WorkflowName> {
  readonly name: Name;
  readonly useCase: UseCase;
  run(request: WorkflowRequest<Name>, context: WorkflowContext): Promise<UseCaseOutput<Name>>;
}

/** The workflow of use case `name`: `run` receives the request its catalog entry validated. */
export function defineWorkflow<Name extends WorkflowName>(
  name: Name,
  implementation: Pick<Workflow<Name>, 'run'>,
): Workflow<Name> {
  return { name, useCase: USE_CASES[name], run: implementation.run };
}

export interface RunOptions extends Pick<ValidateOptions, 'fieldName'> {
  context: WorkflowContext;
}

/**
 * Validates `input` against the workflow's request schema and runs it. Every INVALID_ARGUMENT, from the
 * schema or from deeper checks (a symbol, a date range, a folder), names its fields as the caller spells
 * them through `fieldName`.
 */
export async function runWorkflow<Name extends WorkflowName>(
  workflow: Workflow<Name>,
  input: unknown,
  options: RunOptions,
): Promise<UseCaseOutput<Name>> {
  const request = validate(workflow.useCase.request, input, {
    context: `${workflow.useCase.title} request`,
    fieldName: options.fieldName,
  }) as WorkflowRequest<Name>;
  try {
    return await workflow.run(request, options.context);
  } catch (error) {
    if (error instanceof AetherError && options.fieldName) throw error.withFieldNames(options.fieldName);
    throw error;
  }
}
