import { RANK_METRICS, type RankMetric } from '@aetherquant/core';
import { useId, useState, type CSSProperties } from 'react';
import { type SweepEntry, type SweepReport } from '../../api/types';
import { SelectField } from '../../components/field';
import { formatCount, formatMoney } from '../../components/format';
import { metricDefinition } from '../../components/metric-catalog';
import { RANK_LABELS } from './job-form';

type Figure = number | null;

/** The parameters the kept combinations name, in the order the best one lists them. */
export function sweepParameters(results: readonly SweepEntry[]): string[] {
  return [...new Set(results.flatMap((entry) => Object.keys(entry.params)))];
}

/** One cell: the best kept combination with these two values (others may differ in other parameters). */
export interface HeatCell {
  entry: SweepEntry;
  value: Figure;
}

export interface HeatGrid {
  across: number[];
  down: number[];
  /** By `${across}|${down}`; a pair with no kept combination has no cell. */
  cells: Map<string, HeatCell>;
  /** The largest value's size, the scale's end (0 when none). */
  largest: number;
  smallest: number;
  best: HeatCell | undefined;
}

const sorted = (values: Iterable<number>) => [...new Set(values)].sort((a, b) => a - b);

/**
 * The kept combinations as a grid over parameters `across` and `down` (down is undefined for a one-parameter
 * strategy: one row), each cell the best by `metric` (larger is better, as the sweep ranks: drawdowns are ≤ 0).
 */
export function heatGrid(
  results: readonly SweepEntry[],
  across: string,
  down: string | undefined,
  metric: RankMetric,
): HeatGrid {
  const cells = new Map<string, HeatCell>();
  for (const entry of results) {
    const x = entry.params[across];
    const y = down === undefined ? 0 : entry.params[down];
    if (x === undefined || y === undefined) continue;
    const value = entry[metric];
    const key = `${x}|${y}`;
    const kept = cells.get(key);
    if (!kept || (value !== null && (kept.value === null || value > kept.value)))
      cells.set(key, { entry, value });
  }
  const values = [...cells.values()].flatMap((cell) => (cell.value === null ? [] : [cell.value]));
  const best = [...cells.values()].reduce<HeatCell | undefined>(
    (top, cell) =>
      cell.value !== null && (top === undefined || top.value === null || cell.value > top.value) ? cell : top,
    undefined,
  );
  return {
    across: sorted(results.flatMap((entry) => entry.params[across] ?? [])),
    down: down === undefined ? [0] : sorted(results.flatMap((entry) => entry.params[down] ?? [])),
    cells,
    largest: values.length > 0 ? Math.max(...values) : 0,
    smallest: values.length > 0 ? Math.min(...values) : 0,
    best,
  };
}

/**
 * A cell's colour: a gain or a loss (a return, a ratio, a drawdown) in green or red, stronger with its size
 * against the largest of the grid; final equity, an amount, in the accent colour from the grid's smallest to
 * its largest. At most a 45% tint, so the figure on it keeps its contrast.
 */
function cellStyle(value: Figure, metric: RankMetric, grid: HeatGrid): CSSProperties | undefined {
  if (value === null) return undefined;
  if (metric === 'final_equity') {
    const span = grid.largest - grid.smallest;
    const share = span > 0 ? (value - grid.smallest) / span : 1;
    return { background: `color-mix(in srgb, var(--accent) ${Math.round(8 + share * 37)}%, transparent)` };
  }
  const scale = Math.max(Math.abs(grid.largest), Math.abs(grid.smallest));
  if (scale === 0 || value === 0) return undefined;
  const share = Math.abs(value) / scale;
  const colour = value > 0 ? 'var(--positive)' : 'var(--negative)';
  return { background: `color-mix(in srgb, ${colour} ${Math.round(8 + share * 37)}%, transparent)` };
}

/** A cell's figure: as the metric catalog writes it; final equity in whole dollars, to keep cells narrow. */
function cellText(value: Figure, metric: RankMetric): string {
  if (metric === 'final_equity') return formatMoney(value, { decimals: 0 });
  return metricDefinition(metric).format(value);
}

/**
 * A sweep's kept combinations as a heat map over two of its parameters, coloured by a chosen metric (the one
 * it was ranked by at first); the best cell is starred. A table: each value sits under its column's and
 * beside its row's parameter value, and it scrolls sideways in its own box like every table.
 */
export function SweepHeatMap({ report }: { report: SweepReport }) {
  const id = useId();
  const names = sweepParameters(report.results);
  const [metric, setMetric] = useState<RankMetric>(report.rank_by);
  const [chosenAcross, setAcross] = useState(names[0]);
  const [down, setDown] = useState(names[1]);
  // A choice another sweep's parameters made (the view shown again with another report) falls back.
  const across = chosenAcross !== undefined && names.includes(chosenAcross) ? chosenAcross : names[0];
  if (across === undefined) return null;
  const rows =
    down !== undefined && down !== across && names.includes(down)
      ? down
      : names.find((name) => name !== across);
  const grid = heatGrid(report.results, across, rows, metric);
  const options = names.map((name) => ({ value: name, label: name }));
  const others = names.filter((name) => name !== across && name !== rows);
  return (
    <figure className="heat-map" aria-labelledby={`${id}-caption`}>
      <div className="field-row">
        <SelectField
          label="Colour by"
          value={metric}
          options={RANK_METRICS.map((name) => ({ value: name, label: RANK_LABELS[name] }))}
          onValueChange={(name) => setMetric(name as RankMetric)}
        />
        {names.length > 1 && (
          <>
            <SelectField label="Across" value={across} options={options} onValueChange={setAcross} />
            <SelectField
              label="Down"
              value={rows ?? ''}
              options={options.filter((option) => option.value !== across)}
              onValueChange={setDown}
            />
          </>
        )}
      </div>
      <figcaption id={`${id}-caption`} className="heat-map__caption">
        {RANK_LABELS[metric]} by {across}
        {rows === undefined ? '' : ` (across) and ${rows} (down)`}: the {formatCount(report.results.length)}{' '}
        best of {formatCount(report.combinations)} combinations; the best cell ★.
        {others.length > 0 && ` Each cell shows its best over ${others.join(', ')}.`}
        {report.results.length < report.combinations && ' Blank cells were not among the best kept.'}
      </figcaption>
      <div className="table-scroll" role="region" aria-label="Heat map" tabIndex={0}>
        <table className="heat-map__table">
          <thead>
            <tr>
              <th scope="col">{rows === undefined ? '' : `${rows} \\ ${across}`}</th>
              {grid.across.map((x) => (
                <th key={x} scope="col" className="numeric">
                  {x}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.down.map((y) => (
              <tr key={y}>
                <th scope="row" className="numeric">
                  {rows === undefined ? RANK_LABELS[metric] : y}
                </th>
                {grid.across.map((x) => {
                  const cell = grid.cells.get(`${x}|${y}`);
                  const isBest = cell !== undefined && cell === grid.best;
                  return (
                    <td
                      key={x}
                      className={
                        isBest ? 'numeric heat-map__cell heat-map__cell--best' : 'numeric heat-map__cell'
                      }
                      style={cell ? cellStyle(cell.value, metric, grid) : undefined}
                      data-across={x}
                      data-down={rows === undefined ? undefined : y}
                      data-value={cell?.value ?? undefined}
                    >
                      {cell ? cellText(cell.value, metric) : ''}
                      {isBest && (
                        <>
                          <span aria-hidden="true"> ★</span>
                          <span className="visually-hidden"> (best)</span>
                        </>
                      )}
                      {!cell && <span className="visually-hidden">not kept</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
