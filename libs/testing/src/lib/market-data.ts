import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Points the golden tests at another copy of the market data; an empty or missing folder hides it, which is how
 * the workspace checks prove that every golden suite skips on a machine without it.
 */
export const MARKET_DATA_DIR_VARIABLE = 'AETHERQ_TEST_MARKET_DATA_DIR';

/** The real daily ETF bars beside the repository (`../shared/data/market`, see its PROVENANCE.md). */
const BESIDE_REPOSITORY = resolve(__dirname, '../../../../../shared/data/market');

/** The folder the golden tests read: the variable's, else the one beside the repository. */
function marketDataDir(): string {
  return resolve(process.env[MARKET_DATA_DIR_VARIABLE] || BESIDE_REPOSITORY);
}

/** The data set is there when its own description is: an empty folder counts as absent. */
function hasMarketData(dir: string): boolean {
  return existsSync(join(dir, 'PROVENANCE.md'));
}

/** What a golden suite's body gets: the market data folder, readable only once the suite runs. */
export interface MarketData {
  /** The folder of `<SYMBOL>.csv` files (a CSV provider's `dataDir`, the CLI's `--data-dir`). */
  readonly dir: string;
  /** The path of `<symbol>.csv` in that folder. */
  file(symbol: string): string;
}

/**
 * `describe` for golden tests on the real market data: they run wherever the folder is present, skip with a
 * printed notice where it is absent (a clone elsewhere), and fail in CI, where they must run.
 *
 * The body receives the only handle on the folder. It may use it in hooks and tests, never while the suite
 * is being defined: a skipped suite still defines its tests (so they are listed as skipped) but runs no hook,
 * so a read at definition time would fail the file exactly where the data is missing. Such a read throws
 * here on every machine, data or not, so the mistake shows where the golden tests do run.
 */
export function describeWithMarketData(name: string, body: (market: MarketData) => void): void {
  const dir = marketDataDir();
  let running = false;
  const guarded = (): string => {
    if (!running) {
      throw new Error(
        `"${name}" read the market data while its tests were being defined: read it in beforeAll or in a ` +
          'test, so that where the folder is absent the suite is skipped instead of failing',
      );
    }
    return dir;
  };
  const market: MarketData = {
    get dir() {
      return guarded();
    },
    file: (symbol) => join(guarded(), `${symbol}.csv`),
  };
  const defineSuite = () => {
    // Registered first, so it runs before the body's own hooks and tests.
    beforeAll(() => {
      running = true;
    });
    afterAll(() => {
      running = false;
    });
    body(market);
  };

  if (hasMarketData(dir)) {
    describe(name, defineSuite);
    return;
  }
  if (process.env['CI']) {
    describe(name, () => {
      it('needs the market data folder in CI', () => {
        throw new Error(`market data folder missing: ${dir}`);
      });
    });
    return;
  }
  // Straight to standard error: Jest's reporter drops the console output of a file whose tests all skipped.
  process.stderr.write(
    `[notice] skipping "${name}": no market data at ${dir} (${MARKET_DATA_DIR_VARIABLE} to use a copy)\n`,
  );
  describe.skip(name, defineSuite);
}
