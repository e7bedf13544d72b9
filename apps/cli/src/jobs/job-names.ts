import { AetherError, JOB_USE_CASE_NAMES, type JobUseCaseName } from '@aetherquant/core';

/** A catalog name as the CLI spells its command: `walkForward` → `walk-forward`. */
export function commandSpelling(useCase: JobUseCaseName): string {
  return useCase.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * The job use case `text` names, spelt as the catalog does (`walkForward`) or as the CLI's commands are
 * (`walk-forward`). INVALID_ARGUMENT naming `field` otherwise, listing what it may be.
 */
export function jobUseCaseNamed(text: string, field: string): JobUseCaseName {
  const found = JOB_USE_CASE_NAMES.find((name) => name === text || commandSpelling(name) === text);
  if (found !== undefined) return found;
  throw AetherError.invalid([
    { field, rule: `must be one of ${JOB_USE_CASE_NAMES.map(commandSpelling).join(', ')} (got ${text})` },
  ]);
}
