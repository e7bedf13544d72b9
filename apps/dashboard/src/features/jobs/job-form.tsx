import { DEFAULT_STRATEGY, type HttpUseCaseInput, RANK_METRICS, type RankMetric } from '@aetherquant/core';
import { type FormEvent, useId } from 'react';
import { type StrategyDescription } from '../../api/types';
import { useStrategies } from '../../api/use-strategies';
import { useRememberedState } from '../../app/screen-memory';
import {
  NumberField,
  numberTextError,
  parseOptionalNumber,
  SelectField,
  TextField,
} from '../../components/field';
import { RequestError } from '../../components/request-error';
import { SubmitButton } from '../../components/submit-button';
import { useLocalFieldErrors } from '../../components/use-local-field-errors';

/** The jobs this form submits: the grid searches, too long to wait for on a phone. */
export type GridJobKind = 'sweep' | 'walkForward';

/** What the person typed, as text: parsed only when the form is sent. */
export interface JobFormValues {
  kind: GridJobKind;
  symbol: string;
  period: string;
  start: string;
  end: string;
  strategy: string;
  /** The values to try per parameter, as typed (`5:50:5`, `10,20`, `30`); empty keeps the default. */
  grid: Record<string, string>;
  rankBy: RankMetric;
  /** Sweep: how many of the best combinations the result lists. */
  top: string;
  /** Walk-forward: the train and test windows' lengths. */
  train: string;
  test: string;
  commissionBps: string;
  slippageBps: string;
}

export const INITIAL_JOB_FORM_VALUES: JobFormValues = {
  kind: 'sweep',
  symbol: 'SPY',
  // Long enough for the walk-forward's default windows (3 years of training, then a year of test).
  period: '5y',
  start: '',
  end: '',
  strategy: DEFAULT_STRATEGY,
  grid: {},
  rankBy: 'sharpe',
  top: '',
  train: '3y',
  test: '1y',
  commissionBps: '',
  slippageBps: '',
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
  const byDates = values.start.trim() !== '' || values.end.trim() !== '';
  const names = strategy ? strategy.parameters.map((parameter) => parameter.name) : Object.keys(values.grid);
  const grid = Object.fromEntries(
    names.map((name) => [name, (values.grid[name] ?? '').trim()] as const).filter(([, text]) => text !== ''),
  );
  const commission = parseOptionalNumber(values.commissionBps);
  const slippage = parseOptionalNumber(values.slippageBps);
  const top = parseOptionalNumber(values.top);
  const request: Record<string, unknown> = {
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
    grid,
    rank_by: values.rankBy,
    ...(values.kind === 'sweep'
      ? top === undefined
        ? {}
        : { top }
      : {
          ...(values.train.trim() ? { train: values.train.trim() } : {}),
          ...(values.test.trim() ? { test: values.test.trim() } : {}),
        }),
    ...(commission === undefined ? {} : { commission_bps: commission }),
    ...(slippage === undefined ? {} : { slippage_bps: slippage }),
  };
  return { use_case: values.kind, request };
}

/** "Must be a number" by request field for the number fields whose text is not one. */
export function jobNumberErrors(values: JobFormValues): Record<string, string> {
  const texts: [string, string][] = [
    ['commission_bps', values.commissionBps],
    ['slippage_bps', values.slippageBps],
    ...(values.kind === 'sweep' ? ([['top', values.top]] as [string, string][]) : []),
  ];
  const errors: Record<string, string> = {};
  for (const [field, text] of texts) {
    const error = numberTextError(text);
    if (error) errors[field] = error;
  }
  return errors;
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
  const strategies = useStrategies();
  const list = strategies.state.status === 'success' ? strategies.state.data.strategies : [];
  const strategy = list.find((candidate) => candidate.name === values.strategy);
  const update = (change: Partial<JobFormValues>) => setValues({ ...values, ...change });
  const local = useLocalFieldErrors(fieldErrors);
  const errors = local.errors;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!local.check(jobNumberErrors(values))) return;
    onSubmit(jobSubmission(values, strategy), jobDescription(values));
  };

  const options =
    list.length > 0
      ? list.map((candidate) => ({ value: candidate.name, label: candidate.name }))
      : [{ value: values.strategy, label: values.strategy }];
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
          hint="Counted back from the latest bar: 2y, 5y, 10y. Start and end dates replace it."
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
      <fieldset
        className={gridError ? 'fieldset fieldset--invalid' : 'fieldset'}
        aria-describedby={[gridError ? `${id}-grid-error` : '', `${id}-grid-hint`].filter(Boolean).join(' ')}
      >
        <legend>Strategy and grid</legend>
        <SelectField
          label="Strategy"
          value={values.strategy}
          options={options}
          disabled={list.length === 0}
          // Another strategy has other parameters: its grid starts empty.
          onValueChange={(name) => {
            local.reset();
            update({ strategy: name, grid: {} });
          }}
          error={errors['strategy']}
          hint={strategy?.description}
        />
        {strategies.state.status === 'error' && (
          <RequestError error={strategies.state.error} onRetry={strategies.retry} />
        )}
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
            hint="How many of the best combinations the result lists, 1 to 1000."
          />
        )}
      </fieldset>
      {values.kind === 'walkForward' && (
        <fieldset className="fieldset">
          <legend>Windows</legend>
          <div className="field-row">
            <TextField
              label="Train"
              value={values.train}
              onValueChange={(train) => update({ train })}
              error={errors['train']}
              hint="Each train window's length: 1y, 3y."
              autoComplete="off"
              spellCheck={false}
            />
            <TextField
              label="Test"
              value={values.test}
              onValueChange={(test) => update({ test })}
              error={errors['test']}
              hint="The test window after it: 6mo, 1y."
              autoComplete="off"
              spellCheck={false}
            />
          </div>
        </fieldset>
      )}
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
      <SubmitButton
        label={values.kind === 'sweep' ? 'Submit sweep' : 'Submit walk-forward'}
        busyLabel="Submitting…"
        busy={busy}
      />
    </form>
  );
}
