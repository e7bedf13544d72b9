import { type RunReport } from '@aetherquant/core';
import { useEffect, useRef, useState } from 'react';
import { describeError, type UiError } from '../../api/error-message';
import { useSession } from '../../app/session';
import { RequestError } from '../../components/request-error';

/** What one of the buttons asks for: the page, or one CSV table. */
type DocumentRequest = { format: 'html' } | { format: 'csv'; table: 'trades' | 'equity' };

interface Action {
  label: string;
  request: DocumentRequest;
  /** Opened in a new tab (the page), else downloaded. */
  open: boolean;
}

const OPEN_REPORT: Action = { label: 'Open report', request: { format: 'html' }, open: true };
const DOWNLOAD_REPORT: Action = { label: 'Download report', request: { format: 'html' }, open: false };
const TABLE_ACTIONS: Record<'trades' | 'equity', Action> = {
  trades: { label: 'Download trades CSV', request: { format: 'csv', table: 'trades' }, open: false },
  equity: { label: 'Download equity CSV', request: { format: 'csv', table: 'equity' }, open: false },
};

/**
 * A run's report (`GET /api/runs/:id/report`), opened in a new tab or downloaded, and its CSV tables. The route
 * needs the key's header, which a plain link cannot send: the document is read with the client and handed to
 * the browser as a Blob URL. The new tab is opened at the tap (a browser lets a page open one only then) and
 * sent to the report once it has come; if the browser refused the tab, a link to the report takes its place.
 */
export function RunReportActions({
  runId,
  tables,
}: {
  runId: string;
  /** The CSV tables this run has (a sweep or an optimisation draws no curve). */
  tables: readonly ('trades' | 'equity')[];
}) {
  const { client } = useSession();
  const urls = useDocumentUrls();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<UiError>();
  const [ready, setReady] = useState<{ url: string; filename: string }>();

  const act = async (action: Action) => {
    if (busy) return;
    // At the tap, not after the answer: a browser opens a tab only in answer to a person's gesture.
    const tab = action.open ? window.open('', '_blank') : null;
    if (tab) tab.document.title = 'Preparing the report…';
    setBusy(action.label);
    setError(undefined);
    setReady(undefined);
    try {
      const report = await client.call('runReport', { id: runId, ...action.request });
      const url = urls.create(report);
      if (!action.open) download(url, report.filename);
      else if (tab && !tab.closed) tab.location.replace(url);
      else setReady({ url, filename: report.filename });
    } catch (failure) {
      tab?.close();
      setError(describeError(failure));
    } finally {
      setBusy(undefined);
    }
  };

  const actions = [OPEN_REPORT, DOWNLOAD_REPORT, ...tables.map((table) => TABLE_ACTIONS[table])];
  return (
    <section aria-label="Report" className="report-actions">
      <div className="report-actions__buttons">
        {actions.map((action) => (
          <button
            key={action.label}
            type="button"
            className="button button--secondary button--small"
            aria-busy={busy === action.label}
            aria-disabled={busy !== undefined}
            onClick={() => void act(action)}
          >
            {busy === action.label && <span className="spinner" aria-hidden="true" />}
            {action.label}
          </button>
        ))}
      </div>
      {ready && (
        <p role="status">
          Your browser kept the report from opening a tab:{' '}
          <a href={ready.url} target="_blank" rel="noreferrer">
            open the report
          </a>
          .
        </p>
      )}
      {error && <RequestError error={error} />}
    </section>
  );
}

/** Blob URLs of the documents read, revoked when the run's detail goes away. */
function useDocumentUrls() {
  const made = useRef<string[]>([]);
  useEffect(
    () => () => {
      for (const url of made.current) URL.revokeObjectURL(url);
      made.current = [];
    },
    [],
  );
  return {
    create(report: RunReport): string {
      const url = URL.createObjectURL(new Blob([report.content], { type: report.media_type }));
      made.current.push(url);
      return url;
    },
  };
}

/** Saves the document at `url` as `filename`, as a link with `download` does. */
function download(url: string, filename: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}
