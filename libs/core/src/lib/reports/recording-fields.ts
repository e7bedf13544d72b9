// The JSON shapes the use cases return, shared by the apps that produce them and the dashboard that reads
// them. Types only: nothing here runs.

/** The fields a report gains when its run is recorded (workflows' `withRecording`). */
export interface RecordingFields {
  /** Present when the run was recorded (persistence on). */
  run_id?: string;
  /** Present when something went wrong that did not stop the run, such as a run not recorded. */
  warnings?: string[];
}
