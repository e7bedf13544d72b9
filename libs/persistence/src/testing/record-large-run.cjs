// Used by the persistence suite: records one DBC run with 200,000 orders in one transaction, printing
// "writing" before and "committed" after. The test kills it with SIGKILL in between.
// The built package (the test target builds it first): a plain Node child process cannot load TypeScript.
const { openDatabase } = require('../../dist/index.js');

async function main() {
  const database = await openDatabase(process.argv[2]);
  const start = Date.UTC(2020, 0, 1);
  const orders = Array.from({ length: 200_000 }, (_, i) => ({
    symbol: 'DBC',
    side: i % 2 === 0 ? 'buy' : 'sell',
    quantity: 1 + (i % 7),
    price: 15 + (i % 100) / 100,
    commission: 0.01,
    timestamp: new Date(start + i * 60_000),
    status: 'filled',
  }));
  process.stdout.write('writing\n');
  await database.runs.record({
    type: 'papertrade',
    symbols: ['DBC'],
    parameters: {},
    result: {},
    durationMs: 1,
    orders,
  });
  process.stdout.write('committed\n');
  await database.close();
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
