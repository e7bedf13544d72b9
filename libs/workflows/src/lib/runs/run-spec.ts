import { resolve } from 'node:path';
import { DAY_MS, formatBarTime, type Interval, parseInterval, USE_CASES } from '@aetherquant/core';
import { type NewRun, type RunSpec } from '@aetherquant/persistence';
import { fileStrategyNames } from '../strategies/strategy-registry-of';
import { type WorkflowName } from '../workflow/workflow';
import { type WorkflowContext } from '../workflow/workflow-context';

/**
 * The fields a run resolves when the request leaves them out (from the settings, or, for `benchmark`, the
 * traded symbol or `equal-weight`), pinned from its parameters.
 */
const RESOLVED_FIELDS = [
  'provider',
  'commission_bps',
  'slippage_bps',
  'initial_cash',
  'long_only',
  'benchmark',
] as const;

/** The first and last bar of the window a run was asked for, when its recorded span is not it. */
export interface RequestedWindow {
  start: Date;
  end: Date;
}

/**
 * The spec that reruns a run to the same figures: its request with everything it resolved pinned, so nothing
 * depends any more on the day it is rerun or the settings it is rerun with — the window as dates (a `period`
 * such as `1y` moves with the calendar), the interval, provider, costs, cash and benchmark the run used, every strategy
 * parameter (defaults included), the csv folder as an absolute path, and the strategy file a strategy came
 * from (`strategy_file`, for the CLI's `--strategy-file`). Fields the request does not take are never added.
 */
export async function runSpec(
  name: WorkflowName,
  request: Readonly<Record<string, unknown>>,
  run: Pick<NewRun, 'start' | 'end' | 'interval' | 'parameters'>,
  context: WorkflowContext,
  window?: RequestedWindow,
): Promise<RunSpec> {
  const accepts = requestFields(name);
  const pinned: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(request)) if (value !== undefined) pinned[field] = value;
  const put = (field: string, value: unknown) => {
    if (accepts.has(field) && value !== undefined && value !== null) pinned[field] = value;
  };

  const start = window?.start ?? run.start;
  const end = window?.end ?? run.end;
  if (start && end && accepts.has('start') && accepts.has('end')) {
    const interval = parseInterval(run.interval ?? (request['interval'] as string | undefined) ?? '1d');
    delete pinned['period'];
    put('start', formatBarTime(start.getTime(), interval));
    put('end', formatBarTime(lastDayOfBar(end.getTime(), interval), interval));
    put('interval', interval.name);
  }
  const parameters = run.parameters as Record<string, unknown>;
  for (const field of RESOLVED_FIELDS) put(field, parameters[field]);
  put('params', parameters['params']);
  const dataDir =
    pinned['data_dir'] ?? (pinned['provider'] === 'csv' ? context.settings.data.dir : undefined);
  if (typeof dataDir === 'string') put('data_dir', resolve(dataDir));

  const spec: RunSpec = { use_case: name, request: pinned };
  // The file a strategy came from (single-asset or universe alike), for `--strategy-file` on a rerun.
  const strategy = request['strategy'];
  if (typeof strategy === 'string') {
    const name = strategy.trim().toLowerCase();
    for (const path of context.strategyModules ?? []) {
      if ((await fileStrategyNames(path)).includes(name)) {
        spec.strategy_file = path;
        break;
      }
    }
  }
  return spec;
}

function requestFields(name: WorkflowName): Set<string> {
  const schema = USE_CASES[name].request as unknown as { shape?: Record<string, unknown> };
  return new Set(Object.keys(schema.shape ?? {}));
}

/**
 * The last day a bar covers: its own date for daily and shorter bars; for weekly and monthly bars, labelled by
 * the first day of their span, the span's last day. A request ending on a monthly bar's label would not
 * include that bar (its month is not over by then), so a spec pins the end of its span.
 */
function lastDayOfBar(time: number, interval: Interval): number {
  const date = new Date(time);
  if (interval.unit === 'week') return time + (7 * interval.count - 1) * DAY_MS;
  if (interval.unit === 'month')
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + interval.count, 0);
  return time;
}
