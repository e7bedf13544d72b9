import { type Settings } from '@aetherquant/core';
import { type Database } from '@aetherquant/persistence';

/**
 * What an app hands every workflow: the settings it loaded (apps may load them lazily, on first read),
 * and a clock tests can fix.
 */
export interface WorkflowContext {
  readonly settings: Settings;
  /** An open database the app keeps (the API); without it, workflows open the settings' database per call. */
  database?: Database;
  now?: () => number;
}
