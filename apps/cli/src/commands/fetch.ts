import {
  AetherError,
  DATA_PROVIDERS,
  DEFAULT_SYNTHETIC_SEED,
  type ErrorCode,
  type FetchFolderSummary,
} from '@aetherquant/core';
import { type FetchSummary } from '@aetherquant/workflows';
import * as Flags from '@oclif/core/flags';
import { AetherCommand } from '../command/aether-command';
import { EXIT_CODES } from '../command/exit-codes';
import { numericFlag } from '../flags/flag-input';
import { symbolList } from '../flags/portfolio-flags';
import { symbolArgument } from '../command/symbol-argument';

export default class FetchCommand extends AetherCommand {
  static override useCases = ['fetch'] as const;
  static override summary = 'Download the bars of one symbol, or of several into a folder, as CSV.';
  static override description =
    'Writes date,open,high,low,close,volume rows (ascending; adjusted for splits and dividends unless ' +
    '--no-adjust) to --output, and prints one JSON line {symbol, provider, interval, rows, first, last, output}. ' +
    'With --symbols A,B,C, writes one <SYMBOL>.csv per symbol into --data-dir (the folder --provider csv reads ' +
    "back), updating existing files incrementally: only bars after a file's last one are appended, and a file " +
    'whose bars the source now gives differently (history re-adjusted for a split or dividend) is rewritten ' +
    'whole. It prints one JSON line {provider, interval, data_dir, symbols: [{symbol, status, rows_added, rows, ' +
    'first, last, file, reason?, error?}], failed}; a symbol that fails does not stop the others, and the exit ' +
    "code is then the first failure's. A period counts back from the latest bar; --start and --end are " +
    'inclusive dates. The provider defaults to AETHERQ_DATA_PROVIDER (yahoo); synthetic data works offline and ' +
    'always says provider "synthetic".';
  static override examples = [
    '<%= config.bin %> fetch --symbol SPY --period 1y --output data/spy.csv',
    '<%= config.bin %> fetch --symbol SPY --period 1y --provider synthetic --output data/spy.csv',
    '<%= config.bin %> fetch --symbol QQQ --start 2019-01-02 --end 2019-12-31 --provider csv --data-dir ../shared/data/market --output -',
    '<%= config.bin %> fetch --symbols SPY,QQQ,TLT --period 10y --data-dir data/market',
  ];
  static override args = {
    symbol: symbolArgument(
      'The symbol, as --symbol SPY; several (into --data-dir) as --symbols: SPY,QQQ,TLT.',
    ),
  };
  static override flags = {
    symbol: Flags.string({ summary: 'Ticker, e.g. SPY (trimmed and upper-cased); not with --symbols.' }),
    symbols: Flags.string({
      summary:
        'Comma-separated tickers, each written to (or brought up to date in) <SYMBOL>.csv in --data-dir; not with --symbol or --output.',
    }),
    period: Flags.string({
      summary: 'History back from the latest bar: 5d, 1mo, 6mo, 1y, 5y, ytd, max [default: 1y].',
    }),
    start: Flags.string({ summary: 'First date, inclusive (YYYY-MM-DD); not with --period.' }),
    end: Flags.string({ summary: 'Last date, inclusive (YYYY-MM-DD); not with --period.' }),
    interval: Flags.string({ summary: 'Bar interval: 1d, 1wk, 1mo, 1h, 5m, … [default: 1d].' }),
    provider: Flags.string({
      summary: `Data source: ${DATA_PROVIDERS.join(', ')} [default: AETHERQ_DATA_PROVIDER].`,
    }),
    'data-dir': Flags.string({
      summary:
        'Folder of <SYMBOL>.csv files: read by --provider csv, written by --symbols [default: AETHERQ_DATA_DIR].',
    }),
    adjust: Flags.boolean({
      summary: 'Adjust prices for splits and dividends (--no-adjust for raw prices).',
      default: true,
      allowNo: true,
    }),
    seed: Flags.string({ summary: `Seed of the synthetic provider [default: ${DEFAULT_SYNTHETIC_SEED}].` }),
    output: Flags.string({
      summary: 'CSV file to write (folders are created), or - for standard output; with --symbol only.',
    }),
    config: AetherCommand.configFlag,
    dotenv: AetherCommand.dotenvFlag,
  };

  async run(): Promise<FetchSummary | FetchFolderSummary> {
    const { flags } = await this.parse(FetchCommand);
    if (flags.symbols === undefined && flags.output === undefined) {
      // One symbol's bars need somewhere to go (several go to --data-dir).
      throw AetherError.invalid([
        { field: '--output', rule: 'is required with --symbol (or give --symbols)' },
      ]);
    }
    const request = {
      symbol: flags.symbol,
      symbols: symbolList(flags.symbols),
      period: flags.period,
      start: flags.start,
      end: flags.end,
      interval: flags.interval,
      provider: flags.provider,
      data_dir: flags['data-dir'],
      adjusted: flags.adjust,
      seed: numericFlag(flags.seed),
      output: flags.output,
    };
    try {
      const result = await this.runUseCase('fetch', request, { dotenv: flags.dotenv });
      if (Object.hasOwn(result, 'folder'))
        return this.reportFolder((result as { folder: FetchFolderSummary }).folder);
      const single = result as Exclude<typeof result, { folder: FetchFolderSummary }>;
      if (single.csv !== undefined) {
        // The bars own standard output; the summary goes to standard error.
        process.stdout.write(single.csv);
        process.stderr.write(`${JSON.stringify(single.summary)}\n`);
      } else {
        this.present('fetch', single.summary);
      }
      return single.summary;
    } catch (error) {
      throw withOfflineHint(error);
    }
  }

  /**
   * A folder's summary on standard output, each failed symbol on standard error, and the exit code of the
   * first failure when there is one (the files of the others are written all the same).
   */
  private reportFolder(folder: FetchFolderSummary): FetchFolderSummary {
    this.present('fetchFolder', folder);
    let firstFailure: ErrorCode | undefined;
    for (const file of folder.symbols) {
      if (file.error === undefined) continue;
      const code = (Object.hasOwn(EXIT_CODES, file.error.code) ? file.error.code : 'INTERNAL') as ErrorCode;
      firstFailure ??= code;
      if (!this.jsonEnabled()) process.stderr.write(`error: ${file.symbol}: ${file.error.message}\n`);
    }
    if (firstFailure !== undefined) process.exitCode = EXIT_CODES[firstFailure];
    return folder;
  }
}

/** A source that cannot be reached gets the way to work without it. */
function withOfflineHint(error: unknown): unknown {
  if (!(error instanceof AetherError) || error.code !== 'UPSTREAM_FAILED') return error;
  const hint = 'to work offline, use --provider synthetic, or --provider csv --data-dir DIR';
  return new AetherError(error.code, `${error.message} (${hint})`, error.details);
}
