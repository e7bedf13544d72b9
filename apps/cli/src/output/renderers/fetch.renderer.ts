import { type FetchFolderSummary, type FetchSummary } from '@aetherquant/core';
import { renderFields } from '../fields';
import { formatCount, formatTime, formatWindow } from '@aetherquant/core';
import { type ReportRenderer } from '../report-renderer';
import { renderTable } from '../table';
import { blocks, title } from './report-parts';

type FileSummary = FetchFolderSummary['symbols'][number];

/** `fetch --symbol … --output FILE`: what was loaded and where it went. */
export const fetchRenderer: ReportRenderer<FetchSummary> = {
  script: 'json-line',
  human(summary, terminal) {
    return blocks(
      title(terminal, 'Fetched', summary.symbol, `${summary.interval} bars`, `${summary.provider} data`),
      renderFields(
        [
          ['Bars', formatCount(summary.rows)],
          ['Window', formatWindow(summary.first, summary.last)],
          [
            'Dropped',
            summary.dropped_rows
              ? `${formatCount(summary.dropped_rows)} rows with missing values`
              : undefined,
          ],
          ['Written to', summary.output === '-' ? 'standard output' : summary.output],
        ],
        terminal,
      ),
    );
  },
};

/** `fetch --symbols … --data-dir DIR`: each symbol's file, what happened to it, and why one failed. */
export const fetchFolderRenderer: ReportRenderer<FetchFolderSummary> = {
  script: 'json-line',
  human(folder, terminal) {
    const { style } = terminal;
    const failed = folder.failed.length;
    return blocks(
      title(
        terminal,
        'Fetched',
        `${folder.interval} bars`,
        `${folder.provider} data`,
        `into ${folder.data_dir}`,
      ),
      renderTable<FileSummary>(
        [
          { header: 'Symbol', cell: (file) => file.symbol },
          {
            header: 'Status',
            cell: (file) => (file.status === 'failed' ? style.negative(file.status) : file.status),
          },
          { header: 'Added', cell: (file) => optionalCount(file.rows_added), align: 'right' },
          { header: 'Bars', cell: (file) => optionalCount(file.rows), align: 'right' },
          {
            header: 'First',
            cell: (file) => (file.first === undefined ? '' : formatTime(file.first)),
            drop: 2,
          },
          { header: 'Last', cell: (file) => (file.last === undefined ? '' : formatTime(file.last)) },
          {
            header: 'File or problem',
            cell: (file) => file.error?.message ?? file.reason ?? file.file ?? '',
            overflow: 'wrap',
          },
        ],
        folder.symbols,
        terminal,
      ),
      failed === 0
        ? undefined
        : style.negative(`${failed} of ${folder.symbols.length} failed: ${folder.failed.join(', ')}`),
    );
  },
};

function optionalCount(value: number | undefined): string {
  return value === undefined ? '' : formatCount(value);
}
