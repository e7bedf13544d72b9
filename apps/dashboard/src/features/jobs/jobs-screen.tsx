import { type JobStatus } from '../../api/types';
import { useRequest } from '../../api/use-request';
import { useSession } from '../../app/session';
import { RequestError } from '../../components/request-error';
import { fieldErrorsOf } from '../../components/request-outcome';
import { Progress } from '../../components/submit-button';
import { useOpenedItem } from '../../components/use-opened-item';
import { JobDetailPanel } from './job-detail-panel';
import { JobForm, requestFieldErrors } from './job-form';
import { jobTitle } from './job-labels';
import { JobList } from './job-list';
import { useJobs, type Jobs } from './use-jobs';

/**
 * Long work as jobs: a sweep or a walk-forward submitted from the phone, the key's jobs with their live
 * progress, Cancel, and a completed job's result. Jobs run on the server whether or not the screen is open.
 */
export function JobsScreen() {
  const jobs = useJobs();
  const item = useOpenedItem('jobs.selected');
  const opened = jobs.list.items.find((job) => job.job_id === item.opened);
  return (
    <section className="screen" aria-labelledby="jobs-title">
      <h2 id="jobs-title">Jobs</h2>
      {item.opened ? (
        <JobDetailPanel
          id={item.opened}
          title={opened ? jobTitle(opened, jobs.described[opened.job_id]) : 'Job'}
          onBack={item.close}
        />
      ) : (
        <>
          <SubmitJob jobs={jobs} />
          {/* Always in the page, so that what is put in it is announced: a job submitted, or finished. */}
          <p role="status" className="job-notice">
            {jobs.notice}
          </p>
          <JobList jobs={jobs} onOpen={(job) => item.open(job.job_id)} focusOn={item.lastOpened} />
        </>
      )}
    </section>
  );
}

/** The form, and what its submission came to: the job joins the list, or the refusal shows. */
function SubmitJob({ jobs }: { jobs: Jobs }) {
  const { client } = useSession();
  const request = useRequest<JobStatus>('jobs.submit');
  const { add } = jobs;
  return (
    <>
      <JobForm
        busy={request.state.status === 'loading'}
        fieldErrors={requestFieldErrors(fieldErrorsOf(request))}
        onSubmit={(submission, described) =>
          request.run(async (signal) => {
            const job = await client.call('submitJob', submission, { signal });
            add(job, described);
            return job;
          })
        }
      />
      {request.state.status === 'loading' && <Progress label="Submitting the job" />}
      {request.state.status === 'error' && (
        <RequestError error={request.state.error} onRetry={request.retry} />
      )}
    </>
  );
}
