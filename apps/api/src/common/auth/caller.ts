import { type Role } from '@aetherquant/core';

/** Who is calling, resolved once per request before any guard runs. */
export interface Caller {
  /** The role the presented key grants; undefined for a missing or wrong key. */
  role: Role | undefined;
  /** Whether the request carried a key at all (a wrong key and no key are both 401, told apart in the message). */
  presentedKey: boolean;
  /** The rate-limit bucket: the key's fingerprint for a valid key, else the client IP. */
  tracker: string;
  clientIp: string;
}
