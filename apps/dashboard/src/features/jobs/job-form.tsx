import { type HttpUseCaseInput, RANK_METRICS, type RankMetric } from '@aetherquant/core';
import { type FormEvent, useId } from 'react';
import { type StrategyDescription } from '../../api/types';
import { useStrategyChoice } from '../../api/use-strategies';
import { useRememberedState } from '../../app/screen-memory';
import {
  DurationField,
  NumberField,
  numberTextErrors,
  parseOptionalNumber,
  SelectField,
  TextField,
} from '../../components/field';
import { benchmarkPhrase } from '../../components/benchmark';
import {
  benchmarkBody,
  costNumberTexts,
  initialRunRequestValues,
  runRequestBody,
  type RunRequestValues,
} from '../../components/run-request';
import {
  BenchmarkField,
  CostFields,
  StrategySelect,
  SymbolAndHistoryFields,
} from '../../components/run-request-fields';
import { SubmitButton } from '../../components/submit-button';
import { useLocalFieldErrors } from '../../components/use-local-field-errors';

/** The jobs this form submits: the grid searches, too long to wait for on a phone. */
export type GridJobKind = 'sweep' | 'walkForward';

/** What the person typed, as text: parsed only when the form is sent. */
export interface JobFormValues extends RunRequestValues {
  kind: GridJobKind;
  /** The values to try per parameter, as typed (`5:50:5`, `10,20`, `30`); empty keeps the default. */
  grid: Record<string, string>;
  rankBy: RankMetric;
  /** Sweep: how many of the best combinations the result lists. */
  top: string;
  /** Walk-forward: the train and test windows' lengths. */
  train: string;
  test: string;
}

export const INITIAL_JOB_FORM_VALUES: JobFormValues = {
  kind: 'sweep',
  // A period long enough for the walk-forward's default windows (3 years of training, then a year of test).
  ...initialRunRequestValues('5y'),
  grid: {},
  rankBy: 'sharpe',
  top: '',
  train: '3y',
  test: '1y',
};

export const RANK_LABELS: Record<RankMetric, string> = {
  sharpe: 'Sharpe',
  annual_return: 'Annual return',
  total_return: 'Total return',
  final_equity: 'Final equity',
  sortino: 'Sortino',
  calmar: 'Calmar',
  max_drawdown: 'Max drawdown',
};

const KIND_CHOICES: readonly { kind: GridJobKind; label: string; hint: string }[] = [
  { kind: 'sweep', label: 'Sweep', hint: 'Every combination of the grid backtested and ranked.' },
  {
    kind: 'walkForward',
    label: 'Walk-forward',
    hint: 'The grid searched on each train window; its best parameters traded on the test window after it.',
  },
];

/**
 * The `POST /api/jobs` body: the use case and its request in the API's snake_case. Each grid value goes as
 * typed (the server reads numbers, lists and ranges, and names the parameter of one it cannot read); empty
 * ones are left out so the strategy's default applies, as are empty costs and an empty `top`.
 */
export function jobSubmission(
  values: JobFormValues,
  strategy: StrategyDescription | undefined,
): HttpUseCaseInput<'submitJob'> {
  const names = strategy ? strategy.parameters.map((parameter) => parameter.name) : Object.keys(values.grid);
  const grid = Object.fromEntries(
    names.map((name) => [name, (values.grid[name] ?? '').trim()] as const).filter(([, text]) => text !== ''),
  );
  const top = parseOptionalNumber(values.top);
  const request = runRequestBody(values, {
    grid,
    rank_by: values.rankBy,
    ...(values.kind === 'sweep'
      ? top === undefined
        ? {}
        : { top }
      : {
          ...(values.train.trim() ? { train: values.train.trim() } : {}),
          ...(values.test.trim() ? { test: values.test.trim() } : {}),
          // A sweep ranks combinations and reports no benchmark figures: only a walk-forward takes one.
          ...benchmarkBody(values.benchmark),
        }),
  });
  return { use_case: values.kind, request };
}

/** "Must be a number" by request field for the number fields whose text is not one. */
export function jobNumberErrors(values: JobFormValues): Record<string, string> {
  return numberTextErrors([
    ...costNumberTexts(values),
    ...(values.kind === 'sweep' ? ([['top', values.top]] as const) : []),
  ]);
}

/**
 * A submission's field errors by the request's own field names: the API names them inside the submission
 * (`request.symbol`, `request.params.fast`, `request.grid`), the form by the request's (`symbol`, …).
 */
export function requestFieldErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, rule]) => [field.replace(/^request\./, ''), rule]),
  );
}

/** What a submitted job runs on, as the job list names it ("SPY · ma-cross"). */
export function jobDescription(values: JobFormValues): string {
  return `${values.symbol.trim().toUpperCase()} · ${values.strategy}`;
}

export interface JobFormProps {
  busy: boolean;
  /** A 400's errors by the request's field names (`symbol`, `params.fast`, `grid`, `train`). */
  fieldErrors: Record<string, string>;
  onSubmit: (submission: HttpUseCaseInput<'submitJob'>, described: string) => void;
}

/** A sweep or a walk-forward: symbol, history, strategy with a grid per parameter, ranking and costs. */
export function JobForm({ busy, fieldErrors, onSubmit }: JobFormProps) {
  const id = useId();
  const [values, setValues] = useRememberedState('jobs.form', INITIAL_JOB_FORM_VALUES);
  const choice = useStrategyChoice(values.strategy);
  const { strategy } = choice;
  const update = (change: Partial<JobFormValues>) => setValues({ ...values, ...change });
  const local = useLocalFieldErrors(fieldErrors);
  const errors = local.errors;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!local.check(jobNumberErrors(values))) return;
    onSubmit(jobSubmission(values, strategy), jobDescription(values));
  };

  const gridError = errors['grid'];
  const kind = KIND_CHOICES.find((choice) => choice.kind === values.kind) ?? KIND_CHOICES[0];

  return (
    // noValidate: the server's rules are the ones that count, and its errors show next to each field.
    <form ref={local.form} className="form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>New job</h3>
      <fieldset className="fieldset" aria-describedby={`${id}-kind-hint`}>
        <legend>Job</legend>
        <div className="choice-row">
          {KIND_CHOICES.map((choice) => (
            <label key={choice.kind} className="choice">
              <input
                type="radio"
                name={`${id}-kind`}
                value={choice.kind}
                checked={values.kind === choice.kind}
                onChange={() => {
                  local.reset();
                  update({ kind: choice.kind });
                }}
              />
              <span>{choice.label}</span>
            </label>
          ))}
        </div>
        <p id={`${id}-kind-hint`} className="field__hint">
          {kind?.hint}
        </p>
      </fieldset>
      <SymbolAndHistoryFields
        values={values}
        update={update}
        errors={errors}
        periodHint="Counted back from the latest bar: 2y, 5y, 10y. Start and end dates replace it."
      />
      <fieldset
        className={gridError ? 'fieldset fieldset--invalid' : 'fieldset'}
        aria-describedby={[gridError ? `${id}-grid-error` : '', `${id}-grid-hint`].filter(Boolean).join(' ')}
      >
        <legend>Strategy and grid</legend>
        <StrategySelect
          choice={choice}
          value={values.strategy}
          // Another strategy has other parameters: its grid starts empty.
          onValueChange={(name) => {
            local.reset();
            update({ strategy: name, grid: {} });
          }}
          error={errors['strategy']}
        />
        <p id={`${id}-grid-hint`} className="field__hint">
          Each parameter takes a number, a list (5,10,20) or a range start:stop:step (5:50:5, the stop
          included). Left empty, it keeps its default.
        </p>
        {gridError && (
          <p id={`${id}-grid-error`} className="field__error">
            {gridError}
          </p>
        )}
        {strategy && strategy.parameters.length > 0 && (
          <div className="field-row">
            {strategy.parameters.map((parameter) => (
              <TextField
                key={parameter.name}
                label={parameter.name}
                value={values.grid[parameter.name] ?? ''}
                placeholder={String(parameter.default)}
                onValueChange={(text) => update({ grid: { ...values.grid, [parameter.name]: text } })}
                error={errors[`params.${parameter.name}`] ?? errors[`grid.${parameter.name}`]}
                hint={`${parameter.description} Default ${parameter.default}.`}
                autoCapitalize="none"
                autoComplete="off"
                autoCorrect="off"
                spellCheck={false}
              />
            ))}
          </div>
        )}
        <SelectField
          label="Rank by"
          value={values.rankBy}
          options={RANK_METRICS.map((metric) => ({ value: metric, label: RANK_LABELS[metric] }))}
          onValueChange={(rankBy) => update({ rankBy: rankBy as RankMetric })}
          error={errors['rank_by']}
          hint="The figure the combinations are ranked by; larger is better (drawdowns are negative)."
        />
        {values.kind === 'sweep' && (
          <NumberField
            label="Top combinations"
            integer
            value={values.top}
            placeholder="20"
            onValueChange={(top) => {
              local.edited('top');
              update({ top });
            }}
            error={errors['top']}
            hint="How many of the best combinations the result lists and its heat map draws, 1 to 1000."
          />
        )}
      </fieldset>
      {values.kind === 'walkForward' && (
        <fieldset className="fieldset">
          <legend>Windows and benchmark</legend>
          <div className="field-row">
            <DurationField
              label="Train"
              value={values.train}
              onValueChange={(train) => update({ train })}
              error={errors['train']}
              hint="Each train window's length: 1y, 3y."
            />
            <DurationField
              label="Test"
              value={values.test}
              onValueChange={(test) => update({ test })}
              error={errors['test']}
              hint="The test window after it: 6mo, 1y."
            />
          </div>
          <BenchmarkField
            value={values.benchmark ?? ''}
            onValueChange={(benchmark) => update({ benchmark })}
            error={errors['benchmark']}
            defaultPhrase={benchmarkPhrase(values.symbol.trim().toUpperCase() || 'the symbol')}
          />
        </fieldset>
      )}
      <CostFields values={values} update={update} errors={errors} edited={local.edited} />
      <SubmitButton
        label={values.kind === 'sweep' ? 'Submit sweep' : 'Submit walk-forward'}
        busyLabel="Submitting…"
        busy={busy}
      />
    </form>
  );
}
