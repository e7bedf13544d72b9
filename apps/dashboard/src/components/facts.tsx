import { type ReactNode } from 'react';

export interface Fact {
  label: string;
  value: ReactNode;
  /** Long unbroken text (an id, JSON): it may break anywhere rather than widen the page. */
  breakAnywhere?: boolean;
}

/** Labelled figures or facts as a description list; an `undefined` entry (a fact that does not apply) is left out. */
export function Facts({ facts }: { facts: readonly (Fact | undefined)[] }) {
  return (
    <dl className="facts">
      {facts.map(
        (fact) =>
          fact && (
            <div key={fact.label}>
              <dt>{fact.label}</dt>
              <dd className={fact.breakAnywhere ? 'break' : undefined}>{fact.value}</dd>
            </div>
          ),
      )}
    </dl>
  );
}
