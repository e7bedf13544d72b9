import { type Role } from '@aetherquant/core';

/** Who is calling, resolved once per request before any guard runs. */
export interface Caller {
  /** The role the presented key grants; undefined for a missing or wrong key. */
  role: Role | undefined;
  /** The name of the valid key presented (`trader`, `admin`, a keys-file name); null otherwise. */
  keyName: string | null;
  /** Whether the request carried a key at all (a wrong key and no key are both 401, told apart in the message). */
  presentedKey: boolean;
  /** The rate-limit bucket: `key:<name>` for a valid key, else `ip:<client address>`. */
  tracker: string;
  clientIp: string;
}
