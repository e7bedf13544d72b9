import { AetherError } from '@aetherquant/core';
import { type Strategy, type StrategyParameters } from '@aetherquant/strategies';

/**
 * A request's strategy parameters resolved (defaults, bounds, cross-rules), their errors naming each as the
 * request field it came from, `params.<name>`, so every transport can name it its own way.
 */
export function resolveRequestParams(
  strategy: Strategy,
  params: Record<string, unknown>,
): StrategyParameters {
  try {
    return strategy.resolveParameters(params);
  } catch (error) {
    if (error instanceof AetherError) throw error.withFieldNames((field) => `params.${field}`);
    throw error;
  }
}
