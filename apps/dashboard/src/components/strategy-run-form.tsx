import { type FormEvent } from 'react';
import { type StrategyDescription } from '../api/types';
import { useStrategies } from '../api/use-strategies';
import { useRememberedState } from '../app/screen-memory';
import { parseOptionalNumber, SelectField, TextField } from './field';
import { RequestError } from './request-error';
import { SubmitButton } from './submit-button';

/** What the person typed, as text: parsed only when the form is sent. */
export interface StrategyRunValues {
  symbol: string;
  period: string;
  start: string;
  end: string;
  strategy: string;
  /** Parameter values typed so far, by name; a parameter not typed keeps its default. */
  params: Record<string, string>;
  commissionBps: string;
  slippageBps: string;
}

export const DEFAULT_STRATEGY = 'ma-cross';

export function initialStrategyRunValues(period: string): StrategyRunValues {
  return {
    symbol: 'SPY',
    period,
    start: '',
    end: '',
    strategy: DEFAULT_STRATEGY,
    params: {},
    commissionBps: '',
    slippageBps: '',
  };
}

/**
 * The JSON body of a backtest or paper trade, in the API's snake_case. Dates, when given, replace the period
 * (the API takes one or the other); empty costs are left out so the server's defaults apply; every parameter
 * of the strategy is sent, typed or default, so the run says exactly what it ran.
 */
export function strategyRunBody(
  values: StrategyRunValues,
  strategy: StrategyDescription | undefined,
): Record<string, unknown> {
  const byDates = values.start.trim() !== '' || values.end.trim() !== '';
  const params = Object.fromEntries(
    (strategy?.parameters ?? []).map((parameter) => [
      parameter.name,
      parseOptionalNumber(values.params[parameter.name] ?? '') ?? parameter.default,
    ]),
  );
  const commission = parseOptionalNumber(values.commissionBps);
  const slippage = parseOptionalNumber(values.slippageBps);
  return {
    symbol: values.symbol.trim().toUpperCase(),
    ...(byDates
      ? {
          ...(values.start.trim() ? { start: values.start.trim() } : {}),
          ...(values.end.trim() ? { end: values.end.trim() } : {}),
        }
      : values.period.trim()
        ? { period: values.period.trim() }
        : {}),
    strategy: values.strategy,
    params,
    ...(commission === undefined ? {} : { commission_bps: commission }),
    ...(slippage === undefined ? {} : { slippage_bps: slippage }),
  };
}

export interface StrategyRunFormProps {
  /** Keeps what was typed across tab switches, per screen. */
  memoryKey: string;
  defaultPeriod: string;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  /** A 400's errors by request field (`symbol`, `params.fast`, `commission_bps`). */
  fieldErrors: Record<string, string>;
  onSubmit: (body: Record<string, unknown>) => void;
}

/** Symbol, period or dates, strategy with its parameters, and costs: the form of a backtest and a paper trade. */
export function StrategyRunForm(props: StrategyRunFormProps) {
  const { memoryKey, defaultPeriod, submitLabel, busyLabel, busy, fieldErrors, onSubmit } = props;
  const [values, setValues] = useRememberedState(
    `${memoryKey}.form`,
    initialStrategyRunValues(defaultPeriod),
  );
  const strategies = useStrategies();
  const list = strategies.state.status === 'success' ? strategies.state.data.strategies : [];
  const strategy = list.find((candidate) => candidate.name === values.strategy);
  const update = (change: Partial<StrategyRunValues>) => setValues({ ...values, ...change });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(strategyRunBody(values, strategy));
  };

  const options =
    list.length > 0
      ? list.map((candidate) => ({ value: candidate.name, label: candidate.name }))
      : [{ value: values.strategy, label: values.strategy }];

  return (
    // noValidate: the server's rules are the ones that count, and its errors show next to each field.
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        label="Symbol"
        value={values.symbol}
        onValueChange={(symbol) => update({ symbol })}
        error={fieldErrors['symbol']}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
      />
      <fieldset className="fieldset">
        <legend>History</legend>
        <TextField
          label="Period"
          value={values.period}
          onValueChange={(period) => update({ period })}
          error={fieldErrors['period']}
          hint="Counted back from the latest bar: 6mo, 1y, 2y, 5y. Start and end dates replace it."
          autoComplete="off"
          spellCheck={false}
        />
        <div className="field-row">
          <TextField
            label="Start date"
            type="date"
            value={values.start}
            onValueChange={(start) => update({ start })}
            error={fieldErrors['start']}
          />
          <TextField
            label="End date"
            type="date"
            value={values.end}
            onValueChange={(end) => update({ end })}
            error={fieldErrors['end']}
          />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>Strategy</legend>
        <SelectField
          label="Strategy"
          value={values.strategy}
          options={options}
          disabled={list.length === 0}
          // A new strategy has other parameters: start from its defaults.
          onValueChange={(name) => update({ strategy: name, params: {} })}
          error={fieldErrors['strategy']}
          hint={strategy?.description}
        />
        {strategies.state.status === 'error' && (
          <RequestError error={strategies.state.error} onRetry={strategies.retry} />
        )}
        {strategy && strategy.parameters.length > 0 && (
          <div className="field-row">
            {strategy.parameters.map((parameter) => (
              <TextField
                key={parameter.name}
                label={parameter.name}
                type="number"
                inputMode={parameter.kind === 'integer' ? 'numeric' : 'decimal'}
                step={parameter.kind === 'integer' ? 1 : 'any'}
                min={parameter.min}
                max={parameter.max}
                value={values.params[parameter.name] ?? String(parameter.default)}
                onValueChange={(text) => update({ params: { ...values.params, [parameter.name]: text } })}
                error={fieldErrors[`params.${parameter.name}`]}
                hint={parameter.description}
              />
            ))}
          </div>
        )}
      </fieldset>
      <fieldset className="fieldset">
        <legend>Costs</legend>
        <div className="field-row">
          <TextField
            label="Commission (bps)"
            type="number"
            inputMode="decimal"
            step="any"
            min={0}
            value={values.commissionBps}
            placeholder="Server default"
            onValueChange={(commissionBps) => update({ commissionBps })}
            error={fieldErrors['commission_bps']}
          />
          <TextField
            label="Slippage (bps)"
            type="number"
            inputMode="decimal"
            step="any"
            min={0}
            value={values.slippageBps}
            placeholder="Server default"
            onValueChange={(slippageBps) => update({ slippageBps })}
            error={fieldErrors['slippage_bps']}
          />
        </div>
      </fieldset>
      <SubmitButton label={submitLabel} busyLabel={busyLabel} busy={busy} />
    </form>
  );
}
