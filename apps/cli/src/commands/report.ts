import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { AetherError, RUN_REPORT_FORMATS, RUN_REPORT_TABLES, type RunReport } from '@aetherquant/core';
import * as Flags from '@oclif/core/flags';
import { AetherCommand, workflowRunOptions } from '../command/aether-command';
import { requiredArg } from '../jobs/job-args';
import { type ReportFilesView, type WrittenReportFile } from '../output/renderers/report-files.renderer';

export default class ReportCommand extends AetherCommand {
  static override useCases = ['runReport'] as const;
  static override summary =
    "Write a run's report: one self-contained HTML tearsheet, or its trades and equity as CSV.";
  static override description =
    'The HTML page shows the recorded figures against the benchmark, equity (linear and log) with the trades on ' +
    'the price, drawdowns, monthly and yearly returns, rolling Sharpe ratio and volatility, the return ' +
    "distribution, every trade with its P&L, a portfolio's weights, a sweep's grid or walk-forward windows, the " +
    'spec and the data hash. It loads nothing (no script, no external URL): keep it, mail it, open it offline. ' +
    "Curves and trades come from a rerun of the run's spec; if the data changed since, the page says so. " +
    '`--format csv` writes the trades and the equity curve (two files; `--table` for one).';
  static override examples = [
    '<%= config.bin %> report 0193a1c4-7f05-7000-a77d-a206176fe912',
    '<%= config.bin %> report 0193a1c4-7f05-7000-a77d-a206176fe912 --output spy.html',
    '<%= config.bin %> report 0193a1c4-7f05-7000-a77d-a206176fe912 --format csv',
    '<%= config.bin %> report 0193a1c4-7f05-7000-a77d-a206176fe912 --format csv --table trades --output -',
  ];
  static override args = { id: requiredArg('id', 'The run id (as `db runs` lists it).') };
  static override flags = {
    format: Flags.string({ summary: `${RUN_REPORT_FORMATS.join(' or ')} [default: html].` }),
    table: Flags.string({
      summary: `With --format csv, only this table: ${RUN_REPORT_TABLES.join(' or ')} [default: both, two files].`,
    }),
    output: Flags.string({
      char: 'o',
      summary:
        'The file to write [default: report-<run id>.html, or report-<run id>-<table>.csv]; `-` for standard output (one document only). For both CSV tables, -trades and -equity are added to its name.',
    }),
    'strategy-file': Flags.string({
      summary:
        "The strategy file the run used (its spec names it: `aetherquant runs spec RUN_ID`), to rerun it for the page's curves and trades.",
    }),
    ...AetherCommand.databaseUrlFlags,
    dotenv: AetherCommand.dotenvFlag,
    ...AetherCommand.remoteFlags,
  };

  async run(): Promise<ReportFilesView> {
    const { args, flags } = await this.parse(ReportCommand);
    const format = flags.format ?? 'html';
    const tables = format === 'csv' && flags.table === undefined ? RUN_REPORT_TABLES : [flags.table];
    if (flags.output === '-' && tables.length > 1) {
      throw AetherError.invalid([
        {
          field: '--output',
          rule: 'can be - (standard output) for one document only: add --table trades or --table equity',
        },
      ]);
    }
    const files: WrittenReportFile[] = [];
    let warnings: string[] = [];
    for (const table of tables) {
      const report = await this.runUseCase(
        'runReport',
        { id: args.id, format, ...(table === undefined ? {} : { table }) },
        workflowRunOptions(flags),
      );
      warnings = report.warnings;
      if (flags.output === '-') {
        process.stdout.write(report.content);
        continue;
      }
      const path = await outputPath(flags.output, report, tables.length > 1);
      await writeAtomically(path, report.content);
      files.push({
        path,
        format: report.format,
        ...(report.table === undefined ? {} : { table: report.table }),
        bytes: Buffer.byteLength(report.content),
      });
    }
    this.printWarnings(warnings);
    const summary = { run_id: args.id, files, warnings };
    // With the document on standard output, nothing else may go there.
    if (flags.output !== '-') this.present('reportFiles', summary);
    return summary;
  }
}

/**
 * Where a document goes: `--output` (a folder takes the document under its own name; for both CSV tables,
 * `-trades`/`-equity` goes before the file's extension), else its own name in the working folder.
 */
async function outputPath(output: string | undefined, report: RunReport, both: boolean): Promise<string> {
  if (output === undefined) return resolve(report.filename);
  const target = resolve(output);
  if (await isFolder(target)) return join(target, report.filename);
  if (!both) return target;
  const extension = extname(target);
  return `${target.slice(0, target.length - extension.length)}-${report.table}${extension || '.csv'}`;
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Writes the whole file or nothing: a temporary file beside it takes its place once complete. A path that
 * cannot be written is refused naming `--output`, with what the system said.
 */
async function writeAtomically(path: string, content: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw AetherError.invalid([{ field: '--output', rule: `cannot write ${path} (${reason})` }]);
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
