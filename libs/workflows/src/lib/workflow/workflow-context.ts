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
  /** Told how far a long task (a sweep) has come; the CLI draws a progress bar with it. */
  progress?: (done: number, total: number) => void;
}
