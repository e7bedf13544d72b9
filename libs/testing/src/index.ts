// Test support for the projects' tests: import it from *.spec.ts files only (lint allows nothing else).

export { describeWithMarketData, MARKET_DATA_DIR } from './lib/market-data';
export { rejection } from './lib/rejection';
export { startServerProcess, type ServerProcess } from './lib/server-process';
