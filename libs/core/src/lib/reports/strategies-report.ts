// Types only: the JSON shape of the built-in strategies' descriptions (`GET /api/strategies`).

/** One tunable number of a strategy, with the bounds a sweep or a form may use. */
export interface StrategyParameterDescription {
  /** As callers spell it: `fast`, `slow`, `period`. */
  name: string;
  description: string;
  /** `integer` for window lengths, `number` for levels such as RSI thresholds. */
  kind: 'integer' | 'number';
  default: number;
  /** Inclusive bounds. */
  min: number;
  max: number;
}

/** A built-in strategy as plain JSON: its name, what it does and its parameters. */
export interface StrategyDescription {
  name: string;
  description: string;
  parameters: StrategyParameterDescription[];
}

/** Every built-in strategy with its parameters' descriptions, bounds and defaults, as plain JSON. */
export interface StrategiesReport {
  strategies: StrategyDescription[];
}
