import { useId, useRef, useState, type KeyboardEvent } from 'react';

export interface ChipsInputProps {
  label: string;
  values: readonly string[];
  onValuesChange: (values: string[]) => void;
  /** Turns typed text into a chip's value (upper-case symbols); empty text is ignored. */
  normalize?: (text: string) => string;
  hint?: string;
  error?: string;
}

/**
 * A list of values as removable chips, with an input that adds one on Enter or a comma (a pasted
 * "SPY, TLT, GLD" adds three). Backspace in the empty input removes the last chip.
 */
export function ChipsInput({
  label,
  values,
  onValuesChange,
  normalize = (text) => text.trim(),
  hint,
  error,
}: ChipsInputProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const removeButtons = useRef(new Map<string, HTMLButtonElement>());

  // The removed chip's button goes away with it: its focus moves to the next chip (or the one before it,
  // or the input), which stays mounted, so a keyboard or screen reader user does not land on the page.
  const remove = (value: string) => {
    const index = values.indexOf(value);
    const neighbour = values[index + 1] ?? values[index - 1];
    const target = neighbour === undefined ? undefined : removeButtons.current.get(neighbour);
    (target ?? input.current)?.focus();
    onValuesChange(values.filter((kept) => kept !== value));
  };

  const add = (text: string) => {
    const added = text
      .split(',')
      .map(normalize)
      .filter((value) => value !== '' && !values.includes(value));
    if (added.length > 0) onValuesChange([...values, ...new Set(added)]);
    setDraft('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(draft);
    } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
      onValuesChange(values.slice(0, -1));
    }
  };

  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <div className="chips">
        <ul className="chips__list" aria-label={`${label} chosen`}>
          {values.map((value) => (
            <li key={value} className="chip">
              <span>{value}</span>
              <button
                type="button"
                className="chip__remove"
                aria-label={`Remove ${value}`}
                ref={(button) => {
                  if (button) removeButtons.current.set(value, button);
                  else removeButtons.current.delete(value);
                }}
                onClick={() => remove(value)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          ref={input}
          id={id}
          value={draft}
          onChange={(event) =>
            event.target.value.includes(',') ? add(event.target.value) : setDraft(event.target.value)
          }
          onKeyDown={onKeyDown}
          onBlur={() => draft.trim() !== '' && add(draft)}
          autoCapitalize="characters"
          autoComplete="off"
          enterKeyHint="enter"
          aria-describedby={describedBy || undefined}
          aria-invalid={Boolean(error) || undefined}
        />
      </div>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
