import { formatCount } from '@aetherquant/core';
import { type ReportRenderer } from '../report-renderer';
import { renderTable } from '../table';
import { blocks, runLine, title } from './report-parts';

/** A file `aetherquant report` wrote. */
export interface WrittenReportFile {
  path: string;
  format: 'html' | 'csv';
  table?: 'trades' | 'equity';
  bytes: number;
}

/** What `aetherquant report` did: the files it wrote for a run (its warnings go to standard error). */
export interface ReportFilesView {
  run_id: string;
  files: WrittenReportFile[];
  warnings: string[];
}

/** `report RUN_ID`: where the page (or the CSV tables) went, and how big they are. */
export const reportFilesRenderer: ReportRenderer<ReportFilesView> = {
  script: 'json',
  human(view, terminal) {
    return blocks(
      title(terminal, 'Report', `${view.files.length === 1 ? 'one file' : `${view.files.length} files`}`),
      renderTable<WrittenReportFile>(
        [
          {
            header: 'What',
            cell: (file) => (file.format === 'html' ? 'page (HTML)' : `${file.table} (CSV)`),
          },
          { header: 'Bytes', cell: (file) => formatCount(file.bytes), align: 'right' },
          { header: 'File', cell: (file) => file.path },
        ],
        view.files,
        terminal,
      ),
      runLine(view.run_id),
    );
  },
};
