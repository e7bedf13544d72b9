import { createRequire } from 'node:module';
import { join } from 'node:path';
import { strategiesOfModule } from '../lib/registry/strategy-module';
import { type Strategy } from '../lib/strategy/strategy';

/**
 * The test strategy's module (`test-constant`), by absolute path as apps are given strategy files. The
 * API's and the CLI's tests name the same file.
 */
export const TEST_STRATEGY_MODULE = join(__dirname, 'test-constant.strategy.js');

/**
 * The test strategy, read from its module as an app reads a strategy file. Loaded synchronously (Node's own
 * `require`, the file being plain CommonJS) because suites declare their tests from it.
 */
export function loadTestStrategy(): Strategy {
  const [strategy] = strategiesOfModule(
    createRequire(__filename)(TEST_STRATEGY_MODULE),
    TEST_STRATEGY_MODULE,
  );
  if (strategy === undefined) throw new Error(`${TEST_STRATEGY_MODULE} defines no strategy`);
  return strategy;
}
