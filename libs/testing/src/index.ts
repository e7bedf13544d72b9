// Test support for the projects' tests: import it from *.spec.ts files only (lint allows nothing else).

export { describeWithMarketData, MARKET_DATA_DIR_VARIABLE, type MarketData } from './lib/market-data';
export {
  FakeBrokerServer,
  type FakeBrokerServerOptions,
  type InjectedFailure,
  type RecordedRequest,
} from './lib/fake-broker-server';
export { rejection } from './lib/rejection';
export { sqliteRows } from './lib/sqlite-rows';
export { startServerProcess, type ServerProcess } from './lib/server-process';
export { clearRedisPrefix, TEST_REDIS_URL, testRedisPrefix } from './lib/test-redis';
export { LONG_SWEEP_JOB, range } from './lib/job-fixtures';
export { closedPort } from './lib/closed-port';
export { TcpProxy } from './lib/tcp-proxy';
export { EMA_TREND_STRATEGY, peekingStrategy } from './lib/strategy-file-fixtures';
export {
  CHROMIUM_PATH,
  chromiumAvailable,
  launchChromium,
  watchTraffic,
  type PageTraffic,
} from './lib/chromium';
