import { useEffect } from 'react';
import {
  type BacktestReport,
  type JobStatus,
  type OptimizeReport,
  type PapertradeReport,
  type PortfolioBacktestReport,
  type SweepReport,
  type WalkForwardReport,
} from '../../api/types';
import { useRequest } from '../../api/use-request';
import { useSession } from '../../app/session';
import { Facts } from '../../components/facts';
import { formatDateTime } from '../../components/format';
import { RequestOutcome } from '../../components/request-outcome';
import { BacktestResults } from '../backtest/backtest-results';
import { OptimizeResults } from '../optimize/optimize-results';
import { PapertradeResults } from '../papertrade/papertrade-results';
import { PortfolioBacktestResults } from '../portfolio/portfolio-backtest-results';
import { STATUS_LABELS } from './job-labels';
import { SweepResults } from './sweep-results';
import { WalkForwardResults } from './walk-forward-results';

/** One job read whole: when it ran and, once completed, its result as the screen of its use case shows it. */
export function JobDetailPanel({ id, title, onBack }: { id: string; title: string; onBack: () => void }) {
  const { client } = useSession();
  const request = useRequest<JobStatus>();
  const { run } = request;
  useEffect(() => {
    run((signal) => client.call('job', { id }, { signal }));
  }, [run, client, id]);
  return (
    <>
      <button type="button" className="button button--secondary" onClick={onBack}>
        Back to jobs
      </button>
      <RequestOutcome request={request} progressLabel="Loading the job">
        {(job) => (
          <>
            <h3>{title}</h3>
            <Facts
              facts={[
                { label: 'Status', value: STATUS_LABELS[job.status] },
                { label: 'Submitted', value: formatDateTime(job.submitted_at) },
                job.finished_at ? { label: 'Finished', value: formatDateTime(job.finished_at) } : undefined,
                job.run_id ? { label: 'Run', value: job.run_id, breakAnywhere: true } : undefined,
              ]}
            />
            <JobResult job={job} />
          </>
        )}
      </RequestOutcome>
    </>
  );
}

/** The result of a completed job, by the use case it ran; the reports are the ones their endpoints answer. */
function JobResult({ job }: { job: JobStatus }) {
  if (job.status !== 'completed' || job.result === undefined) {
    return <p className="muted">{job.error ? job.error.message : 'This job has no result.'}</p>;
  }
  switch (job.use_case) {
    case 'sweep':
      return <SweepResults report={job.result as SweepReport} />;
    case 'walkForward':
      return <WalkForwardResults report={job.result as WalkForwardReport} runId={job.run_id ?? undefined} />;
    case 'backtest':
      return <BacktestResults report={job.result as BacktestReport} />;
    case 'portfolioBacktest':
      return <PortfolioBacktestResults report={job.result as PortfolioBacktestReport} />;
    case 'papertrade':
      return <PapertradeResults report={job.result as PapertradeReport} />;
    case 'optimize':
      return <OptimizeResults report={job.result as OptimizeReport} />;
    default:
      return (
        <p className="muted">
          The dashboard does not show this kind of result yet; the run above records it, and the API answers
          it at GET /api/jobs/{job.job_id}.
        </p>
      );
  }
}
