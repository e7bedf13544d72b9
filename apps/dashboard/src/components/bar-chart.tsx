export interface BarChartProps {
  /** The chart's accessible name ("Weights"); the values are also in a table beside it. */
  label: string;
  /** Fractions of a whole (weights, shares of risk): 0.25 is a quarter. */
  values: readonly { name: string; value: number }[];
  format: (value: number) => string;
}

/**
 * Where a bar starts and how wide it is, in percent of its track. The scale is the whole, 100%, not the largest
 * value: a 25% weight fills a quarter of the track whatever the other weights are, so two charts (or two runs)
 * read alike. A value beyond 100% (leverage) widens the scale to it. With short (negative) values the track is
 * split at its middle: each side is the scale, longs growing right and shorts left from the zero line.
 */
export function barGeometry(
  values: readonly number[],
): (value: number) => { left: number; width: number; zero: number } {
  const largest = Math.max(1, ...values.map((value) => Math.abs(value)));
  const anyShort = values.some((value) => value < 0);
  const zero = anyShort ? 50 : 0;
  const side = anyShort ? 50 : 100;
  return (value) => {
    const width = (Math.abs(value) / largest) * side;
    return { left: value >= 0 ? zero : zero - width, width, zero };
  };
}

/** Horizontal bars drawn with CSS (resizes with its container, no chart library needed). */
export function BarChart({ label, values, format }: BarChartProps) {
  const geometry = barGeometry(values.map((bar) => bar.value));
  return (
    <div role="img" aria-label={label} className="bar-chart">
      {values.map((bar) => {
        const { left, width, zero } = geometry(bar.value);
        return (
          <div key={bar.name} className="bar-chart__row" aria-hidden="true">
            <span className="bar-chart__name">{bar.name}</span>
            <span className="bar-chart__track" data-testid={`bar-track-${bar.name}`}>
              {zero > 0 && <span className="bar-chart__zero" style={{ left: `${zero}%` }} />}
              <span
                className={bar.value >= 0 ? 'bar-chart__bar' : 'bar-chart__bar bar-chart__bar--negative'}
                data-testid={`bar-${bar.name}`}
                data-value={bar.value}
                style={{ left: `${left}%`, width: `${width}%` }}
              />
            </span>
            <span className="bar-chart__value">{format(bar.value)}</span>
          </div>
        );
      })}
    </div>
  );
}
