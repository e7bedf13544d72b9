// The golden tests' input: adjusted closes of a few ETFs on the dates all their files share, read with a plain
// CSV parser (the optimisation library may not use @aetherquant/data).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `adj_close` by date from `<dir>/<symbol>.csv`, for dates in [first, last] (ISO dates compare as strings). */
function adjustedCloses(dir: string, symbol: string, first: string, last: string): Map<string, number> {
  const [header, ...lines] = readFileSync(join(dir, `${symbol}.csv`), 'utf8')
    .trim()
    .split(/\r?\n/);
  const columns = (header as string).split(',');
  const dateColumn = columns.indexOf('date');
  const closeColumn = columns.indexOf('adj_close');
  const closes = new Map<string, number>();
  for (const line of lines) {
    const cells = line.split(',');
    const date = cells[dateColumn] as string;
    if (date >= first && date <= last) closes.set(date, Number(cells[closeColumn]));
  }
  return closes;
}

/** The adjusted closes of `symbols` on the dates every one of their files has in [first, last], in date order. */
export function alignedAdjustedCloses(
  dir: string,
  symbols: readonly string[],
  first: string,
  last: string,
): { dates: string[]; closes: Float64Array[] } {
  const bySymbol = symbols.map((symbol) => adjustedCloses(dir, symbol, first, last));
  const dates = [...(bySymbol[0] as Map<string, number>).keys()]
    .filter((date) => bySymbol.every((closes) => closes.has(date)))
    .sort();
  return {
    dates,
    closes: bySymbol.map((closes) => Float64Array.from(dates, (date) => closes.get(date) as number)),
  };
}
