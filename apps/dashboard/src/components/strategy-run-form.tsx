import { type FormEvent } from 'react';
import { type StrategyDescription } from '../api/types';
import { useStrategyChoice } from '../api/use-strategies';
import { useRememberedState } from '../app/screen-memory';
import { benchmarkPhrase } from './benchmark';
import { NumberField, numberTextErrors, parseOptionalNumber } from './field';
import {
  benchmarkBody,
  costNumberTexts,
  initialRunRequestValues,
  runRequestBody,
  type RunRequestValues,
} from './run-request';
import { BenchmarkField, CostFields, StrategySelect, SymbolAndHistoryFields } from './run-request-fields';
import { SubmitButton } from './submit-button';
import { useLocalFieldErrors } from './use-local-field-errors';

/** What the person typed, as text: parsed only when the form is sent. */
export interface StrategyRunValues extends RunRequestValues {
  /** Parameter values typed so far, by name; a parameter not typed keeps its default. */
  params: Record<string, string>;
}

export function initialStrategyRunValues(period: string): StrategyRunValues {
  return { ...initialRunRequestValues(period), params: {} };
}

/**
 * The JSON body of a backtest or paper trade, in the API's snake_case (`runRequestBody`): every parameter of
 * the strategy is sent, typed or default, so the run says exactly what it ran.
 */
export function strategyRunBody(
  values: StrategyRunValues,
  strategy: StrategyDescription | undefined,
): Record<string, unknown> {
  const params = Object.fromEntries(
    (strategy?.parameters ?? []).map((parameter) => [
      parameter.name,
      parseOptionalNumber(values.params[parameter.name] ?? '') ?? parameter.default,
    ]),
  );
  return runRequestBody(values, { params, ...benchmarkBody(values.benchmark) });
}

/**
 * "Must be a number" by request field (`params.fast`, `commission_bps`) for the number fields whose text is not
 * a number: the form is not sent with them (they would otherwise go as null, or worse, as the default).
 */
export function strategyRunNumberErrors(
  values: StrategyRunValues,
  strategy: StrategyDescription | undefined,
): Record<string, string> {
  return numberTextErrors([
    ...(strategy?.parameters ?? []).map((parameter): [string, string | undefined] => [
      `params.${parameter.name}`,
      values.params[parameter.name],
    ]),
    ...costNumberTexts(values),
  ]);
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
  const choice = useStrategyChoice(values.strategy);
  const { strategy } = choice;
  const update = (change: Partial<StrategyRunValues>) => setValues({ ...values, ...change });
  const local = useLocalFieldErrors(props.fieldErrors);
  const errors = local.errors;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!local.check(strategyRunNumberErrors(values, strategy))) return;
    onSubmit(strategyRunBody(values, strategy));
  };

  return (
    // noValidate: the server's rules are the ones that count, and its errors show next to each field.
    <form ref={local.form} className="form" onSubmit={submit} noValidate>
      <SymbolAndHistoryFields
        values={values}
        update={update}
        errors={errors}
        periodHint="Counted back from the latest bar: 6mo, 1y, 2y, 5y. Start and end dates replace it."
      />
      <fieldset className="fieldset">
        <legend>Strategy</legend>
        <StrategySelect
          choice={choice}
          value={values.strategy}
          // A new strategy has other parameters: start from its defaults.
          onValueChange={(name) => {
            local.reset();
            update({ strategy: name, params: {} });
          }}
          error={errors['strategy']}
        />
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
      <BenchmarkField
        value={values.benchmark ?? ''}
        onValueChange={(benchmark) => update({ benchmark })}
        error={errors['benchmark']}
        defaultPhrase={benchmarkPhrase(values.symbol.trim().toUpperCase() || 'the symbol')}
      />
      <CostFields values={values} update={update} errors={errors} edited={local.edited} />
      <SubmitButton label={submitLabel} busyLabel={busyLabel} busy={busy} />
    </form>
  );
}
