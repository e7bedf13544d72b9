import { type HttpUseCaseInput, type OptimizationMethodName } from '@aetherquant/core';
import { type FormEvent } from 'react';
import { type OptimizeReport } from '../../api/types';
import { useRequest } from '../../api/use-request';
import { useRememberedState } from '../../app/screen-memory';
import { useSession } from '../../app/session';
import { ChipsInput } from '../../components/chips-input';
import {
  CheckboxField,
  DurationField,
  NumberField,
  numberTextErrors,
  parseOptionalNumber,
  SelectField,
} from '../../components/field';
import { fieldErrorsOf, listFieldError, RequestOutcome } from '../../components/request-outcome';
import { SubmitButton } from '../../components/submit-button';
import { typedSymbol } from '../../components/typed-symbol';
import { useLocalFieldErrors } from '../../components/use-local-field-errors';
import {
  COVARIANCE_ESTIMATORS,
  METHOD_OPTIONS,
  OPTIMIZATION_METHODS,
  SHORTABLE_METHODS,
} from './optimize-methods';
import { OptimizeResults } from './optimize-results';

export interface OptimizeValues {
  symbols: string[];
  period: string;
  method: OptimizationMethodName;
  /** Typed option values by request field; an option not typed keeps its default. */
  options: Record<string, string>;
  covariance: (typeof COVARIANCE_ESTIMATORS)[number];
  allowShort: boolean;
}

export const INITIAL_OPTIMIZE_VALUES: OptimizeValues = {
  symbols: ['SPY', 'TLT', 'GLD', 'QQQ'],
  period: '2y',
  method: 'risk-parity',
  options: {},
  covariance: 'sample',
  allowShort: false,
};

/** The optimise request's JSON body: only the options the chosen method reads. */
export function optimizeBody(values: OptimizeValues): HttpUseCaseInput<'optimize'> {
  const options = Object.fromEntries(
    METHOD_OPTIONS[values.method].map((option) => [
      option.field,
      parseOptionalNumber(values.options[option.field] ?? '') ?? option.default,
    ]),
  );
  return {
    symbols: values.symbols,
    ...(values.period.trim() ? { period: values.period.trim() } : {}),
    method: values.method,
    ...options,
    covariance: values.covariance,
    ...(SHORTABLE_METHODS.includes(values.method) ? { allow_short: values.allowShort } : {}),
  };
}

/** "Must be a number" by request field for the chosen method's options whose text is not a number. */
export function optimizeNumberErrors(values: OptimizeValues): Record<string, string> {
  return numberTextErrors(
    METHOD_OPTIONS[values.method].map((option) => [option.field, values.options[option.field]] as const),
  );
}

/** Portfolio weights for several symbols by one optimiser. */
export function OptimizeScreen() {
  const { client } = useSession();
  const request = useRequest<OptimizeReport>('optimize');
  const [values, setValues] = useRememberedState('optimize.form', INITIAL_OPTIMIZE_VALUES);
  const update = (change: Partial<OptimizeValues>) => setValues({ ...values, ...change });
  const busy = request.state.status === 'loading';
  const local = useLocalFieldErrors(fieldErrorsOf(request));
  const fieldErrors = local.errors;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!local.check(optimizeNumberErrors(values))) return;
    const body = optimizeBody(values);
    request.run((signal) => client.call('optimize', body, { signal }));
  };

  return (
    <section className="screen" aria-labelledby="optimize-title">
      <h2 id="optimize-title">Optimise</h2>
      <form ref={local.form} className="form" onSubmit={submit} noValidate>
        <ChipsInput
          label="Symbols"
          values={values.symbols}
          onValuesChange={(symbols) => update({ symbols })}
          normalize={typedSymbol}
          hint="Type a symbol and press Enter or a comma."
          error={listFieldError(fieldErrors, 'symbols')}
        />
        <DurationField
          label="Period"
          value={values.period}
          onValueChange={(period) => update({ period })}
          error={fieldErrors['period']}
          hint="The history the returns are estimated from: 1y, 2y, 5y."
        />
        <fieldset className="fieldset">
          <legend>Method</legend>
          <SelectField
            label="Method"
            value={values.method}
            options={OPTIMIZATION_METHODS.map((method) => ({ value: method, label: method }))}
            onValueChange={(method) => {
              local.reset();
              update({ method: method as OptimizationMethodName });
            }}
            error={fieldErrors['method']}
          />
          <div className="field-row">
            {METHOD_OPTIONS[values.method].map((option) => (
              <NumberField
                key={option.field}
                label={option.label}
                value={values.options[option.field] ?? String(option.default)}
                onValueChange={(text) => {
                  local.edited(option.field);
                  update({ options: { ...values.options, [option.field]: text } });
                }}
                error={fieldErrors[option.field]}
                hint={option.hint}
              />
            ))}
          </div>
          <SelectField
            label="Covariance"
            value={values.covariance}
            options={COVARIANCE_ESTIMATORS.map((estimator) => ({ value: estimator, label: estimator }))}
            onValueChange={(covariance) => update({ covariance: covariance as OptimizeValues['covariance'] })}
            error={fieldErrors['covariance']}
            hint="ledoit-wolf shrinks the sample estimate: steadier with few bars or many symbols."
          />
          {SHORTABLE_METHODS.includes(values.method) && (
            <CheckboxField
              label="Allow short positions"
              checked={values.allowShort}
              onCheckedChange={(allowShort) => update({ allowShort })}
            />
          )}
        </fieldset>
        <SubmitButton label="Optimise" busyLabel="Optimising…" busy={busy} />
      </form>
      <RequestOutcome request={request} progressLabel="Optimising">
        {(report) => <OptimizeResults report={report} />}
      </RequestOutcome>
    </section>
  );
}
