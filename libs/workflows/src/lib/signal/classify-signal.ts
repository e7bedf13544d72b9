import { type Signal } from '@aetherquant/core';

/**
 * The rule of `aetherquant signal`: buy when the latest return is strictly above +threshold, sell when
 * strictly below −threshold, hold inside the band (its edges included).
 */
export function classifySignal(latestReturn: number, threshold: number): Signal {
  if (latestReturn > threshold) return 'buy';
  if (latestReturn < -threshold) return 'sell';
  return 'hold';
}
