import { DEFAULT_STRATEGY } from '@aetherquant/core';
import { type FormEvent } from 'react';
import { type StrategyDescription } from '../api/types';
import { useStrategies } from '../api/use-strategies';
import { useRememberedState } from '../app/screen-memory';
import { NumberField, numberTextError, parseOptionalNumber, SelectField, TextField } from './field';
import { RequestError } from './request-error';
import { SubmitButton } from './submit-button';
import { useLocalFieldErrors } from './use-local-field-errors';

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

/**
 * "Must be a number" by request field (`params.fast`, `commission_bps`) for the number fields whose text is not
 * a number: the form is not sent with them (they would otherwise go as null, or worse, as the default).
 */
export function strategyRunNumberErrors(
  values: StrategyRunValues,
  strategy: StrategyDescription | undefined,
): Record<string, string> {
  const texts: [string, string | undefined][] = [
    ...(strategy?.parameters ?? []).map((parameter): [string, string | undefined] => [
      `params.${parameter.name}`,
      values.params[parameter.name],
    ]),
    ['commission_bps', values.commissionBps],
    ['slippage_bps', values.slippageBps],
  ];
  const errors: Record<string, string> = {};
  for (const [field, text] of texts) {
    const error = numberTextError(text);
    if (error) errors[field] = error;
  }
  return errors;
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
  const { memoryKey, defaultPeriod, submitLabel, busyLabel, busy, onSubmit } = props;
  const [values, setValues] = useRememberedState(
    `${memoryKey}.form`,
    initialStrategyRunValues(defaultPeriod),
  );
  const strategies = useStrategies();
  const list = strategies.state.status === 'success' ? strategies.state.data.strategies : [];
  const strategy = list.find((candidate) => candidate.name === values.strategy);
  const update = (change: Partial<StrategyRunValues>) => setValues({ ...values, ...change });
  const local = useLocalFieldErrors(props.fieldErrors);
  const errors = local.errors;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!local.check(strategyRunNumberErrors(values, strategy))) return;
    onSubmit(strategyRunBody(values, strategy));
  };

  const options =
    list.length > 0
      ? list.map((candidate) => ({ value: candidate.name, label: candidate.name }))
      : [{ value: values.strategy, label: values.strategy }];

  return (
    // noValidate: the server's rules are the ones that count, and its errors show next to each field.
    <form ref={local.form} className="form" onSubmit={submit} noValidate>
      <TextField
        label="Symbol"
        value={values.symbol}
        onValueChange={(symbol) => update({ symbol })}
        error={errors['symbol']}
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
          error={errors['period']}
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
            error={errors['start']}
          />
          <TextField
            label="End date"
            type="date"
            value={values.end}
            onValueChange={(end) => update({ end })}
            error={errors['end']}
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
          onValueChange={(name) => {
            local.reset();
            update({ strategy: name, params: {} });
          }}
          error={errors['strategy']}
          hint={strategy?.description}
        />
        {strategies.state.status === 'error' && (
          <RequestError error={strategies.state.error} onRetry={strategies.retry} />
        )}
        {strategy && strategy.parameters.length > 0 && (
          <div className="field-row">
            {strategy.parameters.map((parameter) => (
              <NumberField
                key={parameter.name}
                label={parameter.name}
                integer={parameter.kind === 'integer'}
                value={values.params[parameter.name] ?? String(parameter.default)}
                onValueChange={(text) => {
                  local.edited(`params.${parameter.name}`);
                  update({ params: { ...values.params, [parameter.name]: text } });
                }}
                error={errors[`params.${parameter.name}`]}
                hint={parameter.description}
              />
            ))}
          </div>
        )}
      </fieldset>
      <fieldset className="fieldset">
        <legend>Costs</legend>
        <div className="field-row">
          <NumberField
            label="Commission (bps)"
            value={values.commissionBps}
            placeholder="Server default"
            onValueChange={(commissionBps) => {
              local.edited('commission_bps');
              update({ commissionBps });
            }}
            error={errors['commission_bps']}
          />
          <NumberField
            label="Slippage (bps)"
            value={values.slippageBps}
            placeholder="Server default"
            onValueChange={(slippageBps) => {
              local.edited('slippage_bps');
              update({ slippageBps });
            }}
            error={errors['slippage_bps']}
          />
        </div>
      </fieldset>
      <SubmitButton label={submitLabel} busyLabel={busyLabel} busy={busy} />
    </form>
  );
}
