import { parseSettings } from '@aetherquant/core';

/** Settings of a test that needs no network and no database: synthetic bars, no cache, persistence off. */
export const OFFLINE_SETTINGS = parseSettings({
  AETHERQ_DATA_PROVIDER: 'synthetic',
  AETHERQ_DATABASE_URL: 'none',
  AETHERQ_CACHE_DIR: 'none',
}).settings;

/** Monday 2024-06-03, noon UTC: a fixed clock, under which synthetic history ends on Friday 2024-05-31. */
export const FIXED_NOW = (): number => Date.UTC(2024, 5, 3, 12);
