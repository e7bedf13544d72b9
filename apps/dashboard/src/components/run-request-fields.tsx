import { type StrategyChoice } from '../api/use-strategies';
import { DurationField, NumberField, SelectField, TextField } from './field';
import { RequestError } from './request-error';
import { type CostValues, type HistoryValues, type RunRequestValues } from './run-request';

interface FieldsProps<Values> {
  values: Values;
  update: (change: Partial<Values>) => void;
  /** Errors by request field (`symbol`, `period`, `commission_bps`). */
  errors: Record<string, string>;
}
type RunRequestFieldsProps = FieldsProps<RunRequestValues>;

/** The symbol, and its history: a period counted back from the latest bar (`periodHint`), or dates. */
export function SymbolAndHistoryFields({
  values,
  update,
  errors,
  periodHint,
}: RunRequestFieldsProps & { periodHint: string }) {
  return (
    <>
      <TextField
        label="Symbol"
        value={values.symbol}
        onValueChange={(symbol) => update({ symbol })}
        error={errors['symbol']}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
      />
      <HistoryFields values={values} update={update} errors={errors} periodHint={periodHint} />
    </>
  );
}

/** The history: a period counted back from the latest bar (`periodHint`), or start and end dates. */
export function HistoryFields({
  values,
  update,
  errors,
  periodHint,
}: FieldsProps<HistoryValues> & { periodHint: string }) {
  return (
    <fieldset className="fieldset">
      <legend>History</legend>
      <DurationField
        label="Period"
        value={values.period}
        onValueChange={(period) => update({ period })}
        error={errors['period']}
        hint={periodHint}
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
  );
}

/** The strategy field: the listed strategies, the chosen one's description, and the list's error with Retry. */
export function StrategySelect({
  choice,
  value,
  onValueChange,
  error,
}: {
  choice: StrategyChoice;
  value: string;
  onValueChange: (name: string) => void;
  error: string | undefined;
}) {
  const { strategies } = choice;
  return (
    <>
      <SelectField
        label="Strategy"
        value={value}
        options={choice.options}
        disabled={!choice.listed}
        onValueChange={onValueChange}
        error={error}
        hint={choice.strategy?.description}
      />
      {strategies.state.status === 'error' && (
        <RequestError error={strategies.state.error} onRetry={strategies.retry} />
      )}
    </>
  );
}

/** Commission and slippage in basis points, and the starting cash; empty, the server's defaults apply. */
export function CostFields({
  values,
  update,
  errors,
  edited,
}: FieldsProps<CostValues> & {
  /** The field (by request field) was edited: its own "Must be a number" no longer applies. */
  edited: (field: string) => void;
}) {
  return (
    <fieldset className="fieldset">
      <legend>Costs and cash</legend>
      <div className="field-row">
        <NumberField
          label="Commission (bps)"
          value={values.commissionBps}
          placeholder="Server default"
          onValueChange={(commissionBps) => {
            edited('commission_bps');
            update({ commissionBps });
          }}
          error={errors['commission_bps']}
        />
        <NumberField
          label="Slippage (bps)"
          value={values.slippageBps}
          placeholder="Server default"
          onValueChange={(slippageBps) => {
            edited('slippage_bps');
            update({ slippageBps });
          }}
          error={errors['slippage_bps']}
        />
        <NumberField
          label="Initial cash ($)"
          value={values.initialCash ?? ''}
          placeholder="Server default"
          onValueChange={(initialCash) => {
            edited('initial_cash');
            update({ initialCash });
          }}
          error={errors['initial_cash']}
          hint="The account's cash at the start, in dollars."
        />
      </div>
    </fieldset>
  );
}

/**
 * The benchmark: any symbol whose buy-and-hold the run is measured against; left empty, the run's default
 * (`defaultPhrase`: buy-and-hold of the traded symbol, or the equal-weight portfolio).
 */
export function BenchmarkField({
  value,
  onValueChange,
  error,
  defaultPhrase,
}: {
  value: string;
  onValueChange: (benchmark: string) => void;
  error: string | undefined;
  defaultPhrase: string;
}) {
  return (
    <TextField
      label="Benchmark"
      value={value}
      onValueChange={onValueChange}
      error={error}
      placeholder={defaultPhrase.charAt(0).toUpperCase() + defaultPhrase.slice(1)}
      hint={`Any symbol, bought and held over the same bars; empty: ${defaultPhrase}.`}
      autoCapitalize="characters"
      autoComplete="off"
      spellCheck={false}
    />
  );
}
