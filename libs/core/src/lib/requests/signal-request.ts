import { z } from 'zod';

export const SIGNALS = ['buy', 'sell', 'hold'] as const;
export type Signal = (typeof SIGNALS)[number];

/** Default band around zero inside which a return is noise: ±1%. */
export const DEFAULT_SIGNAL_THRESHOLD = 0.01;

/** Input of the `signal` use case (CLI flags `--latest-return`, `--threshold`; API body in snake_case). */
export const signalRequestSchema = z
  .object({
    /** The latest simple return as a fraction (0.015 is +1.5%). */
    latest_return: z.number(),
    /** Half-width of the hold band, a fraction at least 0. */
    threshold: z.number().min(0).default(DEFAULT_SIGNAL_THRESHOLD),
  })
  .strict();

export type SignalRequest = z.output<typeof signalRequestSchema>;
