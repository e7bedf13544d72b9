import { jsonText } from '../output/report-renderer';
import { type Failure } from './describe-failure';

/**
 * A failure as every command (and a command line that names none) reports it: one line, `error: <what> — <fix>`,
 * on standard error; with `--json`, `{"error":{"code","message","details"}}` on standard output instead.
 */
export function reportFailure(failure: Failure, json: boolean): void {
  if (json) {
    const error = { code: failure.code, message: failure.message, details: failure.details };
    process.stdout.write(`${jsonText({ error }, 'indented')}\n`);
  } else {
    process.stderr.write(`error: ${failure.message}\n`);
  }
}
