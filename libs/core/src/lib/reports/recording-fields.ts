// The JSON shapes the use cases return, shared by the apps that produce them and the dashboard that reads
// them: zod schemas (the OpenAPI document and the conformance tests read them), their types inferred.

import { z } from 'zod';

/**
 * The fields a report gains when its run is recorded (workflows' `defineRecordedWorkflow`), spread into each report's
 * schema where that report prints them: `run_id` keeps its place per report, `warnings` comes last.
 */
export const recordingFields = {
  run_id: z.uuid().optional().describe('Present when the run was recorded (persistence on).'),
  warnings: z
    .array(z.string())
    .optional()
    .describe('Present when something went wrong that did not stop the run, such as a run not recorded.'),
};

export const recordingFieldsSchema = z
  .strictObject(recordingFields)
  .meta({ description: 'The fields a report gains when its run is recorded.' });

/** The fields a report gains when its run is recorded (workflows' `defineRecordedWorkflow`). */
export type RecordingFields = z.infer<typeof recordingFieldsSchema>;
