import { useEffect } from 'react';
import { useSession } from '../app/session';
import { type StrategiesReport } from './types';
import { useRequest, type Request } from './use-request';

/** The strategies and their parameters, loaded once per session (both run forms share the answer). */
export function useStrategies(): Request<StrategiesReport> {
  const { client } = useSession();
  const request = useRequest<StrategiesReport>('strategies');
  const { state, run } = request;
  useEffect(() => {
    if (state.status === 'idle') run((signal) => client.call('strategies', {}, { signal }));
  }, [state.status, run, client]);
  return request;
}
