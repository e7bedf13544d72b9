import { useEffect, useMemo, type ReactNode } from 'react';
import { describeError } from '../../api/error-message';
import { type RunDetailView } from '../../api/types';
import { useRequest } from '../../api/use-request';
import { useSession } from '../../app/session';
import { benchmarkName } from '../../components/benchmark';
import { type ChartLine } from '../../components/chart-engine';
import { formatIndexed, formatIndexedTick } from '../../components/chart-formats';
import { DataTable, type Column } from '../../components/data-table';
import { formatCount, formatDateTime } from '../../components/format';
import { bestPositions, catalogOrder, metricDefinition } from '../../components/metric-catalog';
import { RunWarnings } from '../../components/provider-note';
import { RequestError } from '../../components/request-error';
import { RequestOutcome } from '../../components/request-outcome';
import { Signed } from '../../components/signed';
import { Progress } from '../../components/submit-button';
import { TimeSeriesChart } from '../../components/time-series-chart';
import { loadRunCurves } from './run-curves';
import { RUN_KIND_LABELS, RUN_KIND_TABLES, recordedBenchmark, runKind, type RunKind } from './run-kind';

type Figure = number | null | undefined;

/** A run being compared, with the name it goes by in the table and the chart ("1 · Backtest SPY"). */
export interface ComparedRun {
  detail: RunDetailView;
  kind: RunKind | undefined;
  name: string;
}

export function comparedRuns(details: readonly RunDetailView[]): ComparedRun[] {
  return details.map((detail, index) => {
    const kind = runKind(detail);
    return {
      detail,
      kind,
      name: `${index + 1} · ${kind ? RUN_KIND_LABELS[kind] : detail.type} ${detail.symbols.join(', ')}`,
    };
  });
}

/** A recorded figure of a run: its metrics, and its final equity (kept beside them). */
export function recordedFigure(detail: RunDetailView, name: string): Figure {
  if (name === 'final_equity') return detail.metrics['final_equity'] ?? detail.final_equity;
  return detail.metrics[name];
}

/** Every figure any of the runs recorded, in the catalog's order. */
export function comparedFigures(runs: readonly ComparedRun[]): string[] {
  const names = runs.flatMap(({ detail }) => [
    ...Object.keys(detail.metrics),
    ...(detail.final_equity === null ? [] : ['final_equity']),
  ]);
  return catalogOrder(names);
}

interface Row {
  key: string;
  label: string;
  cells: readonly ReactNode[];
}

/** What each run was, as the first rows: when, the strategy, the window and the benchmark. */
function describingRows(runs: readonly ComparedRun[]): Row[] {
  const request = (run: ComparedRun) => run.detail.spec?.request ?? run.detail.parameters;
  const day = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : undefined);
  return [
    { key: 'recorded', label: 'Recorded', cells: runs.map((run) => formatDateTime(run.detail.created_at)) },
    {
      key: 'strategy',
      label: 'Strategy',
      cells: runs.map((run) => {
        const fields = request(run);
        const strategy = typeof fields['strategy'] === 'string' ? fields['strategy'] : fields['allocation'];
        const params = fields['params'];
        const named =
          typeof params === 'object' && params !== null
            ? ` ${Object.entries(params)
                .map(([name, value]) => `${name} ${String(value)}`)
                .join(', ')}`
            : '';
        return `${typeof strategy === 'string' ? strategy : '–'}${named}`;
      }),
    },
    {
      key: 'window',
      label: 'Window',
      cells: runs.map((run) => {
        const fields = request(run);
        const start = day(fields['start']) ?? day(run.detail.start);
        const end = day(fields['end']) ?? day(run.detail.end);
        return start && end ? `${start} – ${end}` : (run.detail.period ?? '–');
      }),
    },
    {
      key: 'benchmark',
      label: 'Benchmark',
      cells: runs.map((run) => benchmarkName(recordedBenchmark(run.detail, run.kind))),
    },
  ];
}

/** One figure of one run: formatted and coloured by the catalog, its exact value kept for tools and tests. */
function FigureCell({ name, value, best }: { name: string; value: Figure; best: boolean }) {
  const { format, signed } = metricDefinition(name);
  return (
    <span
      className={best ? 'compare__figure compare__figure--best' : 'compare__figure'}
      data-value={value ?? ''}
    >
      {signed ? <Signed value={value} format={format} /> : format(value)}
      {best && (
        <>
          <span aria-hidden="true"> ★</span>
          <span className="visually-hidden"> (best)</span>
        </>
      )}
    </span>
  );
}

function figureRows(runs: readonly ComparedRun[]): Row[] {
  return comparedFigures(runs).map((name) => {
    const values = runs.map((run) => recordedFigure(run.detail, name));
    const best = new Set(bestPositions(name, values));
    return {
      key: name,
      label: metricDefinition(name).label,
      cells: values.map((value, index) => (
        <FigureCell key={index} name={name} value={value} best={best.has(index)} />
      )),
    };
  });
}

/** The runs' recorded figures side by side, a column per run, the best of each row starred. */
export function ComparisonTable({ runs }: { runs: readonly ComparedRun[] }) {
  const rows = [...describingRows(runs), ...figureRows(runs)];
  const columns: Column<Row>[] = [
    { header: 'Figure', cell: (row) => row.label },
    ...runs.map((run, index): Column<Row> => ({
      header: run.name,
      cell: (row) => row.cells[index],
      numeric: true,
    })),
  ];
  return (
    // Its own class: on a phone two runs fit beside their labels (cells wrap, figures do not).
    <div className="comparison__table">
      <DataTable label="Figures compared" columns={columns} rows={rows} rowKey={(row) => row.key} />
    </div>
  );
}

/** The runs picked on the runs screen, compared: their recorded figures, then their equity curves overlaid. */
export function CompareRuns({ ids, onBack }: { ids: readonly string[]; onBack: () => void }) {
  const { client } = useSession();
  const request = useRequest<RunDetailView[]>();
  const { run } = request;
  const key = ids.join(',');
  useEffect(() => {
    run((signal) => Promise.all(key.split(',').map((id) => client.call('run', { id }, { signal }))));
  }, [run, client, key]);
  return (
    <>
      <button type="button" className="button button--secondary" onClick={onBack}>
        Back to runs
      </button>
      <RequestOutcome request={request} progressLabel="Loading the runs">
        {(details) => <Comparison details={details} />}
      </RequestOutcome>
    </>
  );
}

function Comparison({ details }: { details: readonly RunDetailView[] }) {
  const runs = useMemo(() => comparedRuns(details), [details]);
  return (
    <section aria-label="Comparison" className="comparison">
      <h3>{formatCount(runs.length)} runs compared</h3>
      <p className="muted">
        Each run&apos;s figures as it recorded them; ★ marks the best of a row where a figure has a better
        side (higher returns and ratios, shallower drawdowns, lower volatility). Beta, exposure and equity are
        not ranked: runs of different cash or aims differ there without one being better.
      </p>
      <ComparisonTable runs={runs} />
      <h4>Equity, 100 at each run&apos;s first bar</h4>
      <CurvesOverlay runs={runs} />
    </section>
  );
}

interface Overlay {
  lines: ChartLine[];
  time: string[];
  /** Runs without a curve, and why. */
  missing: string[];
  warnings: string[];
}

/** The colours of the overlaid curves (styles.css), taken in turn. */
const SERIES_COLOURS = 6;

/**
 * Each run's equity (read from its report's equity table: the server reruns the run) as an index, 100 at
 * its first bar, so runs of different initial cash compare; over the union of their bars, each line
 * broken where its run has none.
 */
export function overlayOf(curves: readonly { name: string; time: string[]; equity: number[] }[]): {
  lines: ChartLine[];
  time: string[];
} {
  const time = [...new Set(curves.flatMap((curve) => curve.time))].sort();
  const lines = curves.map((curve, index): ChartLine => {
    const first = curve.equity[0] ?? Number.NaN;
    const byTime = new Map(curve.time.map((at, i) => [at, ((curve.equity[i] as number) / first) * 100]));
    return {
      name: curve.name,
      values: time.map((at) => byTime.get(at) ?? null),
      colorVariable: `--chart-series-${(index % SERIES_COLOURS) + 1}`,
    };
  });
  return { lines, time };
}

function CurvesOverlay({ runs }: { runs: readonly ComparedRun[] }) {
  const { client } = useSession();
  const request = useRequest<Overlay>();
  const { run } = request;
  useEffect(() => {
    run(async (signal) => {
      const withCurves = runs.filter(
        (compared) => compared.kind && RUN_KIND_TABLES[compared.kind].includes('equity'),
      );
      const read = await Promise.allSettled(
        withCurves.map((compared) => loadRunCurves(client, compared.detail.id, signal)),
      );
      const curves: { name: string; time: string[]; equity: number[] }[] = [];
      const missing = runs
        .filter((compared) => !withCurves.includes(compared))
        .map(
          (compared) =>
            `${compared.name}: ${compared.kind ? RUN_KIND_LABELS[compared.kind].toLowerCase() : compared.detail.type} runs draw no equity curve`,
        );
      const warnings = new Set<string>();
      read.forEach((outcome, index) => {
        const compared = withCurves[index] as ComparedRun;
        if (outcome.status === 'rejected') {
          missing.push(`${compared.name}: ${describeError(outcome.reason).title}`);
          return;
        }
        for (const warning of outcome.value.warnings) warnings.add(warning);
        curves.push({
          name: compared.name,
          time: outcome.value.chart.time,
          equity: outcome.value.chart.equity,
        });
      });
      return { ...overlayOf(curves), missing, warnings: [...warnings] };
    });
  }, [run, client, runs]);
  // Not a RequestOutcome: the curves come while the person reads the table, which keeps the focus.
  const { state } = request;
  if (state.status === 'error') return <RequestError error={state.error} onRetry={request.retry} />;
  if (state.status !== 'success') return <Progress label="Recomputing the runs' curves" />;
  const overlay = state.data;
  return (
    <>
      <RunWarnings warnings={overlay.warnings} />
      {overlay.lines.length > 0 && (
        <TimeSeriesChart
          testId="compare-chart"
          label={`Equity of ${overlay.lines.map((line) => line.name).join('; ')}, each 100 at its first bar`}
          time={overlay.time}
          lines={overlay.lines}
          format={formatIndexed}
          tickFormat={formatIndexedTick}
          logScaleToggle
        />
      )}
      {overlay.missing.length > 0 && (
        <ul className="muted compare__missing">
          {overlay.missing.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </>
  );
}
