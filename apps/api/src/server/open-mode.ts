import { AetherError, type Settings } from '@aetherquant/core';

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;

export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}

/**
 * With no key configured every caller is admin. That is fine on loopback (a developer's machine) and
 * nowhere else unless the operator says so: an open API on a public address is refused at start-up.
 */
export function checkOpenMode(settings: Settings): void {
  // A keys file with no key in it is refused by the key ring, so naming one means the API is not open.
  const open =
    settings.apiKey === undefined &&
    settings.adminApiKey === undefined &&
    settings.api.keysFile === undefined;
  if (open && !isLoopback(settings.api.host) && !settings.api.allowOpen) {
    throw AetherError.invalid(
      [
        {
          field: 'AETHERQ_HOST',
          rule: `is ${settings.api.host}, not loopback, and no API key is set: set AETHERQ_API_KEY / AETHERQ_ADMIN_API_KEY, or AETHERQ_ALLOW_OPEN=true to serve an open API anyway`,
        },
      ],
      'refusing to start',
    );
  }
}
