import { AetherError } from '@aetherquant/core';

/**
 * Awaits `promise`, which must reject with an AetherError of `code` (any code when omitted), and returns the
 * error so a test can read its message and details.
 */
export async function rejection(promise: Promise<unknown>, code?: AetherError['code']): Promise<AetherError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AetherError);
    if (code !== undefined) expect((error as AetherError).code).toBe(code);
    return error as AetherError;
  }
  throw new Error(`expected ${code ? `a ${code}` : 'an'} error, but the promise resolved`);
}
