// The public API of @aetherquant/workflows: the use cases the API and the CLI share.

export { defineWorkflow, runWorkflow, type Workflow } from './lib/workflow/workflow';
export { loadSettings, type LoadSettingsOptions } from './lib/settings/load-settings';
export { parseEnvFile } from './lib/settings/env-file';
export { classifySignal, signalWorkflow, type SignalResult } from './lib/signal/signal.workflow';
