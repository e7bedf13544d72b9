import { AetherError } from '@aetherquant/core';

/**
 * The INVALID_ARGUMENT AetherError a call throws, for a test to read its message and violations. Fails the test
 * when the call throws nothing, something else, or another code.
 */
export function invalidArgumentOf(run: () => unknown): AetherError {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error('expected an AetherError, but nothing was thrown');
  expect(thrown).toBeInstanceOf(AetherError);
  expect((thrown as AetherError).code).toBe('INVALID_ARGUMENT');
  return thrown as AetherError;
}
