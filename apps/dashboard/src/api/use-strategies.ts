import { useEffect } from 'react';
import { useSession } from '../app/session';
import { type StrategiesReport, type StrategyDescription } from './types';
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

/** The strategies on offer and the one named `name` (undefined until the list has come, or when not listed). */
export interface StrategyChoice {
  /** The list's request: its error and Retry show under the strategy field. */
  strategies: Request<StrategiesReport>;
  /** The strategy field's options: the listed strategies, or only `name` until they come. */
  options: { value: string; label: string }[];
  /** The list has come: the field may be changed. */
  listed: boolean;
  strategy: StrategyDescription | undefined;
}

/** The listed strategies as a form's strategy field offers them, with the chosen one's description. */
export function useStrategyChoice(name: string): StrategyChoice {
  const strategies = useStrategies();
  const list = strategies.state.status === 'success' ? strategies.state.data.strategies : [];
  return {
    strategies,
    options:
      list.length > 0
        ? list.map((candidate) => ({ value: candidate.name, label: candidate.name }))
        : [{ value: name, label: name }],
    listed: list.length > 0,
    strategy: list.find((candidate) => candidate.name === name),
  };
}
