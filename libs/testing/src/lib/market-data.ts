import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The real daily ETF bars beside the repository (`../shared/data/market`, see its PROVENANCE.md). */
export const MARKET_DATA_DIR = resolve(__dirname, '../../../../../shared/data/market');

/**
 * `describe` for golden tests on the real market data: they run wherever the folder is present, skip with
 * a printed notice where it is absent (a clone elsewhere), and fail in CI, where they must run.
 */
export function describeWithMarketData(name: string, body: () => void): void {
  if (existsSync(MARKET_DATA_DIR)) {
    describe(name, body);
    return;
  }
  if (process.env['CI']) {
    describe(name, () => {
      it('needs the market data folder in CI', () => {
        throw new Error(`market data folder missing: ${MARKET_DATA_DIR}`);
      });
    });
    return;
  }
  console.log(`[notice] skipping "${name}": no market data at ${MARKET_DATA_DIR}`);
  describe.skip(name, body);
}
