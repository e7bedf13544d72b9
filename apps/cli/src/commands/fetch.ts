import { AetherError, DATA_PROVIDERS, DEFAULT_SYNTHETIC_SEED } from '@aetherquant/core';
import { type FetchSummary } from '@aetherquant/workflows';
import * as Flags from '@oclif/core/flags';
import { AetherCommand } from '../command/aether-command';
import { numericFlag } from '../flags/flag-input';

export default class FetchCommand extends AetherCommand {
  static override useCases = ['fetch'] as const;
  static override summary = 'Download the bars of one symbol and write them as CSV.';
  static override description =
    'Writes date,open,high,low,close,volume rows (ascending; adjusted for splits and dividends unless ' +
    '--no-adjust) to --output, and prints one JSON line {symbol, provider, interval, rows, first, last, output}. ' +
    'A period counts back from the latest bar; --start and --end are inclusive dates. The provider defaults to ' +
    'AETHERQ_DATA_PROVIDER (yahoo); synthetic data works offline and always says provider "synthetic".';
  static override examples = [
    '<%= config.bin %> fetch --symbol SPY --period 1y --output data/spy.csv',
    '<%= config.bin %> fetch --symbol SPY --period 1y --provider synthetic --output data/spy.csv',
    '<%= config.bin %> fetch --symbol QQQ --start 2019-01-02 --end 2019-12-31 --provider csv --data-dir ../shared/data/market --output -',
  ];
  static override flags = {
    symbol: Flags.string({ summary: 'Ticker, e.g. SPY (trimmed and upper-cased).', required: true }),
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
      summary: 'Folder of <SYMBOL>.csv files for --provider csv [default: AETHERQ_DATA_DIR].',
    }),
    adjust: Flags.boolean({
      summary: 'Adjust prices for splits and dividends (--no-adjust for raw prices).',
      default: true,
      allowNo: true,
    }),
    seed: Flags.string({ summary: `Seed of the synthetic provider [default: ${DEFAULT_SYNTHETIC_SEED}].` }),
    output: Flags.string({
      summary: 'CSV file to write (folders are created), or - for standard output.',
      required: true,
    }),
    dotenv: AetherCommand.dotenvFlag,
  };

  async run(): Promise<FetchSummary> {
    const { flags } = await this.parse(FetchCommand);
    const request = {
      symbol: flags.symbol,
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
      if (result.csv !== undefined) {
        // The bars own standard output; the summary goes to standard error.
        process.stdout.write(result.csv);
        process.stderr.write(`${JSON.stringify(result.summary)}\n`);
      } else {
        this.log(JSON.stringify(result.summary));
      }
      return result.summary;
    } catch (error) {
      throw withOfflineHint(error);
    }
  }
}

/** A source that cannot be reached gets the way to work without it. */
function withOfflineHint(error: unknown): unknown {
  if (!(error instanceof AetherError) || error.code !== 'UPSTREAM_FAILED') return error;
  const hint = 'to work offline, use --provider synthetic, or --provider csv --data-dir DIR';
  return new AetherError(error.code, `${error.message} (${hint})`, error.details);
}
