import { ALLOCATIONS, EQUAL_WEIGHT_BENCHMARK, type HttpUseCaseInput } from '@aetherquant/core';
import { type FormEvent } from 'react';
import { useRememberedState } from '../../app/screen-memory';
import { benchmarkPhrase } from '../../components/benchmark';
import { ChipsInput } from '../../components/chips-input';
import {
  DurationField,
  NumberField,
  numberTextErrors,
  parseOptionalNumber,
  SelectField,
} from '../../components/field';
import { listFieldError } from '../../components/request-outcome';
import {
  benchmarkBody,
  costBody,
  costNumberTexts,
  historyBody,
  type CostValues,
  type HistoryValues,
} from '../../components/run-request';
import { BenchmarkField, CostFields, HistoryFields } from '../../components/run-request-fields';
import { SubmitButton } from '../../components/submit-button';
import { typedSymbol } from '../../components/typed-symbol';
import { useLocalFieldErrors } from '../../components/use-local-field-errors';

export type Allocation = (typeof ALLOCATIONS)[number];

/** How often the weights are set again: on a calendar, or every so many bars. */
export type RebalanceChoice = 'monthly' | 'quarterly' | 'bars';

/** What the person typed, as text: parsed only when the form is sent. */
export interface PortfolioValues extends HistoryValues, CostValues {
  symbols: string[];
  allocation: Allocation;
  rebalance: RebalanceChoice;
  /** With `rebalance: 'bars'`: every how many bars. */
  rebalanceBars: string;
  /** The trailing window each rebalance estimates from (`1y`); empty, the server's default. */
  lookback: string;
  /** A symbol; empty, the equal-weight portfolio. */
  benchmark: string;
}

export const INITIAL_PORTFOLIO_VALUES: PortfolioValues = {
  symbols: ['SPY', 'TLT', 'GLD'],
  period: '5y',
  start: '',
  end: '',
  allocation: 'risk-parity',
  rebalance: 'monthly',
  rebalanceBars: '21',
  lookback: '1y',
  benchmark: '',
  commissionBps: '',
  slippageBps: '',
  initialCash: '',
};

const REBALANCE_OPTIONS: readonly { value: RebalanceChoice; label: string }[] = [
  { value: 'monthly', label: 'Monthly' },
  { value: 'quarterly', label: 'Quarterly' },
  { value: 'bars', label: 'Every N bars' },
];

/** The portfolio backtest's request (`POST /api/backtest` with `symbols`), in the API's snake_case. */
export function portfolioBody(values: PortfolioValues): HttpUseCaseInput<'portfolioBacktest'> {
  const lookback = values.lookback.trim();
  return {
    symbols: values.symbols,
    ...historyBody(values),
    allocation: values.allocation,
    rebalance:
      values.rebalance === 'bars'
        ? (parseOptionalNumber(values.rebalanceBars) ?? Number.NaN)
        : values.rebalance,
    ...(lookback ? { lookback } : {}),
    ...benchmarkBody(values.benchmark),
    ...costBody(values),
  };
}

/** "Must be a number" by request field for the number fields whose text is not one. */
export function portfolioNumberErrors(values: PortfolioValues): Record<string, string> {
  return numberTextErrors([
    ...(values.rebalance === 'bars' ? ([['rebalance', values.rebalanceBars || 'none']] as const) : []),
    ...costNumberTexts(values),
  ]);
}

export interface PortfolioFormProps {
  busy: boolean;
  /** A 400's errors by request field (`symbols`, `allocation`, `rebalance`, `benchmark`). */
  fieldErrors: Record<string, string>;
  onSubmit: (body: HttpUseCaseInput<'portfolioBacktest'>) => void;
}

/**
 * A rebalanced portfolio: its symbols, history, how it allocates (an optimiser, equal weights or inverse
 * volatility), how often it rebalances and over what lookback, its benchmark, and costs.
 */
export function PortfolioForm({ busy, fieldErrors, onSubmit }: PortfolioFormProps) {
  const [values, setValues] = useRememberedState('portfolio.form', INITIAL_PORTFOLIO_VALUES);
  const update = (change: Partial<PortfolioValues>) => setValues({ ...values, ...change });
  const local = useLocalFieldErrors(fieldErrors);
  const errors = local.errors;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!local.check(portfolioNumberErrors(values))) return;
    onSubmit(portfolioBody(values));
  };

  return (
    // noValidate: the server's rules are the ones that count, and its errors show next to each field.
    <form ref={local.form} className="form" onSubmit={submit} noValidate>
      <ChipsInput
        label="Symbols"
        values={values.symbols}
        onValuesChange={(symbols) => update({ symbols })}
        normalize={typedSymbol}
        hint="Two or more. Type a symbol and press Enter or a comma."
        error={listFieldError(errors, 'symbols')}
      />
      <HistoryFields
        values={values}
        update={update}
        errors={errors}
        periodHint="Counted back from the latest bar: 2y, 5y, 10y. The first lookback comes out of it."
      />
      <fieldset className="fieldset">
        <legend>Allocation</legend>
        <SelectField
          label="Allocation"
          value={values.allocation}
          options={ALLOCATIONS.map((allocation) => ({ value: allocation, label: allocation }))}
          onValueChange={(allocation) => update({ allocation: allocation as Allocation })}
          error={errors['allocation']}
          hint="The weights set at each rebalance: an optimiser over the lookback, equal weights or inverse volatility."
        />
        <div className="field-row">
          <SelectField
            label="Rebalance"
            value={values.rebalance}
            options={REBALANCE_OPTIONS}
            onValueChange={(rebalance) => {
              local.edited('rebalance');
              update({ rebalance: rebalance as RebalanceChoice });
            }}
            error={values.rebalance === 'bars' ? undefined : errors['rebalance']}
          />
          {values.rebalance === 'bars' && (
            <NumberField
              label="Every (bars)"
              integer
              value={values.rebalanceBars}
              onValueChange={(rebalanceBars) => {
                local.edited('rebalance');
                update({ rebalanceBars });
              }}
              error={errors['rebalance']}
            />
          )}
          <DurationField
            label="Lookback"
            value={values.lookback}
            onValueChange={(lookback) => update({ lookback })}
            error={errors['lookback']}
            hint="The bars each rebalance estimates from: 6mo, 1y."
          />
        </div>
      </fieldset>
      <BenchmarkField
        value={values.benchmark}
        onValueChange={(benchmark) => update({ benchmark })}
        error={errors['benchmark']}
        defaultPhrase={benchmarkPhrase(EQUAL_WEIGHT_BENCHMARK)}
      />
      <CostFields values={values} update={update} errors={errors} edited={local.edited} />
      <SubmitButton label="Run portfolio backtest" busyLabel="Running portfolio backtest…" busy={busy} />
    </form>
  );
}
