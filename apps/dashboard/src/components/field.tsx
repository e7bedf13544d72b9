import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

interface FieldFrameProps {
  label: string;
  hint?: string;
  /** The server's rule for this field (a 400's violation), shown under it. */
  error?: string;
  children: (control: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** A label, the control, a hint and the field's error, wired together for screen readers. */
function FieldFrame({ label, hint, error, children }: FieldFrameProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>;

export interface TextFieldProps extends InputProps {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: string;
  error?: string;
}

/** A labelled input (text, date, password): the value travels as text, the form parses it. */
export function TextField({ label, value, onValueChange, hint, error, ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <input
          {...input}
          id={id}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        />
      )}
    </FieldFrame>
  );
}

/**
 * A length of time as the API reads it (`6mo`, `1y`, `5y`): a period of history, a window. Typed as is, with
 * no autocompletion or spelling fixes.
 */
export function DurationField(field: Omit<TextFieldProps, 'type' | 'autoComplete' | 'spellCheck'>) {
  return <TextField {...field} autoComplete="off" spellCheck={false} />;
}

export interface SelectFieldProps {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onValueChange: (value: string) => void;
  hint?: string;
  error?: string;
  disabled?: boolean;
}

export function SelectField({
  label,
  value,
  options,
  onValueChange,
  hint,
  error,
  disabled,
}: SelectFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          value={value}
          disabled={disabled}
          onChange={(event) => onValueChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
}

export function CheckboxField({ label, checked, onCheckedChange }: CheckboxFieldProps) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(event) => onCheckedChange(event.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

export interface NumberFieldProps extends Omit<TextFieldProps, 'type' | 'inputMode'> {
  /** Whole numbers only: the phone offers the digits keyboard. */
  integer?: boolean;
}

/**
 * A number typed as text. Not `type="number"`: that one reads "0,5" from a comma-decimal keyboard as empty, and
 * the form would then send the default instead. The form reads the text with `parseOptionalNumber`, which takes
 * a comma as the decimal separator, and says "Must be a number" next to the field when it is not one.
 */
export function NumberField({ integer = false, ...field }: NumberFieldProps) {
  return (
    <TextField
      {...field}
      type="text"
      inputMode={integer ? 'numeric' : 'decimal'}
      autoComplete="off"
      autoCorrect="off"
      spellCheck={false}
    />
  );
}

/** The field error of number text that cannot be read as a number. */
export const NOT_A_NUMBER = 'Must be a number';

const NUMBER_TEXT = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i;

/**
 * Text typed into a number field: undefined when empty (the server's default applies), NaN when not a number.
 * A comma is read as the decimal separator ("0,5" is 0.5), as comma-decimal phone keyboards type it; a
 * typographic minus counts as a minus. Anything else, thousands separators included, is not a number.
 */
export function parseOptionalNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(/\u2212/g, '-');
  if (trimmed === '') return undefined;
  return NUMBER_TEXT.test(trimmed) ? Number(trimmed.replace(',', '.')) : Number.NaN;
}

/** NOT_A_NUMBER for text that is neither empty nor a number, else undefined. */
export function numberTextError(text: string | undefined): string | undefined {
  return text !== undefined && Number.isNaN(parseOptionalNumber(text)) ? NOT_A_NUMBER : undefined;
}

/** NOT_A_NUMBER by request field, for each `[field, text]` whose text is neither empty nor a number. */
export function numberTextErrors(
  texts: readonly (readonly [string, string | undefined])[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, text] of texts) {
    const error = numberTextError(text);
    if (error) errors[field] = error;
  }
  return errors;
}
