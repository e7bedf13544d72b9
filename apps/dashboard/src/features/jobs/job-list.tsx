import { useId } from 'react';
import { type UiError } from '../../api/error-message';
import { type JobProgress } from '../../api/types';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../components/format';
import { PagedFooter } from '../../components/paged-footer';
import { RequestError } from '../../components/request-error';
import { useFocusOnReturn } from '../../components/use-opened-item';
import { jobTitle, progressText, STATUS_LABELS } from './job-labels';
import { type Jobs, type ListedJob } from './use-jobs';

/**
 * How far a running job has come: a bar that fills as its progress arrives, and the figures with the time
 * left. Before the job knows its size the bar only says it is working.
 */
export function JobProgressBar({ progress, label }: { progress: JobProgress; label: string }) {
  const text = progressText(progress);
  const known = progress.total > 0;
  const done = Math.min(progress.done, progress.total);
  return (
    <div className="job-progress">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={known ? 0 : undefined}
        aria-valuemax={known ? progress.total : undefined}
        aria-valuenow={known ? done : undefined}
        aria-valuetext={text}
        className={known ? 'meter' : 'progress'}
      >
        {known ? (
          <span className="meter__fill" style={{ width: `${(done / progress.total) * 100}%` }} />
        ) : (
          <span className="progress__bar" />
        )}
      </div>
      {/* The same words as the bar's value text, for the eye. */}
      <p className="job-progress__text" aria-hidden="true">
        {text}
      </p>
    </div>
  );
}

export interface JobListProps {
  jobs: Jobs;
  onOpen: (job: ListedJob) => void;
  /** Back from a job's result: its "Open result" button takes the focus. */
  focusOn?: string;
}

/** The jobs newest first: status, live progress, Cancel while unfinished, "Open result" once completed. */
export function JobList({ jobs, onOpen, focusOn }: JobListProps) {
  const { role } = useSession();
  const { list } = jobs;
  // Back from a result, its button takes the focus the Back button had.
  const openButton = useFocusOnReturn(focusOn);
  return (
    <section aria-labelledby="job-list-title" className="job-section">
      <div className="section-head">
        <h3 id="job-list-title">{role === 'admin' ? 'Jobs of every key' : 'Your jobs'}</h3>
        <button type="button" className="button button--secondary button--small" onClick={jobs.refresh}>
          Refresh
        </button>
      </div>
      {list.items.length === 0 && jobs.loaded && !list.loading && !list.error && (
        <p className="muted">No jobs yet: submit one above.</p>
      )}
      {list.items.length > 0 && (
        <ul className="job-list">
          {list.items.map((job) => (
            <JobRow
              key={job.job_id}
              job={job}
              described={jobs.described[job.job_id]}
              showOwner={role === 'admin'}
              cancelling={jobs.cancelling.has(job.job_id)}
              cancelError={jobs.cancelErrors[job.job_id]}
              followError={jobs.followErrors[job.job_id]}
              onCancel={() => jobs.cancel(job)}
              onOpen={() => onOpen(job)}
              openButton={openButton(job.job_id)}
            />
          ))}
        </ul>
      )}
      <PagedFooter list={list} progressLabel="Loading jobs" />
    </section>
  );
}

interface JobRowProps {
  job: ListedJob;
  described: string | undefined;
  showOwner: boolean;
  cancelling: boolean;
  cancelError: UiError | undefined;
  followError: UiError | undefined;
  onCancel: () => void;
  onOpen: () => void;
  openButton: (button: HTMLButtonElement | null) => void;
}

function JobRow(props: JobRowProps) {
  const { job, described, showOwner, cancelling, cancelError, followError } = props;
  const titleId = useId();
  const title = jobTitle(job, described);
  const unfinished = job.status === 'queued' || job.status === 'running';
  return (
    <li className="job-card" aria-labelledby={titleId}>
      <div className="job-card__head">
        <span id={titleId} className="job-card__title">
          {title}
        </span>
        <span className={`job-status job-status--${job.status}`}>{STATUS_LABELS[job.status]}</span>
      </div>
      <p className="job-card__meta">
        Submitted {formatDateTime(job.submitted_at)}
        {showOwner ? ` by ${job.owner}` : ''}
        {job.finished_at ? ` · finished ${formatDateTime(job.finished_at)}` : ''}
      </p>
      {job.status === 'queued' && <p className="job-card__note">Waiting for a worker.</p>}
      {job.status === 'running' && <JobProgressBar progress={job.progress} label={`Progress of ${title}`} />}
      {job.status === 'failed' && job.error && <p className="job-card__error">{job.error.message}</p>}
      {followError && unfinished && (
        <p className="job-card__error">
          Its progress stopped updating: {followError.title} Refresh to try again.
        </p>
      )}
      {(unfinished || job.status === 'completed') && (
        <div className="job-card__actions">
          {unfinished && (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={`Cancel ${title}`}
              aria-busy={cancelling}
              aria-disabled={cancelling}
              onClick={() => {
                if (!cancelling) props.onCancel();
              }}
            >
              {cancelling && <span className="spinner" aria-hidden="true" />}
              {cancelling ? 'Cancelling…' : 'Cancel'}
            </button>
          )}
          {job.status === 'completed' && (
            <button
              type="button"
              ref={props.openButton}
              className="button button--primary button--small"
              aria-label={`Open result of ${title}`}
              onClick={props.onOpen}
            >
              Open result
            </button>
          )}
        </div>
      )}
      {cancelError && <RequestError error={cancelError} onRetry={props.onCancel} />}
    </li>
  );
}
