import { AetherError, type ErrorCode } from '../lib/errors/aether-error';

/**
 * Runs `action`, which must throw an AetherError with `code` (INVALID_ARGUMENT by default), and returns the
 * error so a test can read its message and details. Fails the test if nothing, or something else, is thrown.
 */
export function rejectionOf(action: () => unknown, code: ErrorCode = 'INVALID_ARGUMENT'): AetherError {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error('expected an AetherError, but nothing was thrown');
  expect(thrown).toBeInstanceOf(AetherError);
  expect((thrown as AetherError).code).toBe(code);
  return thrown as AetherError;
}
