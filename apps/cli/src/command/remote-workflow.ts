import { type ApiClient, createApiClient } from '@aetherquant/client';
import {
  AetherError,
  type FieldViolation,
  findUseCase,
  type HttpUseCaseInput,
  type CallableUseCaseName,
  type UseCaseOutput,
  validate,
} from '@aetherquant/core';
import { type WorkflowName } from '@aetherquant/workflows';

export interface RemoteTarget {
  apiUrl: string;
  apiKey?: string;
  /** Where the URL and the key came from, to name in a complaint about them: a flag or a setting. */
  apiUrlFrom: '--api-url' | 'AETHERQ_API_URL';
  apiKeyFrom: string;
  /** Set when the command was given `--database-url`: the server keeps its own database. */
  databaseUrl?: string;
}

/**
 * Runs use case `name` on the API server at `target.apiUrl`, over the route its catalog entry names, and
 * resolves with what the local run would print. The input is validated here first, with the local schema, so
 * bad flags fail exactly as locally (exit 2, the flag named) without a request; the server's own violations
 * come back named as flags too. A use case without a route says why it runs only locally.
 */
export async function runRemotely<Name extends WorkflowName>(
  name: Name,
  input: unknown,
  target: RemoteTarget,
  fieldName: (field: string) => string,
): Promise<UseCaseOutput<Name>> {
  const useCase = findUseCase(name);
  if (useCase?.http === undefined) {
    const reason: FieldViolation = useCase?.localOnly ?? {
      field: 'api_url',
      rule: `cannot run ${useCase?.title ?? name} (it runs only locally)`,
    };
    throw AetherError.invalid([{ ...reason, field: fieldName(reason.field) }]);
  }
  const fields = definedFields(input);
  refuseLocalResources(fields, target, fieldName);
  validate(useCase.request, fields, { context: `${useCase.title} request`, fieldName });

  const client = apiClient(target);
  try {
    // The catalog gave this use case a route (checked above), and a workflow's route is never an event
    // stream (only apps answer those, the catalog's check says), so it is one the client calls.
    const http = name as CallableUseCaseName;
    const answer: unknown = await client.call(http, fields as HttpUseCaseInput<typeof http>);
    return withoutChart(answer) as UseCaseOutput<Name>;
  } catch (error) {
    // Renaming rebuilds the error as INVALID_ARGUMENT, so only errors of that code are renamed.
    if (error instanceof AetherError && error.code === 'INVALID_ARGUMENT')
      throw error.withFieldNames(fieldName);
    throw error;
  }
}

function apiClient(target: RemoteTarget): ApiClient {
  try {
    return createApiClient({ baseUrl: target.apiUrl, apiKey: target.apiKey });
  } catch (error) {
    if (!(error instanceof AetherError)) throw error;
    const names: Record<string, string> = { api_url: target.apiUrlFrom, api_key: target.apiKeyFrom };
    throw error.withFieldNames((field) => (Object.hasOwn(names, field) ? names[field] : undefined) ?? field);
  }
}

/** A folder or a database of this machine means nothing to the server, which reads its own. */
function refuseLocalResources(
  fields: Readonly<Record<string, unknown>>,
  target: RemoteTarget,
  fieldName: (field: string) => string,
): void {
  const violations: FieldViolation[] = [];
  if (fields['data_dir'] !== undefined) {
    violations.push({
      field: fieldName('data_dir'),
      rule: 'cannot be used with --api-url (the server reads its own data)',
    });
  }
  if (target.databaseUrl !== undefined) {
    violations.push({
      field: fieldName('database_url'),
      rule: 'cannot be used with --api-url (the server records runs in its own database)',
    });
  }
  if (violations.length > 0) throw AetherError.invalid(violations);
}

/** The request's fields without those left unset, which the server would otherwise see as given. */
function definedFields(input: unknown): Record<string, unknown> {
  if (typeof input !== 'object' || input === null) return {};
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

/** What the API adds to reports for screens (the dashboard): the CLI prints the figures only. */
const SCREEN_FIELDS = ['chart', 'trade_list'];

function withoutChart(answer: unknown): unknown {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return answer;
  return Object.fromEntries(Object.entries(answer).filter(([key]) => !SCREEN_FIELDS.includes(key)));
}
