export interface BarChartProps {
  /** The chart's accessible name ("Weights"); the values are also in a table beside it. */
  label: string;
  values: readonly { name: string; value: number }[];
  format: (value: number) => string;
}

/**
 * Horizontal bars drawn with CSS (resizes with its container, no chart library needed). Negative values
 * (short weights) grow left of a zero line.
 */
export function BarChart({ label, values, format }: BarChartProps) {
  const lowest = Math.min(0, ...values.map((bar) => bar.value));
  const highest = Math.max(0, ...values.map((bar) => bar.value));
  const span = highest - lowest || 1;
  const zero = (-lowest / span) * 100;
  return (
    <div role="img" aria-label={label} className="bar-chart">
      {values.map((bar) => {
        const width = (Math.abs(bar.value) / span) * 100;
        const left = bar.value >= 0 ? zero : zero - width;
        return (
          <div key={bar.name} className="bar-chart__row" aria-hidden="true">
            <span className="bar-chart__name">{bar.name}</span>
            <span className="bar-chart__track">
              <span
                className={bar.value >= 0 ? 'bar-chart__bar' : 'bar-chart__bar bar-chart__bar--negative'}
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
