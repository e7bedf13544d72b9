// Loaded by the job commands (and `--detach`) only when they run jobs here: BullMQ and Redis are not for the
// other commands to load.
import { type Settings } from '@aetherquant/core';
import { type JobEngine } from '@aetherquant/workflows';
import { settingsJobEngine } from '@aetherquant/workflows/jobs';

/**
 * The job engine the settings call for, as this machine's user submits to it (no per-key quotas): BullMQ on
 * `AETHERQ_REDIS_URL` when set, else the embedded engine, computing in this process.
 */
export function localJobEngine(settings: Settings): JobEngine {
  return settingsJobEngine(settings, { submitters: 'local' });
}
