import { AetherError, type ErrorCode } from '@aetherquant/core';

/**
 * The AetherError a call throws, for a test to read its message and violations. Fails the test when the call
 * throws nothing, something else, or another code.
 */
export function errorOf(run: () => unknown, code: ErrorCode): AetherError {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error(`expected a ${code} AetherError, but nothing was thrown`);
  expect(thrown).toBeInstanceOf(AetherError);
  expect((thrown as AetherError).code).toBe(code);
  return thrown as AetherError;
}

/** The fields an INVALID_ARGUMENT error names, in order. */
export function fieldsOf(error: AetherError): string[] {
  return (error.details?.violations ?? []).map((violation) => violation.field);
}
