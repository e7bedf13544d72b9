// The JSON shape of `GET /api/keycheck`.

import { z } from 'zod';
import { ROLES } from '../access/access-policy';
import { withResponseMeta } from './response-meta';

export const keycheckReportSchema = withResponseMeta(
  z.strictObject({
    status: z.literal('ok'),
    role: z.enum(ROLES).describe('What the key may do: `trader` or `admin` (see the access policy).'),
  }),
  'What `GET /api/keycheck` returns for a valid key (or any caller when the API is open): the role the key holds, so a client shows what that role allows.',
  { status: 'ok', role: 'trader' },
);

/** What `GET /api/keycheck` returns: the role the key holds. */
export type KeycheckReport = z.infer<typeof keycheckReportSchema>;
