import { type Settings } from '@aetherquant/core';

/**
 * What an app hands every workflow: the settings it loaded (apps may load them lazily, on first read),
 * and a clock tests can fix.
 */
export interface WorkflowContext {
  readonly settings: Settings;
  now?: () => number;
}
