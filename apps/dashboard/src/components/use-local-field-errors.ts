import { useEffect, useRef, useState } from 'react';

/**
 * The form's own errors (number fields that are not numbers) after a submit, cleared field by field as they
 * are edited, over the server's; focus goes to the first field in error when a submit is refused.
 */
export function useLocalFieldErrors(serverErrors: Record<string, string>) {
  const [local, setLocal] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);
  return {
    form,
    errors: { ...serverErrors, ...local },
    /** Shows `errors` and says whether there were none (the form may be sent). */
    check(errors: Record<string, string>): boolean {
      setLocal(errors);
      if (Object.keys(errors).length === 0) return true;
      setRefusals((count) => count + 1);
      return false;
    },
    /** Forgets the form's own errors (the fields they were about are gone). */
    reset() {
      setLocal({});
    },
    /** The field was edited: its own error no longer applies. */
    edited(field: string) {
      if (Object.hasOwn(local, field))
        setLocal(Object.fromEntries(Object.entries(local).filter(([name]) => name !== field)));
    },
  };
}
