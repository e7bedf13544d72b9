import { type Role } from '@aetherquant/core';
import { useState, type FormEvent } from 'react';
import { createDashboardClient, normalizeApiKey } from '../../api/api-client';
import { type UiError } from '../../api/error-message';
import { type KeycheckResponse } from '../../api/types';
import { useRequest } from '../../api/use-request';
import { CheckboxField, TextField } from '../../components/field';
import { RequestError } from '../../components/request-error';
import { SubmitButton } from '../../components/submit-button';

export interface KeyScreenProps {
  /** Called once the API has accepted the key, with the role it holds. */
  onSignedIn: (key: string, role: Role, rememberOnDevice: boolean) => void;
  /** Why the person is here again (a saved key that stopped working). */
  notice?: UiError;
}

/** Paste the key you were given; the API says whether it works and which role it holds. */
export function KeyScreen({ onSignedIn, notice }: KeyScreenProps) {
  const [pasted, setPasted] = useState('');
  const [remember, setRemember] = useState(false);
  const check = useRequest<KeycheckResponse>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const key = normalizeApiKey(pasted);
    check.run(async (signal) => {
      const answer = await createDashboardClient(key).call('keycheck', {}, { signal });
      onSignedIn(key, answer.role, remember);
      return answer;
    });
  };

  const error =
    check.state.status === 'error' ? check.state.error : check.state.status === 'idle' ? notice : undefined;
  return (
    <main className="key-screen">
      <h1 className="brand brand--large">AetherQuant</h1>
      <form className="form card" onSubmit={submit} noValidate>
        <h2>Sign in with your API key</h2>
        <TextField
          label="API key"
          type="password"
          value={pasted}
          onValueChange={setPasted}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          hint="Paste the key your operator gave you. Spaces and quotes around it are removed."
        />
        <CheckboxField label="Remember on this device" checked={remember} onCheckedChange={setRemember} />
        <p className="field__hint">
          {remember
            ? 'The key stays on this device until you choose Forget key.'
            : 'The key is kept for this tab only and forgotten when you close it.'}
        </p>
        <SubmitButton label="Continue" busyLabel="Checking…" busy={check.state.status === 'loading'} />
        {error && <RequestError error={error} onRetry={check.retry} />}
      </form>
    </main>
  );
}
