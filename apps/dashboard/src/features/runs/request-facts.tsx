import { type Fact, Facts } from '../../components/facts';
import {
  formatBasisPoints,
  formatCount,
  formatDecimal,
  formatFigure,
  formatMoney,
  formatPercent,
} from '../../components/format';
import { isRecord } from './run-kind';

/** How a request's field reads, by its name; fields not named here read by their value's type. */
const FIELDS: Readonly<Record<string, { label: string; format?: (value: unknown) => string }>> = {
  symbol: { label: 'Symbol' },
  symbols: { label: 'Symbols' },
  start: { label: 'Start' },
  end: { label: 'End' },
  period: { label: 'Period' },
  interval: { label: 'Interval' },
  provider: { label: 'Data' },
  strategy: { label: 'Strategy' },
  params: { label: 'Parameters' },
  grid: { label: 'Grid' },
  rank_by: { label: 'Ranked by' },
  top: { label: 'Top', format: (value) => formatCount(numberOf(value)) },
  train: { label: 'Train window' },
  test: { label: 'Test window' },
  method: { label: 'Method' },
  allocation: { label: 'Allocation' },
  rebalance: { label: 'Rebalance' },
  lookback: { label: 'Lookback' },
  covariance: { label: 'Covariance' },
  risk_aversion: { label: 'Risk aversion', format: (value) => formatDecimal(numberOf(value)) },
  max_weight: { label: 'Max weight', format: (value) => formatPercent(numberOf(value)) },
  risk_free_rate: { label: 'Risk-free rate', format: (value) => formatPercent(numberOf(value), 2) },
  risk_budgets: { label: 'Risk budgets', format: (value) => listOf(value, (share) => formatPercent(share)) },
  allow_short: { label: 'Short positions' },
  long_only: { label: 'Long only' },
  fractional: { label: 'Fractional shares' },
  commission_bps: { label: 'Commission', format: (value) => formatBasisPoints(numberOf(value)) },
  slippage_bps: { label: 'Slippage', format: (value) => formatBasisPoints(numberOf(value)) },
  initial_cash: { label: 'Initial cash', format: (value) => formatMoney(numberOf(value)) },
  seed: { label: 'Synthetic seed' },
  data_dir: { label: 'Data folder' },
  universe: { label: 'Universe' },
};

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** `fast 20, slow 50`, each value read by `format`. */
function listOf(value: unknown, format: (value: number) => string): string {
  if (!isRecord(value)) return String(value);
  return Object.entries(value)
    .map(([name, item]) => `${name} ${typeof item === 'number' ? format(item) : String(item)}`)
    .join(', ');
}

/** A value by its type: yes/no, a list joined, a record as `name value` pairs (a grid's lists joined). */
function valueText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatFigure(value);
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  if (isRecord(value))
    return Object.entries(value)
      .map(([name, item]) => `${name} ${Array.isArray(item) ? `(${valueText(item)})` : valueText(item)}`)
      .join(', ');
  if (value === null || value === undefined) return '–';
  return String(value);
}

function labelOf(name: string): string {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A request (a run's spec, or its parameters) field by field, each read as a person would write it. */
export function requestFacts(request: Readonly<Record<string, unknown>>): Fact[] {
  return Object.entries(request).map(([name, value]) => {
    const field = FIELDS[name];
    const text = field?.format ? field.format(value) : valueText(value);
    return { label: field?.label ?? labelOf(name), value: text, breakAnywhere: true };
  });
}

export function RequestFacts({ request }: { request: Readonly<Record<string, unknown>> }) {
  return <Facts facts={requestFacts(request)} />;
}
