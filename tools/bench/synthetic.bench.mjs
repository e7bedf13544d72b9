// Synthetic data generation: ten years of daily bars and one year of 5-minute bars for one symbol.
import { SyntheticProvider } from '@aetherquant/data';
import { figures } from './measure.mjs';

const now = () => Date.UTC(2024, 5, 3, 12);
async function measure(name, request, runs = 7) {
  const durations = [];
  let rows = 0;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    rows = (await new SyntheticProvider({ seed: run, now }).getBars(request)).length;
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  console.log(figures(name, durations, { rows }));
}

await measure('synthetic-daily-10y', { symbol: 'SPY', period: '10y' });
await measure('synthetic-5m-1y', { symbol: 'SPY', period: '1y', interval: '5m' }, 3);
